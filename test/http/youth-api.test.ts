import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app/server.ts';
import { type TestContext, createTestContext, makeMunicipality, makeUser } from '../support/context.ts';
import { Browser, multipart, testServer } from '../support/http.ts';

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

  it('uploads a photo from the profile page: a renamed text file is refused, a PNG is kept and served as an image', async () => {
    const m = await makeMunicipality(t);
    const counsellor = await makeUser(t, [{ role: 'youth_counsellor', municipalityId: m.id }]);
    const { youth, link } = await t.services.youth.refer(
      { actor: counsellor },
      m.id,
      {
        firstName: 'Ida',
        lastName: 'Kold',
        cpr: '060606-4060',
        email: 'ida@nextwork.test',
        referringCaseworker: 'Sagsbehandler',
        referredOn: '2026-03-02',
        hoursPossible: '20',
        eligibilityNote: '',
      },
      'da',
    );
    await t.services.accounts.acceptInvitation({ actor: null }, link.split('/invitations/')[1]!, {
      password: 'en lang kode her',
      passwordRepeat: 'en lang kode her',
    });
    const b = new Browser(app);
    await b.signIn('ida@nextwork.test', 'en lang kode her');
    const csrf = await b.csrf();
    const upload = (name: string, type: string, content: Buffer | string) => {
      const { payload, headers } = multipart({ _csrf: csrf }, { name, type, content, field: 'photo' });
      return app.inject({ method: 'POST', url: '/me/profile/photo', payload, headers: { ...headers, cookie: b.header } });
    };
    const refused = await upload('mig.png', 'image/png', 'not really a picture');
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('Vælg et billede i JPEG, PNG eller WebP.');
    // Only the first bytes of a PNG, or a damaged one, are not a picture (#19.9).
    const magicOnly = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32)]);
    expect((await upload('mig.png', 'image/png', magicOnly)).statusCode).toBe(422);
    const png = PNG.sync.write(Object.assign(new PNG({ width: 3, height: 2 }), { data: Buffer.alloc(3 * 2 * 4, 200) }));
    expect((await upload('mig.png', 'image/png', png.subarray(0, png.length - 20))).statusCode).toBe(422);
    const photo = jpeg.encode({ width: 4, height: 4, data: Buffer.alloc(4 * 4 * 4, 128) }, 80).data;
    expect((await upload('mig.jpg', 'image/jpeg', photo)).statusCode).toBe(303);
    expect((await upload('mig.png', 'image/png', png)).statusCode).toBe(303);
    const served = await b.get(`/youth/${youth.id}/photo`);
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect(served.rawPayload.equals(png)).toBe(true);
    expect((await new Browser(app).get(`/youth/${youth.id}/photo`)).statusCode).toBe(303);
  });

  it('while a trial recruits, the API referral is refused and the trial intake assigns, returning only the arm', async () => {
    const m = await makeMunicipality(t);
    const consultant = await makeUser(t, [{ role: 'network_consultant', municipalityId: m.id }]);
    const researcher = await makeUser(t, [{ role: 'researcher', municipalityId: null }]);
    await t.services.trials.create({ actor: researcher }, m.id, {
      name: 'API-forsøget',
      ratioTreatment: '1',
      ratioControl: '1',
      blockMultiplier: '1',
    });
    const b = new Browser(app);
    await b.signIn(consultant.email);
    const body = {
      firstName: 'Lea',
      lastName: 'Lod',
      cpr: '050505-4055',
      email: 'lea.lod@nextwork.test',
      referringCaseworker: 'Hanne Jobcenter',
      referredOn: '2026-03-02',
      hoursPossible: 20,
      eligibilityNote: '',
    };
    const direct = await b.json('POST', `/api/v1/municipalities/${m.id}/youth`, JSON.stringify(body));
    expect(direct.statusCode).toBe(409);
    expect(direct.json().error.message).toContain('forsøg');
    const incomplete = await b.json('POST', `/api/v1/municipalities/${m.id}/trial-intake`, JSON.stringify(body));
    expect(incomplete.statusCode).toBe(422);
    expect(Object.keys(incomplete.json().error.fields).sort()).toEqual(['education', 'gender', 'monthsOnBenefits']);
    const done = await b.json(
      'POST',
      `/api/v1/municipalities/${m.id}/trial-intake`,
      JSON.stringify({ ...body, gender: 'female', monthsOnBenefits: 6, education: 'none' }),
    );
    expect(done.statusCode).toBe(201);
    const out = done.json();
    expect(['nextwork', 'control']).toContain(out.arm);
    expect(Boolean(out.youthId)).toBe(out.arm === 'nextwork');
    expect(done.body).not.toContain('4055');
    const again = await b.json(
      'POST',
      `/api/v1/municipalities/${m.id}/trial-intake`,
      JSON.stringify({ ...body, gender: 'female', monthsOnBenefits: 6, education: 'none' }),
    );
    expect(again.statusCode).toBe(409);
  });
});
