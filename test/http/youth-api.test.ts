import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app/server.ts';
import { type TestContext, createTestContext, makeMunicipality, makeUser } from '../support/context.ts';
import { Browser, testServer } from '../support/http.ts';

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

describe('youth API', () => {
  it('refers, never returns the CPR number, and lets the young person share more through their profile', async () => {
    const m = await makeMunicipality(t);
    const consultant = await makeUser(t, [{ role: 'network_consultant', municipalityId: m.id }]);
    const b = new Browser(app);
    await b.signIn(consultant.email);
    const body = {
      firstName: 'Emil',
      lastName: 'Dam',
      cpr: '040404-4040',
      email: 'emil.dam@nextwork.test',
      referringCaseworker: 'Hanne Jobcenter',
      referredOn: '2026-03-02',
      hoursPossible: 25,
      eligibilityNote: '',
    };
    const bad = await b.json('POST', `/api/v1/municipalities/${m.id}/youth`, JSON.stringify({ ...body, cpr: '300204-4040' }));
    expect(bad.statusCode).toBe(422);
    expect(Object.keys(bad.json().error.fields)).toEqual(['cpr']);
    const created = await b.json('POST', `/api/v1/municipalities/${m.id}/youth`, JSON.stringify(body));
    expect(created.statusCode).toBe(201);
    expect(created.body).not.toContain('4040');
    const { youth, invitationLink } = created.json();
    expect((await b.json('GET', `/api/v1/youth/${youth.id}`)).json().cprMasked).toBe('040404-****');
    expect((await b.json('GET', `/api/v1/municipalities/${m.id}/youth`)).json().capacity).toEqual({ used: 1, capacity: 45, full: false });

    await t.services.accounts.acceptInvitation({ actor: null }, invitationLink.split('/invitations/')[1], {
      password: 'en lang kode her',
      passwordRepeat: 'en lang kode her',
    });
    const young = new Browser(app);
    await young.signIn('emil.dam@nextwork.test', 'en lang kode her');
    const put = await app.inject({
      method: 'PUT',
      url: '/api/v1/me/profile',
      payload: {
        wishToTry: 'Lager',
        goodAt: 'Orden',
        mattersAtWork: 'Ro',
        practicalHours: '',
        practicalTransport: 'Cykel',
        share_interests: true,
        share_practical: true,
      },
      headers: { cookie: young.header },
    });
    expect(put.statusCode).toBe(200);
    expect((await young.json('GET', '/api/v1/me/profile/preview')).json()).toEqual({
      id: youth.id,
      firstName: 'Emil',
      wishToTry: 'Lager',
      practicalHours: '',
      practicalTransport: 'Cykel',
      canStartOn: null,
    });
    expect((await young.json('GET', `/api/v1/youth/${youth.id}`)).statusCode).toBe(404);
  });
});
