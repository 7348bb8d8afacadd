import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app/server.ts';
import { companyContacts } from '../../src/modules/companies/companies.schema.ts';
import { type TestContext, createTestContext, ctx, makeMunicipality, makeUser } from '../support/context.ts';
import { Browser, testServer } from '../support/http.ts';

let t: TestContext;
let app: App;
beforeAll(async () => {
  t = await createTestContext();
  t.clock.set('2026-03-02T09:00:00Z');
  app = await testServer(t);
});
afterAll(async () => {
  await app.close();
  await t.close();
});

describe('network meetings API (decision 0031)', () => {
  it('the team plans and lists; an invited contact lists theirs and answers; others cannot', async () => {
    const m = await makeMunicipality(t);
    const entrepreneur = await makeUser(t, [{ role: 'entrepreneur', municipalityId: m.id }]);
    const c = await t.services.companies.create(ctx(entrepreneur), m.id, {
      name: 'Vejle Cykler',
      cvr: '12345674',
      tradeSection: 'G',
      address: '',
      postalCode: '',
      area: 'Vejle',
      size: '1-9',
      whyJoined: '',
    });
    await t.services.companies.setStatus(ctx(entrepreneur), c.id, { status: 'active', note: '' });
    const contact = await makeUser(t, [{ role: 'company_contact', municipalityId: m.id }]);
    await t.database.db.insert(companyContacts).values({ companyId: c.id, userId: contact.userId });
    const stranger = await makeUser(t, [{ role: 'company_contact', municipalityId: m.id }]);

    const team = new Browser(app);
    await team.signIn(entrepreneur.email);
    const path = `/api/v1/municipalities/${m.id}/network-meetings`;
    const bad = await team.json('POST', path, JSON.stringify({ theme: 'Kaffe', date: '2026-03-12', time: '25.00', place: 'Rådhuset' }));
    expect(bad.statusCode).toBe(422);
    expect(Object.keys(bad.json().error.fields)).toEqual(['time']);
    const planned = await team.json(
      'POST',
      path,
      JSON.stringify({ theme: 'Kaffe og praktik', date: '2026-03-12', time: '9.30', place: 'Rådhuset', invite: 'all' }),
    );
    expect(planned.statusCode).toBe(201);
    const meeting = planned.json();
    expect(meeting).toMatchObject({
      theme: 'Kaffe og praktik',
      startsAt: '2026-03-12T08:30:00.000Z',
      minutes: 120,
      attendanceRecorded: false,
    });

    const b = new Browser(app);
    await b.signIn(contact.email);
    const mine = await b.json('GET', '/api/v1/me/network-meetings');
    expect(mine.json().items).toMatchObject([{ id: meeting.id, response: null }]);
    const answered = await b.json('POST', `/api/v1/network-meetings/${meeting.id}/answer`, JSON.stringify({ response: 'coming' }));
    expect(answered.statusCode).toBe(200);
    expect(answered.json()).toEqual({ response: 'coming' });
    expect((await b.json('GET', path)).statusCode).toBe(404);

    const other = new Browser(app);
    await other.signIn(stranger.email);
    expect(
      (await other.json('POST', `/api/v1/network-meetings/${meeting.id}/answer`, JSON.stringify({ response: 'coming' }))).statusCode,
    ).toBe(404);

    const list = await team.json('GET', path);
    expect(list.json().upcoming).toMatchObject([{ id: meeting.id, invited: 1, coming: 1, notComing: 0 }]);
  });
});
