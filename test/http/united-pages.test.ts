import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app/server.ts';
import { type TestContext, createTestContext, ctx, makeUser } from '../support/context.ts';
import { Browser, multipart, testServer } from '../support/http.ts';
import { makeNetwork } from '../support/internships.ts';

let t: TestContext;
let app: App;
beforeAll(async () => {
  t = await createTestContext();
  t.clock.set('2026-06-15T10:00:00Z');
  app = await testServer(t);
});
afterAll(async () => {
  await app.close();
  await t.close();
});

describe('exits, follow-ups and the programme overview over HTTP (#16)', () => {
  it("the young person's page shows the exit; a follow-ups file with an error is refused by line", async () => {
    const n = await makeNetwork(t);
    const y = await n.young('Lise');
    const leader = await makeUser(t, [{ role: 'team_leader', municipalityId: n.m }]);
    await t.services.youth.setStatus(ctx(leader), y.id, { status: 'ended', reason: 'job_subsidy', exitedOn: '2026-03-10' });
    const b = new Browser(app);
    await b.signIn(leader.email);
    const page = await b.get(`/youth/${y.id}`);
    expect(page.body).toContain('Afslutning og opfølgning');
    expect(page.body).toContain('Job med løntilskud');
    expect(page.body).toContain('Efter 3 måneder (onsdag 10. juni)');
    expect((await b.get(`/youth/followups/import?m=${n.m}`)).statusCode).toBe(200);
    const csrf = await b.csrf();
    const { payload, headers } = multipart(
      { _csrf: csrf },
      { name: 'f.csv', type: 'text/csv', content: 'cpr;months;outcome\n0101011234;3;job\n' },
    );
    const refused = await app.inject({
      method: 'POST',
      url: `/youth/followups/import?m=${n.m}`,
      payload,
      headers: { ...headers, cookie: b.header },
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('Linje 2, CPR-nummer: Ingen ung med afslutning i kommunen har det CPR-nummer.');
  });

  it('the API sends protected counts with hidden values as null, and refuses the team', async () => {
    const n = await makeNetwork(t);
    await n.young('Mads');
    const lead = await makeUser(t, [{ role: 'programme_lead', municipalityId: null }]);
    const b = new Browser(app);
    await b.signIn(lead.email);
    const res = await b.get('/api/v1/programme/overview');
    expect(res.statusCode).toBe(200);
    const body = JSON.parse(res.body) as { summary: { total: { inNetwork: unknown } } };
    expect(body.summary.total.inNetwork).toEqual({ value: null, hidden: 'small' });
    const csv = await b.get('/programme.csv');
    expect(csv.headers['content-type']).toContain('text/csv');
    const team = new Browser(app);
    await team.signIn(n.consultant.email);
    expect((await team.get('/api/v1/programme/overview')).statusCode).toBe(404);
  });
});
