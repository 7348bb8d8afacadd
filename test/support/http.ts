import type { LightMyRequestResponse } from 'fastify';
import { buildServer, type App } from '../../src/app/server.ts';
import type { TestContext } from './context.ts';
import { TEST_PASSWORD } from './context.ts';

export async function testServer(t: TestContext): Promise<App> {
  const app = await buildServer(t.services, { sessionSecret: 's'.repeat(40), secureCookies: false, logLevel: 'silent', logger: false });
  await app.ready();
  return app;
}

/** A cookie jar for app.inject. */
export class Browser {
  cookies = new Map<string, string>();
  constructor(private readonly app: App) {}

  private remember(res: LightMyRequestResponse) {
    for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      if (c.value === '' || c.maxAge === 0 || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return res;
  }

  get header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async get(url: string, headers: Record<string, string> = {}) {
    return this.remember(await this.app.inject({ method: 'GET', url, headers: { cookie: this.header, ...headers } }));
  }

  async csrf(): Promise<string> {
    const res = await this.get('/sign-in');
    return /name="_csrf" value="([^"]+)"/.exec(res.body)![1]!;
  }

  async post(url: string, form: Record<string, string>, withCsrf = true) {
    const payload = new URLSearchParams({ ...(withCsrf ? { _csrf: await this.csrf() } : {}), ...form }).toString();
    return this.remember(
      await this.app.inject({
        method: 'POST',
        url,
        payload,
        headers: { cookie: this.header, 'content-type': 'application/x-www-form-urlencoded' },
      }),
    );
  }

  async json(method: 'POST' | 'GET', url: string, body?: string, contentType = 'application/json') {
    return this.remember(
      await this.app.inject({
        method,
        url,
        payload: body,
        headers: { cookie: this.header, ...(body !== undefined ? { 'content-type': contentType } : {}) },
      }),
    );
  }

  async signIn(email: string, password = TEST_PASSWORD) {
    const res = await this.post('/sign-in', { email, password });
    if (res.statusCode !== 303) throw new Error(`sign-in failed: ${res.statusCode}`);
    return res;
  }
}

/** A multipart/form-data body with fields and one file, for upload routes. */
export function multipart(fields: Record<string, string>, file: { name: string; type: string; content: Buffer | string; field?: string }) {
  const boundary = '----nextwork' + Math.random().toString(16).slice(2);
  const parts = Object.entries(fields).map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`);
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? 'file'}"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`;
  const payload = Buffer.concat([Buffer.from(parts.join('') + head), Buffer.from(file.content), Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
