import { randomBytes } from 'node:crypto';
import { openPglite } from '../platform/db/client.ts';
import { systemClock } from '../platform/clock.ts';
import { buildServer } from './server.ts';
import { createServices } from './services.ts';

/** The OpenAPI document, generated from the routes' zod schemas (committed as docs/openapi.json). */
export async function generateOpenApi(): Promise<string> {
  const database = await openPglite({});
  try {
    const services = createServices(database, systemClock, {
      baseUrl: 'http://localhost:3000',
      smtpUrl: undefined,
      mailFrom: 'x <x@x.test>',
      demo: false,
      sessionIdleMinutes: 30,
      sessionAbsoluteHours: 12,
      dataKey: randomBytes(32),
    });
    const app = await buildServer(services, { sessionSecret: 'x'.repeat(32), secureCookies: false, logLevel: 'silent', logger: false });
    await app.ready();
    const doc = JSON.stringify(app.swagger(), null, 2) + '\n';
    await app.close();
    return doc;
  } finally {
    await database.close();
  }
}
