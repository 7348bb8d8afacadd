import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app/server.ts';
import { companyContacts } from '../../src/modules/companies/companies.schema.ts';
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

const body = {
  name: 'Vejle Cykler',
  cvr: '12345674',
  tradeSection: 'G',
  address: 'Torvegade 2',
  postalCode: '7100',
  area: 'Vejle',
  size: '1-9',
  whyJoined: '',
};

describe('company API', () => {
  it('creates, validates, refuses duplicates and serves openings to search, with the pages’ permissions', async () => {
    const m = await makeMunicipality(t);
    const consultant = await makeUser(t, [{ role: 'network_consultant', municipalityId: m.id }]);
    const b = new Browser(app);
    await b.signIn(consultant.email);

    const bad = await b.json('POST', `/api/v1/municipalities/${m.id}/companies`, JSON.stringify({ ...body, cvr: '12345675' }));
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.fields).toEqual({ cvr: 'CVR-nummeret skal være 8 cifre og gyldigt (tjek for tastefejl).' });

    const created = await b.json('POST', `/api/v1/municipalities/${m.id}/companies`, JSON.stringify(body));
    expect(created.statusCode).toBe(201);
    const company = created.json();
    expect(company).toMatchObject({ name: 'Vejle Cykler', networkStatus: 'prospect' });
    expect((await b.json('POST', `/api/v1/municipalities/${m.id}/companies`, JSON.stringify(body))).statusCode).toBe(409);

    const status = await b.json('POST', `/api/v1/companies/${company.id}/status`, JSON.stringify({ status: 'active', note: '' }));
    expect(status.statusCode).toBe(204);
    const opening = await b.json(
      'POST',
      `/api/v1/companies/${company.id}/openings`,
      JSON.stringify({
        title: 'Cykelmekanikerhjælper',
        tasks: 'Lappe dæk og justere gear.',
        place: 'Torvegade 2',
        weeklyHours: 20,
        durationMonths: 3,
        seats: 1,
        startFrom: '2026-04-01',
        learning: '',
        published: true,
      }),
    );
    expect(opening.statusCode).toBe(201);
    const found = await b.json('GET', `/api/v1/municipalities/${m.id}/openings?q=cykelmekanikr`);
    expect(found.json().items.map((o: { title: string }) => o.title)).toEqual(['Cykelmekanikerhjælper']);

    // A contact of another company cannot change this one; another municipality cannot see it.
    const other = await makeUser(t, [{ role: 'company_contact', municipalityId: m.id }]);
    const otherCompany = await b.json(
      'POST',
      `/api/v1/municipalities/${m.id}/companies`,
      JSON.stringify({ ...body, name: 'Anden', cvr: '10150817' }),
    );
    await t.database.db.insert(companyContacts).values({ companyId: otherCompany.json().id, userId: other.userId });
    const c = new Browser(app);
    await c.signIn(other.email);
    expect((await c.json('GET', `/api/v1/companies/${company.id}`)).statusCode).toBe(200);
    const put = await app.inject({ method: 'PUT', url: `/api/v1/companies/${company.id}`, payload: body, headers: { cookie: c.header } });
    expect(put.statusCode).toBe(404);
    const ownPut = await app.inject({
      method: 'PUT',
      url: `/api/v1/companies/${otherCompany.json().id}`,
      payload: { ...body, name: 'Anden ApS', cvr: '10150817' },
      headers: { cookie: c.header },
    });
    expect(ownPut.json()).toMatchObject({ name: 'Anden ApS' });
    const stranger = await makeUser(t, [{ role: 'team_leader', municipalityId: (await makeMunicipality(t)).id }]);
    const s = new Browser(app);
    await s.signIn(stranger.email);
    expect((await s.json('GET', `/api/v1/companies/${company.id}`)).statusCode).toBe(404);
    expect((await s.json('GET', `/api/v1/municipalities/${m.id}/openings`)).statusCode).toBe(404);
  });
});
