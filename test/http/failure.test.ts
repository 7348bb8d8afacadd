import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app/server.ts';
import { type TestContext, createTestContext } from '../support/context.ts';
import { Browser, testServer } from '../support/http.ts';

let t: TestContext;
let app: App;
beforeAll(async () => {
  t = await createTestContext();
  app = await testServer(t);
});
afterAll(async () => {
  await app.close();
});

describe('outside demo mode', () => {
  it('the sign-in page lists no demo accounts and there is no outbox', async () => {
    const b = new Browser(app);
    expect((await b.get('/sign-in')).body).not.toContain('Demo-konti');
    expect((await b.get('/dev/outbox')).statusCode).toBe(404);
  });
});

describe('when the database is gone', () => {
  it('pages answer 500 with a request id and no internals; the API with the error shape', async () => {
    await t.close();
    const b = new Browser(app);
    const health = await b.get('/health');
    expect(health.statusCode).toBe(503);
    expect(health.json()).toEqual({ status: 'unavailable', database: 'unreachable' });
    const page = await b.get('/invitations/an-old-invitation-token-0123456789abcdef');
    expect(page.statusCode).toBe(500);
    expect(page.body).toContain('Der skete en fejl');
    expect(page.body).toMatch(/Fejlkode: [0-9a-f-]{36}/);
    expect(page.body).not.toMatch(/at \w+ \(|stack|PGlite|closed/i);
    const api = await b.json('GET', '/api/v1/me');
    // Anonymous: unauthenticated is decided without the database.
    expect(api.json()).toMatchObject({ error: { code: 'unauthenticated' } });
  });
});
