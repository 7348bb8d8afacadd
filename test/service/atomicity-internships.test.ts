import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import {
  feedbackLinks,
  internshipEvents,
  internshipExtensions,
  internshipFeedback,
  internshipMeetings,
  internships,
  youthCheckins,
} from '../../src/modules/internships/internships.schema.ts';
import {
  companyAnswers,
  directInvitations,
  matchEventCompanies,
  matchEventOpenings,
  matchEventYouth,
  matchEvents,
  matchingRounds,
  roundPlacements,
  wishes,
} from '../../src/modules/matching/matching.schema.ts';
import { youth, youthStatusHistory } from '../../src/modules/youth/youth.schema.ts';
import { auditEvents } from '../../src/platform/audit/audit.schema.ts';
import { notifications } from '../../src/modules/notifications/notifications.schema.ts';
import { withAuditRefused } from '../support/atomicity.ts';
import { type TestContext, auditFor, createTestContext, ctx, failure } from '../support/context.ts';
import { makeNetwork, startedInternship } from '../support/internships.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());
beforeEach(() => t.clock.set('2026-03-02T09:00:00Z'));

type Network = Awaited<ReturnType<typeof makeNetwork>>;

/** Every table these writes touch: the writes themselves, their history, notifications and the audit log. */
const written: PgTable[] = [
  internships,
  internshipEvents,
  internshipExtensions,
  internshipFeedback,
  feedbackLinks,
  youthCheckins,
  internshipMeetings,
  youth,
  youthStatusHistory,
  wishes,
  companyAnswers,
  directInvitations,
  matchingRounds,
  roundPlacements,
  matchEvents,
  matchEventOpenings,
  matchEventCompanies,
  matchEventYouth,
  notifications,
  auditEvents,
];

/** The rows of those tables (the test file has its own database), in a stable order. */
async function everything(): Promise<string[][]> {
  const out: string[][] = [];
  for (const table of written) out.push((await t.database.db.select().from(table)).map((r) => JSON.stringify(r)).sort());
  return out;
}

/**
 * Runs `write` with the database refusing audit entries of `action`, as a crash between the write
 * and its audit entry would, and checks that it left nothing behind: no row, history, notification
 * or other audit entry of the unit.
 */
async function leavesNothing(action: string, write: () => Promise<unknown>): Promise<void> {
  const before = await everything();
  await expect(withAuditRefused(t, action, write)).rejects.toThrow('insert into "audit_events"');
  expect(await everything()).toEqual(before);
}

const today = '2026-03-02';
const planInput = (n: Network, youthId: string) => ({
  youthId,
  openingId: n.opening.id,
  chosenOn: today,
  agreedStart: today,
  weeklyHours: '20',
});

