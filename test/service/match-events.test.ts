import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { matchEvents } from '../../src/modules/matching/matching.schema.ts';
import { notifications } from '../../src/modules/notifications/notifications.schema.ts';
import { type TestContext, createTestContext, ctx, failure } from '../support/context.ts';
import { makeNetwork } from '../support/internships.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());
beforeEach(() => t.clock.set('2026-03-02T09:00:00Z'));

type Network = Awaited<ReturnType<typeof makeNetwork>>;
const plan = (n: Network, youthIds: string[], extra: Record<string, unknown> = {}) => ({
  title: 'Match-event i Roskilde',
  date: '2026-03-12',
  startTime: '09:30',
  endTime: '12:00',
  place: 'Jobcentret, Køgevej 80',
  programme: 'Virksomhederne præsenterer sig. Korte 1:1-samtaler. Snak i grupper.',
  openingIds: [n.opening.id],
  youthIds,
  ...extra,
});

describe('match events', () => {
  it('invites both sides, who answer for themselves; only the team sees who answered what', async () => {
    const n = await makeNetwork(t);
    const amina = await n.young('Amina');
    const bo = await n.young('Bo');
    const outsider = await n.young('Carl');
    const event = await t.services.matchEvents.create(ctx(n.consultant), n.m, plan(n, [amina.id, bo.id]));
    // 09:30 in Copenhagen in March is 08:30 UTC.
    expect(event.startsAt.toISOString()).toBe('2026-03-12T08:30:00.000Z');
    const told = await t.database.db.select().from(notifications).where(eq(notifications.kind, 'event_invitation'));
    expect(told.map((x) => x.userId).sort()).toEqual([amina.actor.userId, bo.actor.userId, n.supervisor.userId].sort());

    await t.services.matchEvents.respond(ctx(amina.actor), event.id, { response: 'coming' });
    await t.services.matchEvents.respond(ctx(n.supervisor), event.id, { response: 'coming' });
    expect((await failure(t.services.matchEvents.respond(ctx(bo.actor), event.id, { response: 'maybe' }))).fields).toEqual({
      response: 'validation.event_response',
    });
    expect((await failure(t.services.matchEvents.get(ctx(outsider.actor), event.id))).code).toBe('not_found');

    const asYouth = await t.services.matchEvents.get(ctx(amina.actor), event.id);
    expect(asYouth).toMatchObject({ relation: { kind: 'youth' }, response: 'coming', youth: [], youthComing: null });
    expect(asYouth.openings.map((o) => o.title)).toEqual(['Hjælper på kraftvarmeværket']);
    const asTeam = await t.services.matchEvents.get(ctx(n.counsellor), event.id);
    expect(asTeam.youth.map((y) => [y.firstName, y.response])).toEqual([
      ['Amina', 'coming'],
      ['Bo', 'pending'],
    ]);
    expect(asTeam.companies.map((c) => c.response)).toEqual(['coming']);

    const ics = await t.services.matchEvents.ics(ctx(amina.actor), event.id);
    expect(ics).toContain('SUMMARY:Match-event i Roskilde');
    expect(ics).toContain('DTSTART:20260312T083000Z');
    expect((await t.services.matchEvents.mine(ctx(n.supervisor))).map((e) => e.id)).toEqual([event.id]);
  });

  it('refuses a bad plan with every problem named, and stores nothing', async () => {
    const n = await makeNetwork(t);
    const other = await makeNetwork(t);
    const amina = await n.young('Amina');
    const stranger = await other.young('Dina');
    const err = await failure(
      t.services.matchEvents.create(ctx(n.consultant), n.m, plan(n, [amina.id], { startTime: '12:00', endTime: '11:00' })),
    );
    expect(err.fields).toEqual({ endTime: 'validation.event_end' });
    const err2 = await failure(
      t.services.matchEvents.create(ctx(n.consultant), n.m, plan(n, [stranger.id], { date: '2026-03-01', openingIds: [other.opening.id] })),
    );
    expect(err2.fields).toEqual({
      openingIds: 'validation.event_openings',
      youthIds: 'validation.event_youth',
      date: 'validation.event_past',
    });
    expect((await failure(t.services.matchEvents.create(ctx(n.consultant), n.m, plan(n, [])))).fields).toEqual({
      youthIds: 'validation.event_youth',
    });
    expect((await failure(t.services.matchEvents.create(ctx(amina.actor), n.m, plan(n, [amina.id])))).code).toBe('not_found');
    expect(await t.database.db.select().from(matchEvents).where(eq(matchEvents.municipalityId, n.m))).toEqual([]);
  });

  it('runs a round for one event: only its young people who did not say no, and only its openings', async () => {
    const n = await makeNetwork(t);
    const elsewhere = await t.services.openings.create(ctx(n.entrepreneur), n.company.id, {
      title: 'Butik',
      tasks: 'Fylde hylder.',
      place: 'Roskilde',
      weeklyHours: '20',
      durationMonths: '3',
      seats: '1',
      startFrom: '2026-03-01',
      learning: '',
      supervisorUserId: '',
      published: 'on',
    });
    const amina = await n.young('Amina');
    const bo = await n.young('Bo');
    const carl = await n.young('Carl');
    for (const p of [amina, bo, carl]) {
      for (const o of [elsewhere, n.opening]) {
        await t.services.wishes.add(ctx(p.actor), { openingId: o.id });
        await t.services.wishes.answer(ctx(n.supervisor), o.id, { youthId: p.id, answer: 'can_take', tier: 1 });
      }
    }
    const event = await t.services.matchEvents.create(ctx(n.consultant), n.m, plan(n, [amina.id, bo.id]));
    await t.services.matchEvents.respond(ctx(bo.actor), event.id, { response: 'not_coming' });
    const round = await t.services.rounds.run(ctx(n.consultant), n.m, { eventId: event.id, seed: 3 });
    expect(round.eventId).toBe(event.id);
    expect(round.input.youth).toEqual({ [amina.id]: [n.opening.id] });
    expect(Object.keys(round.input.openings)).toEqual([n.opening.id]);
    // Another municipality's event is not a scope for this one.
    const other = await makeNetwork(t);
    const theirs = await t.services.matchEvents.create(ctx(other.consultant), other.m, plan(other, [(await other.young('Eva')).id]));
    await t.services.rounds.discard(ctx(n.consultant), round.id);
    expect((await failure(t.services.rounds.run(ctx(n.consultant), n.m, { eventId: theirs.id }))).fields).toEqual({
      eventId: 'validation.event',
    });
  });
});
