import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app/server.ts';
import { type TestContext, createTestContext, ctx } from '../support/context.ts';
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

const send = (who: Browser, method: 'PUT' | 'DELETE', url: string, body?: unknown) =>
  app.inject({
    method,
    url,
    payload: body === undefined ? undefined : JSON.stringify(body),
    headers: { cookie: who.header, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
  });

describe('matching over HTTP', () => {
  it('runs wishes → answers → round → accept over the API, with the same permissions as the pages', async () => {
    t.clock.set(new Date());
    const n = await makeNetwork(t);
    const second = await t.services.openings.create(ctx(n.entrepreneur), n.company.id, {
      title: 'Lagerhjælper',
      tasks: 'Pakke varer.',
      place: 'Roskilde',
      weeklyHours: '20',
      durationMonths: '3',
      seats: '1',
      startFrom: '2026-01-01',
      learning: '',
      supervisorUserId: n.supervisor.userId,
      published: 'on',
    });
    const amina = await n.young('Amina');
    const me = new Browser(app);
    await me.signIn(amina.actor.email);

    const bad = await me.json('POST', '/api/v1/me/wishes', JSON.stringify({ openingId: 'not-a-uuid' }));
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.fields).toEqual({ openingId: 'Vælg en praktikmulighed, som er offentliggjort i din kommune.' });
    for (const openingId of [n.opening.id, second.id])
      expect((await me.json('POST', '/api/v1/me/wishes', JSON.stringify({ openingId, reason: 'Gerne!' }))).statusCode).toBe(201);
    expect((await send(me, 'PUT', '/api/v1/me/wishes/order', { openingIds: [second.id, n.opening.id] })).statusCode).toBe(204);
    const list = (await me.json('GET', '/api/v1/me/wishes')).json();
    expect(list.limit).toBe(5);
    expect(list.items.map((w: { openingTitle: string; rank: number }) => [w.rank, w.openingTitle])).toEqual([
      [1, 'Lagerhjælper'],
      [2, 'Hjælper på kraftvarmeværket'],
    ]);

    // The company answers its own openings; the young person's last name is not shared.
    const company = new Browser(app);
    await company.signIn(n.supervisor.email);
    const wishesAt = (await company.json('GET', `/api/v1/companies/${n.company.id}/wishes`)).json().items;
    expect(wishesAt).toHaveLength(2);
    expect(wishesAt[0].youth).not.toHaveProperty('lastName');
    expect((await send(company, 'PUT', `/api/v1/openings/${second.id}/answers`, { youthId: amina.id, answer: 'not_now' })).statusCode).toBe(
      204,
    );
    expect(
      (await send(company, 'PUT', `/api/v1/openings/${n.opening.id}/answers`, { youthId: amina.id, answer: 'can_take', tier: 1 }))
        .statusCode,
    ).toBe(204);
    expect((await company.json('GET', `/api/v1/municipalities/${n.m}/matching-rounds`)).statusCode).toBe(404);

    const team = new Browser(app);
    await team.signIn(n.consultant.email);
    const run = await team.json('POST', `/api/v1/municipalities/${n.m}/matching-rounds`, JSON.stringify({ seed: 11 }));
    expect(run.statusCode).toBe(201);
    const roundId = run.json().id as string;
    const round = (await team.json('GET', `/api/v1/matching-rounds/${roundId}`)).json();
    expect(round.report).toMatchObject({ youth: 1, placed: 1, firstWish: 0, rankDistribution: [0, 1] });
    expect(round.placements[0].explanation).toEqual([
      { openingId: second.id, rank: 1, outcome: 'not_now' },
      { openingId: n.opening.id, rank: 2, outcome: 'placed' },
    ]);
    expect((await me.json('GET', '/api/v1/me/placements')).json().items).toEqual([]); // not published yet
    expect((await team.json('POST', `/api/v1/matching-rounds/${roundId}/publish`)).statusCode).toBe(204);

    const [placement] = (await me.json('GET', '/api/v1/me/placements')).json().items;
    expect(placement).toMatchObject({ roundId, openingId: n.opening.id, wishRank: 2, status: 'offered' });
    const accepted = await me.json('POST', `/api/v1/me/placements/${roundId}/response`, JSON.stringify({ decision: 'accept' }));
    expect(accepted.statusCode).toBe(200);
    const internship = (await team.json('GET', `/api/v1/internships/${accepted.json().internshipId}`)).json();
    expect(internship).toMatchObject({ status: 'planned', youthId: amina.id, openingId: n.opening.id });
    const again = await me.json('POST', `/api/v1/me/placements/${roundId}/response`, JSON.stringify({ decision: 'decline' }));
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('Du har allerede svaret på denne plads.');
  });

  it('re-renders the forms with a Danish message and changes nothing on bad input', async () => {
    const n = await makeNetwork(t);
    const amina = await n.young('Amina');
    const me = new Browser(app);
    await me.signIn(amina.actor.email);
    const page = await me.post('/me/wishes', { openingId: n.opening.id, reason: 'x'.repeat(301) });
    expect(page.statusCode).toBe(422);
    expect(page.body).toContain('Skriv højst 300 tegn.');
    expect((await t.services.wishes.mine(ctx(amina.actor))).wishes).toEqual([]);
    expect((await me.post('/me/wishes', { openingId: n.opening.id })).statusCode).toBe(303);
    expect((await me.get('/me/wishes')).body).toContain('Hjælper på kraftvarmeværket');

    const team = new Browser(app);
    await team.signIn(n.consultant.email);
    const seed = await team.post(`/matching/rounds?m=${n.m}`, { seed: 'abc' });
    expect(seed.statusCode).toBe(422);
    expect(seed.body).toContain('Startværdien skal være et helt tal');
    expect((await t.services.rounds.list(ctx(n.consultant), n.m)).rounds).toEqual([]);

    // The company's form without a choice names what to fix, and saves nothing.
    const company = new Browser(app);
    await company.signIn(n.supervisor.email);
    const none = await company.post(`/openings/${n.opening.id}/answers`, { youthId: amina.id });
    expect(none.statusCode).toBe(422);
    expect(none.body).toContain('Vælg, om I kan tage den unge, eller ikke lige nu.');
    expect((await t.services.wishes.forCompany(ctx(n.supervisor), n.company.id))[0]!.answer).toBeNull();
    const saved = await company.post(`/openings/${n.opening.id}/answers`, { youthId: amina.id, choice: '2' });
    expect(saved.statusCode).toBe(303);
    expect((await t.services.wishes.forCompany(ctx(n.supervisor), n.company.id))[0]).toMatchObject({ answer: 'can_take', tier: 2 });
  });
});