describe('internships: a write, its history and its audit entry are one transaction (#19.10)', () => {
  it('plans an internship, with its event and notifications, only together with its audit entry', async () => {
    const n = await makeNetwork(t);
    const amina = await n.young('Amina');
    await leavesNothing('internship.plan', () => t.services.internships.plan(ctx(n.consultant), n.m, planInput(n, amina.id)));
    expect(await t.database.db.select().from(internships).where(eq(internships.youthId, amina.id))).toEqual([]);

    const i = await t.services.internships.plan(ctx(n.consultant), n.m, planInput(n, amina.id));
    expect((await t.services.internships.get(ctx(n.consultant), i.id)).events.map((e) => e.kind)).toEqual(['planned']);
    // A second open internship is still refused as a conflict (the unique index, mapped after the rollback).
    expect((await failure(t.services.internships.plan(ctx(n.consultant), n.m, planInput(n, amina.id)))).messageKey).toBe(
      'errors.internship_open',
    );
  });

  it('records VITAS, the first day and the end (with the young person’s status) only with their audit entries', async () => {
    const n = await makeNetwork(t);
    const amina = await n.young('Amina');
    const i = await t.services.internships.plan(ctx(n.consultant), n.m, planInput(n, amina.id));
    const c = ctx(n.consultant);
    const sent = { step: 'sent', on: today, reference: 'VITAS-1' };
    await leavesNothing('internship.vitas', () => t.services.internships.recordVitas(c, i.id, sent));
    await t.services.internships.recordVitas(c, i.id, sent);
    await leavesNothing('internship.vitas', () => t.services.internships.recordVitas(c, i.id, { step: 'approved', on: today }));
    await t.services.internships.recordVitas(c, i.id, { step: 'approved', on: today });

    await leavesNothing('internship.first_day', () => t.services.internships.recordFirstDay(c, i.id, { firstDay: today }));
    await t.services.internships.recordFirstDay(c, i.id, { firstDay: today });

    // Ending withdraws an open extension request and sends the young person back to the network.
    await t.services.extensions.requestExtension(ctx(n.supervisor), i.id, { newEnd: '2026-07-01' });
    await leavesNothing('internship.end', () => t.services.internships.end(c, i.id, { on: today, outcome: 'completed' }));
    await t.services.internships.end(c, i.id, { on: today, outcome: 'completed' });
    const { i: ended, extensions } = await t.services.internships.get(c, i.id);
    expect(ended.status).toBe('completed');
    expect(extensions.map((e) => e.status)).toEqual(['withdrawn']);
  });

  it('keeps weekly feedback, by sign-in or by link, and check-ins only with their audit entries', async () => {
    const n = await makeNetwork(t);
    const amina = await n.young('Amina');
    const i = await startedInternship(t, n, amina.id);
    const attendance = { mon: 'met', tue: 'met', wed: 'sick', thu: 'met', fri: 'off' };
    const feedback = { week: today, attendance, didWell: 'Tog selv initiativ.', concern: 'Virkede træt torsdag.' };
    await leavesNothing('internship.feedback', () => t.services.feedback.submit(ctx(n.supervisor), i.id, feedback));
    expect(await t.database.db.select().from(internshipFeedback).where(eq(internshipFeedback.internshipId, i.id))).toEqual([]);
    await t.services.feedback.submit(ctx(n.supervisor), i.id, feedback);

    // By link: the link is not used up by a submission that was not kept.
    const link = await t.services.feedback.prepareLink(i.id, '2026-03-09');
    const token = t.services.feedback.linkToken(link);
    t.clock.set('2026-03-13T12:00:00Z');
    await leavesNothing('internship.feedback', () => t.services.feedback.submitByLink(ctx(null), token, { attendance, didWell: 'Godt.' }));
    expect((await t.services.feedback.submitByLink(ctx(null), token, { attendance, didWell: 'Godt.' })).viaLink).toBe(link.id);

    const checkin = { wellbeing: 7, workplace: 6, network: 5 };
    await leavesNothing('internship.checkin', () => t.services.feedback.checkin(ctx(amina.actor), checkin));
    await t.services.feedback.checkin(ctx(amina.actor), checkin);
  });

  it('requests, agrees and withdraws an extension (moving the end) only with its audit entry', async () => {
    const n = await makeNetwork(t);
    const amina = await n.young('Amina');
    const i = await startedInternship(t, n, amina.id);
    const request = { newEnd: '2026-08-01', reason: 'Hun er blevet en del af holdet.' };
    await leavesNothing('internship.extension_request', () => t.services.extensions.requestExtension(ctx(n.supervisor), i.id, request));
    await t.services.extensions.requestExtension(ctx(n.supervisor), i.id, request);

    // The young person's agreement is the second: it would move the end and mark the internship extended.
    await leavesNothing('internship.extension_agree', () => t.services.extensions.agreeExtension(ctx(amina.actor), i.id));
    await leavesNothing('internship.extension_withdraw', () => t.services.extensions.withdrawExtension(ctx(n.supervisor), i.id));
    expect((await t.services.extensions.agreeExtension(ctx(amina.actor), i.id)).status).toBe('agreed');
    const { i: extended } = await t.services.internships.get(ctx(n.consultant), i.id);
    expect(extended).toMatchObject({ status: 'extended', plannedEnd: '2026-08-01' });
  });

  it('plans a follow-up meeting, with its notifications, only with its audit entry', async () => {
    const n = await makeNetwork(t);
    const amina = await n.young('Amina');
    const i = await startedInternship(t, n, amina.id);
    const meeting = { date: '2026-03-16', time: '13:00', place: 'Værkstedet' };
    await leavesNothing('internship.meeting', () => t.services.meetings.schedule(ctx(n.supervisor), i.id, meeting));
    expect(await t.database.db.select().from(internshipMeetings).where(eq(internshipMeetings.internshipId, i.id))).toEqual([]);
    await t.services.meetings.schedule(ctx(n.supervisor), i.id, meeting);
  });
});

