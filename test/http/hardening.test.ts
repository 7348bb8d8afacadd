import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, type App } from '../../src/app/server.ts';
import { type TestContext, createTestContext, makeMunicipality, makeUser } from '../support/context.ts';
import { Browser, testServer } from '../support/http.ts';
import { makeNetwork } from '../support/internships.ts';

let t: TestContext;
let app: App;
beforeAll(async () => {
  t = await createTestContext();
  app = await testServer(t);
});
afterAll(async () => {
  await app.close();
  await t.close();
});

describe('smaller hardening (#19.9)', () => {
  it('JSON answers are not cached, pages say what the browser may not use, and API writes come from this site', async () => {
    const n = await makeNetwork(t);
    const amina = await n.young('Amina');
    const b = new Browser(app);
    await b.signIn(amina.actor.email);
    const me = await b.json('GET', '/api/v1/me');
    expect(me.statusCode).toBe(200);
    expect(me.headers['cache-control']).toBe('no-store');
    expect(me.headers['permissions-policy']).toContain('camera=()');
    // A cross-site page posting without a body (nothing to refuse by content type) is refused by its origin.
    const crossSite = await app.inject({
      method: 'DELETE',
      url: `/api/v1/me/wishes/${n.opening.id}`,
      headers: { cookie: b.header, origin: 'https://evil.example' },
    });
    expect(crossSite.statusCode).toBe(403);
    const fetchMetadata = await app.inject({
      method: 'DELETE',
      url: `/api/v1/me/wishes/${n.opening.id}`,
      headers: { cookie: b.header, 'sec-fetch-site': 'cross-site' },
    });
    expect(fetchMetadata.statusCode).toBe(403);
    const sameSite = await app.inject({
      method: 'DELETE',
      url: `/api/v1/me/wishes/${n.opening.id}`,
      headers: { cookie: b.header, origin: 'http://localhost:80', host: 'localhost:80' },
    });
    expect(sameSite.statusCode).not.toBe(403);
  });

  it('another municipality’s internships are not found, not an empty list', async () => {
    const n = await makeNetwork(t);
    const other = await makeMunicipality(t);
    const stranger = await makeUser(t, [{ role: 'youth', municipalityId: other.id }]);
    const b = new Browser(app);
    await b.signIn(stranger.email);
    expect((await b.json('GET', `/api/v1/municipalities/${n.m}/internships`)).statusCode).toBe(404);
  });

  it('on https the session and CSRF cookies are __Host- cookies', async () => {
    const secure = await buildServer(t.services, { sessionSecret: 's'.repeat(40), secureCookies: true, logLevel: 'silent', logger: false });
    try {
      const m = await makeMunicipality(t);
      const user = await makeUser(t, [{ role: 'team_leader', municipalityId: m.id }]);
      const b = new Browser(secure);
      await b.signIn(user.email);
      expect([...b.cookies.keys()]).toEqual(expect.arrayContaining(['__Host-nw_session', '__Host-nw_csrf', '__Host-nw_device']));
      expect([...b.cookies.keys()].filter((k) => /^nw_(session|csrf)$/.test(k))).toEqual([]);
      expect((await b.get('/dashboard')).statusCode).toBe(200);
    } finally {
      await secure.close();
    }
  });
});