describe('match events over HTTP', () => {
  it('plans an event, the invited young person answers, the team sees it, and the .ics downloads', async () => {
    t.clock.set(new Date());
    const n = await makeNetwork(t);
    const amina = await n.young('Amina');
    const team = new Browser(app);
    await team.signIn(n.consultant.email);
    const day = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
    const body = {
      title: 'Match-event',
      date: day,
      startTime: '10:00',
      endTime: '12:30',
      place: 'Jobcentret',
      openingIds: [n.opening.id],
      youthIds: [amina.id],
    };
    const bad = await team.json('POST', `/api/v1/municipalities/${n.m}/match-events`, JSON.stringify({ ...body, endTime: '09:00' }));
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.fields).toEqual({ endTime: 'Sluttidspunktet skal ligge efter starten.' });
    const created = await team.json('POST', `/api/v1/municipalities/${n.m}/match-events`, JSON.stringify(body));
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;

    const me = new Browser(app);
    await me.signIn(amina.actor.email);
    expect((await me.json('POST', `/api/v1/match-events/${id}/response`, JSON.stringify({ response: 'coming' }))).statusCode).toBe(204);
    const mine = (await me.json('GET', `/api/v1/match-events/${id}`)).json();
    expect(mine).toMatchObject({ response: 'coming', youth: [] });
    const theirs = (await team.json('GET', `/api/v1/match-events/${id}`)).json();
    expect(theirs.youth).toEqual([expect.objectContaining({ firstName: 'Amina', response: 'coming' })]);
    const list = (await team.json('GET', `/api/v1/municipalities/${n.m}/match-events`)).json().items;
    expect(list).toEqual([expect.objectContaining({ id, youthInvited: 1, youthComing: 1, companiesInvited: 1, companiesComing: 0 })]);
    const ics = await me.get(`/matching/events/${id}/calendar.ics`);
    expect(ics.headers['content-type']).toContain('text/calendar');
    expect(ics.body).toContain('SUMMARY:Match-event');
    const page = await me.get(`/matching/events/${id}`);
    expect(page.body).toContain('Dit svar:');
    const stranger = new Browser(app);
    await stranger.signIn((await n.young('Bo')).actor.email);
    expect((await stranger.get(`/matching/events/${id}`)).statusCode).toBe(404);
  });
});