describe('matching: a write and its audit entry are one transaction (#19.10)', () => {
  /** A second published opening at the network's company. */
  const anotherOpening = (n: Network) =>
    t.services.openings.create(ctx(n.entrepreneur), n.company.id, {
      title: 'Lager',
      tasks: 'Lager: konkrete opgaver.',
      place: 'Roskilde',
      weeklyHours: '20',
      durationMonths: '3',
      seats: '1',
      startFrom: '2026-03-05',
      learning: '',
      supervisorUserId: n.supervisor.userId,
      published: 'on',
    });

  it('changes a wish list, answers a wish and invites directly only with their audit entries', async () => {
    const n = await makeNetwork(t);
    const amina = await n.young('Amina');
    const lager = await anotherOpening(n);
    const me = ctx(amina.actor);
    await leavesNothing('wish.add', () => t.services.wishes.add(me, { openingId: n.opening.id, reason: 'Maskiner!' }));
    expect(await t.database.db.select().from(wishes).where(eq(wishes.youthId, amina.id))).toEqual([]);
    await t.services.wishes.add(me, { openingId: n.opening.id, reason: 'Maskiner!' });
    await t.services.wishes.add(me, { openingId: lager.id });

    await leavesNothing('wish.rank', () => t.services.wishes.move(me, lager.id, { direction: 'up' }));
    await leavesNothing('wish.rank', () => t.services.wishes.rank(me, { openingIds: [lager.id, n.opening.id] }));
    await leavesNothing('wish.reason', () => t.services.wishes.setReason(me, lager.id, { reason: 'Orden og system.' }));
    await leavesNothing('wish.remove', () => t.services.wishes.remove(me, n.opening.id));
    await leavesNothing('wish.answer', () =>
      t.services.wishes.answer(ctx(n.supervisor), n.opening.id, { youthId: amina.id, answer: 'can_take', tier: 1 }),
    );
    await leavesNothing('wish.invite_direct', () =>
      t.services.wishes.inviteDirect(ctx(n.supervisor), n.company.id, { youthId: amina.id, channel: 'call', message: 'Vi ringede.' }),
    );
    expect((await t.services.wishes.mine(me)).wishes.map((w) => w.openingTitle)).toEqual(['Hjælper på kraftvarmeværket', 'Lager']);
  });

  it('creates a match event, with its invitations and notifications, and takes an answer only with their audit entries', async () => {
    const n = await makeNetwork(t);
    const amina = await n.young('Amina');
    const plan = {
      title: 'Match-event i Roskilde',
      date: '2026-03-12',
      startTime: '09:30',
      endTime: '12:00',
      place: 'Jobcentret, Køgevej 80',
      programme: 'Virksomhederne præsenterer sig.',
      openingIds: [n.opening.id],
      youthIds: [amina.id],
    };
    await leavesNothing('match_event.create', () => t.services.matchEvents.create(ctx(n.consultant), n.m, plan));
    expect(await t.database.db.select().from(matchEvents).where(eq(matchEvents.municipalityId, n.m))).toEqual([]);
    const event = await t.services.matchEvents.create(ctx(n.consultant), n.m, plan);

    await leavesNothing('match_event.respond', () => t.services.matchEvents.respond(ctx(amina.actor), event.id, { response: 'coming' }));
    expect((await t.services.matchEvents.get(ctx(n.consultant), event.id)).youth.map((y) => y.response)).toEqual(['pending']);
  });

  it('runs, discards and publishes a round, and accepts or declines a placement, only with their audit entries', async () => {
    const n = await makeNetwork(t); // the opening has two seats
    const [amina, bo] = [await n.young('Amina'), await n.young('Bo')];
    for (const y of [amina, bo]) {
      await t.services.wishes.add(ctx(y.actor), { openingId: n.opening.id });
      await t.services.wishes.answer(ctx(n.supervisor), n.opening.id, { youthId: y.id, answer: 'can_take', tier: 1 });
    }
    const team = ctx(n.consultant);
    await leavesNothing('match.run', () => t.services.rounds.run(team, n.m, { seed: 7 }));
    expect(await t.database.db.select().from(matchingRounds).where(eq(matchingRounds.municipalityId, n.m))).toEqual([]);
    const round = await t.services.rounds.run(team, n.m, { seed: 7 });
    await leavesNothing('match.discard', () => t.services.rounds.discard(team, round.id));
    await leavesNothing('match.publish', () => t.services.rounds.publish(team, round.id));
    await t.services.rounds.publish(team, round.id);
    // A publication that lost the race is refused and audits nothing.
    const again = ctx(n.consultant);
    expect((await failure(t.services.rounds.publish(again, round.id))).messageKey).toBe('errors.round_state');
    expect(await auditFor(t, again.requestId!)).toEqual([]);

    // Accepting plans the internship: neither the decision nor the internship is kept without both entries.
    const accept = () => t.services.rounds.respond(ctx(amina.actor), round.id, { decision: 'accept' });
    await leavesNothing('match.accept', accept);
    await leavesNothing('internship.plan', accept);
    await leavesNothing('match.decline', () => t.services.rounds.respond(ctx(bo.actor), round.id, { decision: 'decline' }));

    const { internshipId } = await accept();
    const [planned] = await t.database.db.select().from(internships).where(eq(internships.id, internshipId!));
    expect(planned).toMatchObject({ youthId: amina.id, status: 'planned' });
    await t.services.rounds.respond(ctx(bo.actor), round.id, { decision: 'decline' });
    expect((await t.services.wishes.mine(ctx(bo.actor))).wishes).toEqual([]);
  });
});
