import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { App } from '../../src/app/server.ts';
import { auditEvents } from '../../src/platform/audit/audit.schema.ts';
import { registeredRoutes } from '../../src/platform/http/input-guards.ts';
import { type TestContext, createTestContext, makeUser } from '../support/context.ts';
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

/** Every route's path with each parameter replaced by `value` (URL-encoded). */
function paths(value: string): { method: string; url: string }[] {
  return registeredRoutes(app).flatMap((r) => {
    const methods = [r.method].flat().filter((m) => m === 'GET' || m === 'POST');
    if (!r.url.includes(':')) return [];
    const url = r.url.replace(/:[A-Za-z]+/g, encodeURIComponent(value));
    return methods.map((method) => ({ method, url }));
  });
}

describe('bad input gets a clear error, never a 500 (#19.7)', () => {
  it('a malformed id or a NUL byte in any path, query or field is refused at the boundary on every route', async () => {
    const n = await makeNetwork(t);
    const leader = await makeUser(t, [
      { role: 'team_leader', municipalityId: n.m },
      { role: 'municipality_admin', municipalityId: n.m },
    ]);
    const b = new Browser(app);
    await b.signIn(leader.email);
    const csrf = await b.csrf();
    const failures: string[] = [];
    const check = (label: string, status: number) => {
      if (status >= 500) failures.push(`${label} → ${status}`);
    };
    for (const bad of ['not-a-uuid', 'a\u0000b', `${n.m}\u0000`]) {
      for (const { method, url } of paths(bad)) {
        if (method === 'GET') check(`GET ${url}`, (await b.get(url)).statusCode);
        else if (url.startsWith('/api/')) check(`POST ${url}`, (await b.json('POST', url, JSON.stringify({ name: 'x\u0000' }))).statusCode);
        else check(`POST ${url}`, (await b.post(url, { _csrf: csrf, note: 'x\u0000y' }, false)).statusCode);
      }
    }
    expect(failures).toEqual([]);
    expect(paths('x').length).toBeGreaterThan(50);

    // The refused attempt is audited, with a safe copy of what was asked for.
    expect((await b.get('/youth/abc%00def')).statusCode).toBe(404);
    const [entry] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'request.invalid_id'), eq(auditEvents.targetId, 'abc?def')));
    expect(entry).toMatchObject({ outcome: 'denied', actorUserId: leader.userId, targetType: 'path.id' });

    // A non-UUID municipality and a NUL in a search are a 404 and a 422, not a 500.
    expect((await b.get('/companies?m=roskilde')).statusCode).toBe(404);
    expect((await b.get('/companies?q=bager%00')).statusCode).toBe(404);
    // A NUL in a text field names the field; nothing is saved.
    const company = await b.post('/companies', { _csrf: csrf, name: 'Bager\u0000', cvr: '10150817' }, false);
    expect(company.statusCode).toBe(422);
    expect(company.body).toContain('Feltet indeholder et tegn, der ikke kan gemmes');
    const api = await b.json('POST', `/api/v1/municipalities/${n.m}/companies`, JSON.stringify({ name: 'Bager\u0000' }));
    expect(api.statusCode).toBe(422);
    expect(api.json()).toMatchObject({ error: { code: 'invalid', fields: { name: expect.stringContaining('tegn') } } });
  });

  it('an impossible date is a field error, not a database error', async () => {
    const n = await makeNetwork(t);
    const b = new Browser(app);
    await b.signIn(n.consultant.email);
    const res = await b.post(`/youth?m=${n.m}`, {
      firstName: 'Ny',
      lastName: 'Ung',
      cpr: '150605-4123',
      email: 'ny@ung.test',
      referringCaseworker: 'Jens',
      referredOn: '2026-02-30',
      hoursPossible: '20',
    });
    expect(res.statusCode).toBe(422);
    expect(res.body).toMatch(/dato/i);
  });
});

describe('redirects stay on the site (#19.5)', () => {
  it('normalises back and next before trusting them', async () => {
    const b = new Browser(app);
    for (const back of [
      '/%09/evil.example',
      '//evil.example',
      '/\\evil.example',
      '/.//evil.example',
      'https://evil.example',
      '/%0d%0aSet-Cookie:x=1',
    ]) {
      const res = await b.get(`/language?to=en&back=${back}`);
      expect(res.statusCode, back).toBe(303);
      const location = String(res.headers.location);
      expect(location, back).toMatch(/^\/(?![/\\])/);
      expect(location, back).not.toMatch(/evil\.example$|[\r\n]/);
    }
    expect((await b.get('/language?to=da&back=/companies%3Fq%3Dbager')).headers.location).toBe('/companies?q=bager');
    const nonLatin = await b.get(`/language?to=da&back=${encodeURIComponent('/søg?q=æble ☃')}`);
    expect(nonLatin.statusCode).toBe(303);
    expect(nonLatin.headers.location).toBe('/s%C3%B8g?q=%C3%A6ble%20%E2%98%83');
    const signIn = await b.get(`/sign-in?next=${encodeURIComponent('/x\r\nLocation: //evil.example')}`);
    expect(signIn.statusCode).toBe(200);
  });
});

describe('uploads (#19.17)', () => {
  it('a truncated multipart upload is a 400, not a 500', async () => {
    const m = await makeUser(t, [{ role: 'youth', municipalityId: (await makeNetwork(t)).m }]);
    const b = new Browser(app);
    await b.signIn(m.email);
    const boundary = '----nextworktruncated';
    const payload = `--${boundary}\r\nContent-Disposition: form-data; name="photo"; filename="mig.png"\r\nContent-Type: image/png\r\n\r\n\u0089PNG partial`;
    const res = await app.inject({
      method: 'POST',
      url: '/me/profile/photo',
      payload,
      headers: { cookie: b.header, 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Noget skal rettes');
  });
});
