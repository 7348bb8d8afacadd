import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app/server.ts';
import { addDays, localDate, weekStart } from '../../src/platform/dates.ts';
import { type TestContext, createTestContext, ctx, makeUser } from '../support/context.ts';
import { Browser, testServer } from '../support/http.ts';
import { makeNetwork, startedInternship } from '../support/internships.ts';

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

const settings = {
  youthCapacity: '45',
  companyTarget: '60',
  internshipMinMonths: '3',
  internshipMaxMonths: '5',
  startWithinDays: '10',
  groupSizeMin: '7',
  groupSizeMax: '8',
  wishLimit: '5',
  offerAnswerDays: '5',
};

/** The <select> of one day on the feedback form. */
const daySelect = (body: string, day: string) =>
  new RegExp(`<select[^>]*name="attendance_${day}"[^>]*>(.*?)</select>`, 's').exec(body)![1]!;

describe("the model's rules over HTTP", () => {
  it('the team leader sets them on the page; a bad value shows the form again and saves nothing; the team reads them', async () => {
    t.clock.set(new Date());
    const n = await makeNetwork(t);
    const leader = new Browser(app);
    await leader.signIn((await makeUser(t, [{ role: 'team_leader', municipalityId: n.m }])).email);
    const page = await leader.get('/rules');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1>Modellens regler</h1>');
    expect(page.body).toMatch(/name="internshipMaxMonths"[^>]*value="6"/);
    expect(page.body).toContain('href="/rules"'); // in the navigation

    const bad = await leader.post(`/rules?m=${n.m}`, {
      ...settings,
      internshipMinMonths: '6',
      internshipMaxMonths: '3',
      groupSizeMax: '10',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Den længste praktik kan ikke være kortere end den korteste.');
    expect(bad.body).toContain('Et netværkshold skal have fra 3 til 9 unge.');
    expect(bad.body).toMatch(/name="groupSizeMax"[^>]*value="10"/);
    expect((await t.services.municipalities.rules(ctx(n.consultant), n.m)).rules.internshipMaxMonths).toBe(6);

    const saved = await leader.post(`/rules?m=${n.m}`, settings);
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`/rules?m=${n.m}`);
    const after = await leader.get(`/rules?m=${n.m}`);
    expect(after.body).toContain('Reglerne er gemt.');
    expect(after.body).toMatch(/name="startWithinDays"[^>]*value="10"/);

    // The consultant reads them, without a form, and cannot post.
    const consultant = new Browser(app);
    await consultant.signIn(n.consultant.email);
    const read = await consultant.get('/rules');
    expect(read.statusCode).toBe(200);
    expect(read.body).toContain('Kun teamlederen og kommunens administrator kan ændre reglerne.');
    expect(read.body).toContain('5 måneder');
    expect(read.body).not.toContain('action="/rules');
    expect((await consultant.post(`/rules?m=${n.m}`, settings)).statusCode).toBe(404);
  });

  it('the JSON API reads and sets the same rules, with the same checks', async () => {
    t.clock.set(new Date());
    const n = await makeNetwork(t);
    const url = `/api/v1/municipalities/${n.m}/rules`;
    const consultant = new Browser(app);
    await consultant.signIn(n.consultant.email);
    const read = await consultant.json('GET', url);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ municipalityId: n.m, internshipMinMonths: 3, internshipMaxMonths: 6, startWithinDays: 14 });
    const put = (b: Browser, payload: Record<string, unknown>) =>
      app.inject({ method: 'PUT', url, payload, headers: { cookie: b.header } });
    const numbers = Object.fromEntries(Object.entries(settings).map(([k, v]) => [k, Number(v)]));
    expect((await put(consultant, numbers)).statusCode).toBe(404);
    const leader = new Browser(app);
    await leader.signIn((await makeUser(t, [{ role: 'team_leader', municipalityId: n.m }])).email);
    const bad = await put(leader, { ...numbers, groupSizeMin: 9, groupSizeMax: 8 });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.fields).toEqual({ groupSizeMax: 'Det største hold kan ikke være mindre end det mindste.' });
    const ok = await put(leader, numbers);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ internshipMaxMonths: 5, startWithinDays: 10 });
    expect((await consultant.json('GET', url)).json()).toMatchObject({ internshipMaxMonths: 5 });
  });

  it('the internship page shows why the start is late; the feedback form leaves days to come blank', async () => {
    t.clock.set(new Date());
    const n = await makeNetwork(t);
    const amina = await n.young('Amina');
    const today = localDate(t.clock.now());
    const i = await t.services.internships.plan(ctx(n.consultant), n.m, {
      youthId: amina.id,
      openingId: n.opening.id,
      chosenOn: today,
      agreedStart: addDays(today, 20),
      weeklyHours: '20',
      startLateReason: 'Værkstedet flytter først.',
    });
    const team = new Browser(app);
    await team.signIn(n.consultant.email);
    const shown = await team.get(`/internships/${i.id}`);
    expect(shown.statusCode).toBe(200);
    expect(shown.body).toContain('Hvorfor starter praktikken senere?');
    expect(shown.body).toContain('Værkstedet flytter først.');

    const bo = await n.young('Bo');
    const running = await startedInternship(t, n, bo.id);
    const company = new Browser(app);
    await company.signIn(n.supervisor.email);
    const week = weekStart(today);
    const form = await company.get(`/internships/${running.id}/feedback`);
    expect(form.statusCode).toBe(200);
    (['mon', 'tue', 'wed', 'thu', 'fri'] as const).forEach((d, k) => {
      const select = daySelect(form.body, d);
      if (addDays(week, k) <= today) expect(select).toMatch(/<option value="met" selected/);
      else {
        expect(select).not.toContain('selected');
        expect(select).toContain('<option value>Vælg</option>');
      }
    });
    // Next week has not happened at all.
    const next = await company.get(`/internships/${running.id}/feedback?week=${addDays(week, 7)}`);
    expect(next.body).not.toMatch(/<option value="met" selected/);
  });
});
