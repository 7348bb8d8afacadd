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

describe("a new municipality's home (#16)", () => {
  it('the team leader of a municipality with nothing yet finds the first steps, each a link to where it is done', async () => {
    const m = await makeMunicipality(t, 'Nykøbing');
    const leader = await makeUser(t, [{ role: 'team_leader', municipalityId: m.id }]);
    const b = new Browser(app);
    await b.signIn(leader.email);
    const home = await b.get('/dashboard');
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('Kom godt i gang med NExTWORK');
    expect(home.body).toContain('0 af 5 trin er klaret.');
    expect(home.body).toContain(`href="/invitations/new?m=${m.id}"`);
    expect(home.body).toContain('Registrér virksomheder til netværket (0 af 60)');
    expect(home.body).toContain('Henvis unge (0 af 45 pladser; med 7 kan det første netværkshold starte)');
    const english = await b.get('/dashboard', { 'accept-language': 'en' });
    expect(english.body).toContain('Getting started with NExTWORK');
  });
});
