import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wishes } from '../../src/modules/matching/matching.schema.ts';
import type { App } from '../../src/app/server.ts';
import { type TestContext, createTestContext } from '../support/context.ts';
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

const send = (b: Browser, method: 'PUT' | 'DELETE', url: string, body?: unknown) =>
  app.inject({
    method,
    url,
    payload: body === undefined ? undefined : JSON.stringify(body),
    headers: { cookie: b.header, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
  });

describe('competence passport over HTTP', () => {
  it('writes, shares, reads (API and page), gives a tagged PDF, and 404s after withdrawal', async () => {
    t.clock.set('2026-03-02T09:00:00Z');
    const n = await makeNetwork(t);
    const amina = await n.young('Amina');
    await t.database.db.insert(wishes).values({
      municipalityId: n.m,
      youthId: amina.id,
      openingId: n.opening.id,
      rank: 1,
      createdAt: t.clock.now(),
      updatedAt: t.clock.now(),
    });
    const me = new Browser(app);
    await me.signIn(amina.actor.email);
    expect((await me.json('GET', '/api/v1/me/passport')).json().passport).toBeNull();
    const bad = await send(me, 'PUT', '/api/v1/me/passport', { strengths: [{ what: '', where: 'Her', when: '' }] });
    expect([bad.statusCode, bad.json().error.fields]).toEqual([422, { 'strengths.0.what': 'Skriv, hvad du kan — eller tøm rækken.' }]);
    const saved = await send(me, 'PUT', '/api/v1/me/passport', {
      strengths: [{ what: 'Sorterer varer', where: 'Lageret', when: 'Marts 2026' }],
      support: 'Ro omkring mig.',
      ownWords: 'Jeg lærer hurtigt, når jeg får det vist.',
    });
    expect(saved.statusCode).toBe(200);
    const passportId = saved.json().id as string;

    // Form page: the page renders, and an empty "what" with a "where" is refused with the field marked.
    const page = await me.get('/me/passport');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Sorterer varer');
    const refused = await me.post('/me/passport', { 'strengths.0.what': '', 'strengths.0.where': 'Lageret' });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('Skriv, hvad du kan');

    const pdf = await me.get('/me/passport/pdf');
    expect([pdf.statusCode, pdf.headers['content-type']]).toEqual([200, 'application/pdf']);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.rawPayload.toString('latin1')).toContain('/StructTreeRoot');

    const reader = new Browser(app);
    await reader.signIn(n.supervisor.email);
    expect((await reader.json('GET', `/api/v1/passports/${passportId}`)).statusCode).toBe(404);
    const candidates = (await me.json('GET', '/api/v1/me/passport')).json().candidates as { userId: string; kind: string }[];
    expect(candidates.find((c) => c.userId === n.supervisor.userId)?.kind).toBe('company');
    const shared = await me.json('POST', '/api/v1/me/passport/consents', JSON.stringify({ recipientUserId: n.supervisor.userId }));
    expect(shared.statusCode).toBe(204);
    const read = await reader.json('GET', `/api/v1/passports/${passportId}`);
    expect([read.statusCode, read.json().firstName, read.json().canEdit]).toEqual([200, 'Amina', false]);
    expect((await reader.get(`/passports/${passportId}`)).body).toContain('Jeg lærer hurtigt');
    expect((await reader.json('GET', '/api/v1/passports')).json().items.map((i: { passportId: string }) => i.passportId)).toEqual([
      passportId,
    ]);

    expect((await send(me, 'DELETE', `/api/v1/me/passport/consents/${n.supervisor.userId}`)).statusCode).toBe(204);
    expect((await reader.json('GET', `/api/v1/passports/${passportId}`)).statusCode).toBe(404);
    expect((await reader.get(`/passports/${passportId}`)).statusCode).toBe(404);
    // The young person's log names the reads.
    expect((await me.get('/me/audit')).body).toContain('Læste dit kompetencepas');
  });
});
