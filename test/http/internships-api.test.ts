import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app/server.ts';
import { type TestContext, createTestContext, ctx } from '../support/context.ts';
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

describe('internships over HTTP', () => {
  it('plans and starts over the API, takes feedback, and shows concerns only to the team', async () => {
    t.clock.set(new Date());
    const today = new Date().toISOString().slice(0, 10);
    const n = await makeNetwork(t);
    const amina = await n.young('Amina');
    const team = new Browser(app);
    await team.signIn(n.consultant.email);
    const plan = { youthId: amina.id, openingId: n.opening.id, chosenOn: today, agreedStart: today, weeklyHours: 20 };
    const bad = await team.json('POST', `/api/v1/municipalities/${n.m}/internships`, JSON.stringify({ ...plan, weeklyHours: 5 }));
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.fields).toEqual({ weeklyHours: 'Timer om ugen skal være et helt tal fra 15 til 37.' });
    expect((await team.json('GET', `/api/v1/municipalities/${n.m}/internships`)).json().items).toEqual([]);

    const created = await team.json('POST', `/api/v1/municipalities/${n.m}/internships`, JSON.stringify(plan));
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    expect(created.json()).toMatchObject({ status: 'planned', youthFirstName: 'Amina', companyName: 'Roskilde Kraftvarmeværk' });
    const early = await team.json('POST', `/api/v1/internships/${id}/first-day`, JSON.stringify({ firstDay: today }));
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toContain('jobcentret har godkendt');
    for (const body of [
      { step: 'sent', on: today, reference: 'VITAS-1' },
      { step: 'approved', on: today },
    ]) {
      expect((await team.json('POST', `/api/v1/internships/${id}/vitas`, JSON.stringify(body))).statusCode).toBe(204);
    }
    expect((await team.json('POST', `/api/v1/internships/${id}/first-day`, JSON.stringify({ firstDay: today }))).statusCode).toBe(204);

    const supervisor = new Browser(app);
    await supervisor.signIn(n.supervisor.email);
    const put = await app.inject({
      method: 'PUT',
      url: `/api/v1/internships/${id}/feedback`,
      headers: { cookie: supervisor.header, 'content-type': 'application/json' },
      payload: JSON.stringify({
        week: today,
        attendance: { mon: 'met', tue: 'met', wed: 'met', thu: 'met', fri: 'met' },
        didWell: 'Fik styr på lageret.',
        concern: 'Lidt stille.',
      }),
    });
    expect(put.statusCode).toBe(204);
    const theirs = (await supervisor.json('GET', `/api/v1/internships/${id}/feedback`)).json().items;
    expect(theirs[0]).not.toHaveProperty('concern');
    expect((await team.json('GET', `/api/v1/internships/${id}/feedback`)).json().items[0].concern).toBe('Lidt stille.');

    // Pages: the team's overview and the internship; a company contact elsewhere gets 404.
    expect((await team.get(`/internships?m=${n.m}`)).body).toContain('Åbne start-ure');
    const page = await team.get(`/internships/${id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Lidt stille.');
    const supervisorPage = await supervisor.get(`/internships/${id}`);
    expect(supervisorPage.statusCode).toBe(200);
    expect(supervisorPage.body).not.toContain('Lidt stille.');
    const other = await makeNetwork(t);
    const outsider = new Browser(app);
    await outsider.signIn(other.supervisor.email);
    expect((await outsider.get(`/internships/${id}`)).statusCode).toBe(404);

    // A form error re-renders the page with the message and changes nothing.
    const end = await team.post(`/internships/${id}/end`, { on: today, outcome: 'ended_early', reason: '' });
    expect(end.statusCode).toBe(422);
    expect(end.body).toContain('Vælg en grund, når praktikken slutter før tid.');
    expect((await team.json('GET', `/api/v1/internships/${id}`)).json().status).toBe('active');
  });

  it('serves the feedback link form without sign-in, refuses a forged link, and serves the calendar feed', async () => {
    t.clock.set(new Date());
    const n = await makeNetwork(t);
    const amina = await n.young('Amina');
    const today = new Date().toISOString().slice(0, 10);
    const i = await t.services.internships.plan(ctx(n.consultant), n.m, {
      youthId: amina.id,
      openingId: n.opening.id,
      chosenOn: today,
      agreedStart: today,
      weeklyHours: '20',
    });
    await t.services.internships.recordVitas(ctx(n.consultant), i.id, { step: 'sent', on: today, reference: 'VITAS-9' });
    await t.services.internships.recordVitas(ctx(n.consultant), i.id, { step: 'approved', on: today });
    await t.services.internships.recordFirstDay(ctx(n.consultant), i.id, { firstDay: today });
    const link = await t.services.feedback.prepareLink(i.id, '2026-03-02');
    const anonymous = new Browser(app);
    const form = await anonymous.get(`/feedback/${t.services.feedback.linkToken(link)}`);
    expect(form.statusCode).toBe(200);
    expect(form.headers['referrer-policy']).toBe('no-referrer');
    expect(form.body).toContain('Ugens tilbagemelding om Amina');
    expect((await anonymous.get(`/feedback/${link.id}.forged`)).statusCode).toBe(404);
    const sent = await anonymous.post(`/feedback/${t.services.feedback.linkToken(link)}`, {
      attendance_mon: 'met',
      attendance_tue: 'met',
      attendance_wed: 'met',
      attendance_thu: 'sick',
      attendance_fri: 'met',
      didWell: 'Godt humør.',
    });
    expect(sent.headers.location).toBe('/feedback/thanks');
    expect((await anonymous.get(`/feedback/${t.services.feedback.linkToken(link)}`)).statusCode).toBe(410);

    const url = await t.services.notifications.newCalendarFeed(ctx(amina.actor));
    const feed = await anonymous.get(new URL(url).pathname);
    expect(feed.headers['content-type']).toContain('text/calendar');
    expect(feed.body).toContain('BEGIN:VEVENT');
  });
});

describe('follow-up meetings over HTTP', () => {
  it('plans from the internship page form (errors in Danish, nothing saved) and over the API', async () => {
    t.clock.set(new Date());
    const n = await makeNetwork(t);
    const amina = await n.young('Amina');
    const i = await startedInternship(t, n, amina.id);
    const team = new Browser(app);
    await team.signIn(n.consultant.email);
    const bad = await team.post(`/internships/${i.id}/meetings`, { date: '2020-01-01', time: '10:00', minutes: '60', place: 'Kontoret' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Mødet kan ikke ligge i fortiden.');
    expect((await team.json('GET', `/api/v1/internships/${i.id}/meetings`)).json().items).toEqual([]);
    const day = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    expect(
      (await team.post(`/internships/${i.id}/meetings`, { date: day, time: '10:00', minutes: '30', place: 'Kontoret' })).statusCode,
    ).toBe(303);
    const api = await team.json(
      'POST',
      `/api/v1/internships/${i.id}/meetings`,
      JSON.stringify({ date: day, time: '14:00', place: 'Værkstedet' }),
    );
    expect(api.statusCode).toBe(201);
    const page = await team.get(`/internships/${i.id}`);
    expect(page.body).toContain('Opfølgningsmøder med praktikvejlederen');
    expect(page.body).toContain('Værkstedet');
  });
});
