import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app/server.ts';
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

describe('partnership pages and the education contact home', () => {
  it('the team registers an institution, links its contact, makes an agreement and adds a young person; the contact sees it at home', async () => {
    t.clock.set('2026-03-02T09:00:00Z');
    const n = await makeNetwork(t);
    const amina = await n.young('Amina');
    const leader = await makeUser(t, [{ role: 'team_leader', municipalityId: n.m }]);
    const contact = await makeUser(t, [{ role: 'education_contact', municipalityId: n.m }], { name: 'Ulla Uddannelse' });
    const team = new Browser(app);
    await team.signIn(leader.email);
    expect((await team.get('/partnerships')).body).toContain('Der er ingen partnerskaber endnu.');
    expect((await team.post('/institutions', { name: '' })).statusCode).toBe(422);
    expect((await team.post('/institutions', { name: 'STU Roskilde' })).statusCode).toBe(303);
    const list = (await team.get('/partnerships')).body;
    const institutionId = /action="\/institutions\/([0-9a-f-]{36})\/contacts"/.exec(list)![1]!;
    expect((await team.post(`/institutions/${institutionId}/contacts`, { [`userId-${institutionId}`]: contact.userId })).statusCode).toBe(
      303,
    );
    expect((await team.get('/partnerships')).body).toContain('Kontakter: Ulla Uddannelse');

    const refused = await team.post('/partnerships', {
      institutionId,
      startsOn: '2026-03-01',
      endsOn: '2026-02-01',
      targetYouth: '10',
      status: 'active',
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('Slutdatoen skal ligge efter startdatoen.');
    const created = await team.post('/partnerships', {
      institutionId,
      startsOn: '2026-03-01',
      endsOn: '',
      targetYouth: '10',
      status: 'active',
      developmentGroup: 'Ulla, STU',
    });
    expect(created.statusCode).toBe(303);
    const url = created.headers.location as string;
    expect((await team.post(`${url}/youth`, { youthId: amina.id })).statusCode).toBe(303);
    const detail = (await team.get(url)).body;
    expect(detail).toContain('Amina Hansen');
    expect(detail).toContain('1 ung af 10');
    expect(detail).toContain('0 af 10 tættere på arbejdsmarkedet');

    const edu = new Browser(app);
    await edu.signIn(contact.email);
    const home = (await edu.get('/dashboard')).body;
    expect(home).toContain('Dine partnerskaber');
    expect(home).toContain('STU Roskilde, fra');
    expect(home).toContain('Ingen har delt et kompetencepas med dig.');
    expect((await edu.get(url)).statusCode).toBe(200);
    // The same over the API: the contact's list, the partnership with its young people.
    const api = (await edu.json('GET', '/api/v1/partnerships')).json();
    expect(api.items.map((i: { institutionName: string; targetYouth: number }) => [i.institutionName, i.targetYouth])).toEqual([
      ['STU Roskilde', 10],
    ]);
    const one = (await edu.json('GET', `/api/v1/partnerships/${api.items[0].id}`)).json();
    expect(one.members.map((m: { firstName: string; closer: boolean }) => [m.firstName, m.closer])).toEqual([['Amina', false]]);
    const badApi = await team.json(
      'POST',
      `/api/v1/municipalities/${n.m}/partnerships`,
      JSON.stringify({ institutionId, startsOn: 'i går' }),
    );
    expect([badApi.statusCode, Object.keys(badApi.json().error.fields)]).toEqual([422, ['startsOn']]);
    // The contact hands a young person over; the team refers them (CPR through the youth rules).
    expect((await edu.post(`${url}/handovers`, { firstName: 'Dina', lastName: 'Berg', email: 'ikke-en-mail' })).statusCode).toBe(422);
    expect(
      (await edu.post(`${url}/handovers`, { firstName: 'Dina', lastName: 'Berg', email: 'dina.berg@nextwork.test', note: 'God til dyr.' }))
        .statusCode,
    ).toBe(303);
    expect((await edu.get('/dashboard')).body).toContain('Venter på teamet');
    const waiting = (await team.get(url)).body;
    const h = /action="\/handovers\/([0-9a-f-]{36})\/accept"/.exec(waiting)![1]!;
    const field = (f: string) => `handover-${h}-${f}`;
    const accept = {
      [field('referringCaseworker')]: 'Jens Jobcenter',
      [field('referredOn')]: '2026-03-02',
      [field('hoursPossible')]: '20',
    };
    const badCpr = await team.post(`/handovers/${h}/accept`, { ...accept, [field('cpr')]: '12' });
    expect(badCpr.statusCode).toBe(422);
    expect(badCpr.body).toContain(`href="#${field('cpr')}"`);
    expect((await team.post(`/handovers/${h}/accept`, { ...accept, [field('cpr')]: '150605-4321' })).statusCode).toBe(303);
    const after = (await team.get(url)).body;
    expect(after).toContain('Dina Berg');
    expect(after).toContain('Ingen overdragelser venter.');
    expect(after).not.toContain('4321');
    // The same over the API: a hand-over, accepted by the team.
    const apiHandover = await edu.json(
      'POST',
      `/api/v1/partnerships/${one.id}/handovers`,
      JSON.stringify({ firstName: 'Emil', lastName: 'Lund', email: 'emil.lund@nextwork.test' }),
    );
    expect(apiHandover.statusCode).toBe(201);
    const accepted = await team.json(
      'POST',
      `/api/v1/handovers/${apiHandover.json().id}/accept`,
      JSON.stringify({
        cpr: '150605-4322',
        referringCaseworker: 'Jens Jobcenter',
        referredOn: '2026-03-02',
        hoursPossible: 20,
        eligibilityNote: 'Fra STU.',
      }),
    );
    expect([accepted.statusCode, accepted.json().partnershipId]).toEqual([200, one.id]);
    // The contact reads, but does not manage.
    expect((await edu.post(`${url}/youth`, { youthId: amina.id })).statusCode).toBe(404);
  });
});
