import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import type { App } from '../../src/app/server.ts';
import { municipalities } from '../../src/modules/municipalities/municipalities.schema.ts';
import { sessions } from '../../src/modules/accounts/accounts.schema.ts';
import { type TestContext, createTestContext, makeMunicipality, makeUser } from '../support/context.ts';
import { Browser, testServer } from '../support/http.ts';

let t: TestContext;
let app: App;
beforeAll(async () => {
  t = await createTestContext({ demo: true });
  app = await testServer(t);
});
afterAll(async () => {
  await app.close();
  await t.close();
});

const countOf = async (table: typeof municipalities | typeof sessions) =>
  Number((await t.database.db.select({ n: count() }).from(table))[0]!.n);

describe('pages', () => {
  it('the sign-in page is Danish by default, has security headers and lists demo accounts in demo mode', async () => {
    const res = await new Browser(app).get('/sign-in');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<html lang="da"');
    expect(res.body).toContain('Demo-konti');
    expect(res.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect(res.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.body).not.toMatch(/<script>(?!<\/script>)/);
  });

  it('switches language by cookie', async () => {
    const b = new Browser(app);
    const res = await b.get('/language?to=en&back=/sign-in');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/sign-in');
    expect((await b.get('/sign-in')).body).toContain('<html lang="en"');
    expect((await b.get('/language?to=en&back=//evil.example')).headers.location).toBe('/');
  });

  it('a form without the CSRF token is refused and writes nothing', async () => {
    const res = await new Browser(app).post('/sign-in', { email: 'x@nextwork.test', password: 'y' }, false);
    expect(res.statusCode).toBe(403);
  });

  it('an invalid sign-in re-renders with errors and the email kept, and creates no session', async () => {
    const before = await countOf(sessions);
    const res = await new Browser(app).post('/sign-in', { email: 'not-an-email', password: '' });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Der er fejl i formularen');
    expect(res.body).toContain('value="not-an-email"');
    expect(res.body).toContain('aria-invalid="true"');
    expect(await countOf(sessions)).toBe(before);
  });

  it('signs in with a fresh HttpOnly, SameSite=Lax session cookie and signs out', async () => {
    const m = await makeMunicipality(t);
    const user = await makeUser(t, [{ role: 'team_leader', municipalityId: m.id }]);
    const b = new Browser(app);
    expect((await b.get('/dashboard')).headers.location).toBe('/sign-in?next=%2Fdashboard');
    const res = await b.signIn(user.email);
    const cookie = (res.cookies as { name: string; httpOnly?: boolean; sameSite?: string }[]).find((c) => c.name === 'nw_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    const dash = await b.get('/dashboard');
    expect(dash.statusCode).toBe(200);
    expect(dash.body).toContain('Du er logget ind.');
    expect(dash.body).toContain(m.name);
    await b.post('/sign-out', {});
    expect((await b.get('/dashboard')).statusCode).toBe(303);
  });

  it('without SMTP, mail lands in the outbox that administrators (only) can read in demo mode', async () => {
    const m = await makeMunicipality(t);
    const admin = await makeUser(t, [{ role: 'municipality_admin', municipalityId: m.id }]);
    const leader = await makeUser(t, [{ role: 'team_leader', municipalityId: m.id }]);
    const b = new Browser(app);
    await b.signIn(leader.email);
    const sent = await b.post('/invitations', {
      name: 'Jonas Friis',
      email: 'jonas.friis@nextwork.test',
      role: 'youth',
      municipalityId: m.id,
    });
    expect(sent.statusCode).toBe(303);
    expect((await b.get('/dev/outbox')).statusCode).toBe(404);
    const a = new Browser(app);
    await a.signIn(admin.email);
    const outbox = await a.get('/dev/outbox');
    expect(outbox.statusCode).toBe(200);
    expect(outbox.body).toContain('jonas.friis@nextwork.test');
    expect(outbox.body).toMatch(/\/invitations\/[\w-]{40,}/);
  });

  it('unknown pages and hidden records give the 404 page', async () => {
    const res = await new Browser(app).get('/nope');
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('Siden findes ikke');
  });
});

describe('API', () => {
  it('malformed JSON, wrong types and wrong media types get the error shape and write nothing', async () => {
    const admin = await makeUser(t, [{ role: 'system_admin', municipalityId: null }]);
    const b = new Browser(app);
    await b.signIn(admin.email);
    const before = await countOf(municipalities);

    const malformed = await b.json('POST', '/api/v1/municipalities', '{"name": ');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ error: { code: 'bad_request', message: expect.any(String) } });

    const wrong = await b.json('POST', '/api/v1/municipalities', JSON.stringify({ name: 42, code: 'abc' }));
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.code).toBe('invalid');
    expect(Object.keys(wrong.json().error.fields).sort()).toEqual(['code', 'name']);

    const form = await b.json('POST', '/api/v1/municipalities', 'name=Aarhus&code=751', 'application/x-www-form-urlencoded');
    expect(form.statusCode).toBe(415);

    expect(await countOf(municipalities)).toBe(before);
    const ok = await b.json('POST', '/api/v1/municipalities', JSON.stringify({ name: 'Horsens', code: '615' }));
    expect(ok.statusCode).toBe(201);
    expect(await countOf(municipalities)).toBe(before + 1);
  });

  it('answers 401 without a session and 404 with the error shape for unknown routes', async () => {
    const b = new Browser(app);
    expect((await b.json('GET', '/api/v1/me')).json()).toMatchObject({ error: { code: 'unauthenticated' } });
    expect((await b.json('GET', '/api/v1/nothing')).statusCode).toBe(404);
  });

  it('serves the OpenAPI 3.1 document and a readable docs page', async () => {
    const b = new Browser(app);
    const doc = (await b.get('/api/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain('/api/v1/municipalities/{municipalityId}/people');
    expect((await b.get('/api/docs')).body).toContain('/api/v1/invitations');
  });
});
