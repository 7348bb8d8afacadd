import { driver } from '../support/db.ts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { companies } from '../../src/modules/companies/companies.schema.ts';
import { internshipEvents, internships } from '../../src/modules/internships/internships.schema.ts';
import { municipalities } from '../../src/modules/municipalities/municipalities.schema.ts';
import { youth, youthStatusHistory } from '../../src/modules/youth/youth.schema.ts';
import { type TestContext, createTestContext, ctx, failure, makeUser } from '../support/context.ts';
import { makeNetwork, startedInternship } from '../support/internships.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());
beforeEach(() => t.clock.set('2026-03-02T09:00:00Z'));

const DAY = 86_400_000;

describe('internship lifecycle', () => {
  it('runs planned → awaiting approval → active → completed, moving the young person in and out of internship', async () => {
    const n = await makeNetwork(t);
    const amina = await n.young('Amina');
    const i = await t.services.internships.plan(ctx(n.consultant), n.m, {
      youthId: amina.id,
      openingId: n.opening.id,
      chosenOn: '2026-03-02',
      agreedStart: '2026-03-09',
      weeklyHours: '20',
    });
    expect(i.status).toBe('planned');
    expect(i.plannedEnd).toBe('2026-06-09'); // the opening's three months
    expect(i.supervisorUserId).toBe(n.supervisor.userId); // the opening's supervisor by default
    expect(i.tasks).toBe('Hjælper på kraftvarmeværket');

    // The first day cannot be recorded before the jobcentre has approved.
    t.clock.advance(7 * DAY);
    expect((await failure(t.services.internships.recordFirstDay(ctx(n.consultant), i.id, { firstDay: '2026-03-09' }))).messageKey).toBe(
      'errors.internship_needs_approval',
    );
    await t.services.internships.recordVitas(ctx(n.consultant), i.id, { step: 'sent', on: '2026-03-03', reference: 'VITAS-2026-0042' });
    expect(
      (await failure(t.services.internships.recordVitas(ctx(n.consultant), i.id, { step: 'approved', on: '2026-03-02' }))).fields,
    ).toEqual({
      on: 'validation.approved_before_sent',
    });
    await t.services.internships.recordVitas(ctx(n.consultant), i.id, { step: 'approved', on: '2026-03-05' });
    await t.services.internships.recordFirstDay(ctx(n.consultant), i.id, { firstDay: '2026-03-09' });

    const { i: active, events } = await t.services.internships.get(ctx(n.consultant), i.id);
    expect(active).toMatchObject({ status: 'active', firstDay: '2026-03-09', vitasStatus: 'approved', vitasReference: 'VITAS-2026-0042' });
    expect(events.map((e) => e.kind)).toEqual(['first_day', 'vitas_approved', 'vitas_sent', 'planned']);
    const [y] = await t.database.db.select().from(youth).where(eq(youth.id, amina.id));
    expect(y!.status).toBe('in_internship');

    t.clock.set('2026-06-09T12:00:00Z');
    await t.services.internships.end(ctx(n.consultant), i.id, { on: '2026-06-09', outcome: 'completed' });
    const [after] = await t.database.db.select().from(youth).where(eq(youth.id, amina.id));
    expect(after!.status).toBe('in_network');
    const history = await t.database.db.select().from(youthStatusHistory).where(eq(youthStatusHistory.youthId, amina.id));
    expect(history.map((h) => h.toStatus)).toEqual(expect.arrayContaining(['in_internship', 'in_network']));

    // Rotation: the next internship follows the first, and the work trail keeps both.
    const next = await t.services.internships.plan(ctx(n.consultant), n.m, {
      youthId: amina.id,
      openingId: n.opening.id,
      chosenOn: '2026-06-09',
      agreedStart: '2026-06-15',
      weeklyHours: '25',
      previousId: i.id,
    });
    expect(next.previousId).toBe(i.id);
    const trail = await t.services.feedback.myTrail(ctx(amina.actor));
    expect(trail.internships.map((x) => x.status)).toEqual(['planned', 'completed']);
  });

  it('refuses bad input with field errors and changes nothing', async () => {
    const n = await makeNetwork(t);
    const other = await makeNetwork(t);
    const amina = await n.young();
    const foreign = await other.young();
    const err = await failure(
      t.services.internships.plan(ctx(n.consultant), n.m, {
        youthId: foreign.id,
        openingId: other.opening.id,
        chosenOn: '2026-03-10',
        agreedStart: '2026-03-01',
        weeklyHours: '10',
      }),
    );
    expect(err.fields).toEqual({ weeklyHours: 'validation.hours' });
    const err2 = await failure(
      t.services.internships.plan(ctx(n.consultant), n.m, {
        youthId: foreign.id,
        openingId: other.opening.id,
        chosenOn: '2026-03-03',
        agreedStart: '2026-03-01',
        weeklyHours: '20',
      }),
    );
    expect(err2.fields).toEqual({
      youthId: 'validation.internship_youth',
      openingId: 'validation.internship_opening',
      agreedStart: 'validation.start_before_choice',
      chosenOn: 'validation.date_future',
    });
    // Nor back-dated: the clock runs from the young person's confirmation.
    const backDated = await failure(
      t.services.internships.plan(ctx(n.consultant), n.m, {
        youthId: amina.id,
        openingId: n.opening.id,
        chosenOn: '2026-02-27',
        agreedStart: '2026-03-02',
        weeklyHours: '20',
      }),
    );
    expect(backDated.fields).toEqual({ chosenOn: 'validation.date_past' });
    // Planned end past the longest allowed internship: the message names the latest date.
    const tooLong = await failure(
      t.services.internships.plan(ctx(n.consultant), n.m, {
        youthId: amina.id,
        openingId: n.opening.id,
        chosenOn: '2026-03-02',
        agreedStart: '2026-03-09',
        plannedEnd: '2026-10-01',
        weeklyHours: '20',
      }),
    );
    expect(tooLong).toMatchObject({ messageKey: 'errors.internship_too_long', params: { months: 6, latest: '2026-09-09' } });
    expect(await t.database.db.select().from(internships).where(eq(internships.municipalityId, n.m))).toHaveLength(0);

    // One internship at a time.
    await startedInternship(t, n, amina.id);
    const twice = await failure(
      t.services.internships.plan(ctx(n.consultant), n.m, {
        youthId: amina.id,
        openingId: n.opening.id,
        chosenOn: '2026-03-02',
        agreedStart: '2026-03-02',
        weeklyHours: '20',
      }),
    );
    expect(twice.code).toBe('conflict');
    const [row] = await t.database.db.select().from(internships).where(eq(internships.municipalityId, n.m));
    // An early end needs a reason; nothing changes without one.
    expect(
      (await failure(t.services.internships.end(ctx(n.consultant), row!.id, { on: '2026-03-02', outcome: 'ended_early' }))).fields,
    ).toEqual({
      reason: 'validation.early_end_reason',
    });
    const events = await t.database.db.select().from(internshipEvents).where(eq(internshipEvents.internshipId, row!.id));
    expect(events.map((e) => e.kind).sort()).toEqual(['first_day', 'planned', 'vitas_approved', 'vitas_sent']);
  });
});

describe('extension', () => {
  it('is asked for by one side, agreed by the other, moves the end and is noted for the jobcentre; past 6 months it is refused', async () => {
    const n = await makeNetwork(t);
    const amina = await n.young();
    const i = await startedInternship(t, n, amina.id); // first day 2026-03-02, planned end 2026-06-02
    const past = await failure(t.services.extensions.requestExtension(ctx(n.supervisor), i.id, { newEnd: '2026-09-03' }));
    expect(past).toMatchObject({
      code: 'invalid',
      messageKey: 'errors.internship_too_long',
      fields: { newEnd: 'validation.internship_too_long' },
    });
    expect(past.params).toEqual({ months: 6, latest: '2026-09-02' });
    expect((await failure(t.services.extensions.requestExtension(ctx(n.supervisor), i.id, { newEnd: '2026-05-01' }))).fields).toEqual({
      newEnd: 'validation.extension_after_end',
    });

    const ext = await t.services.extensions.requestExtension(ctx(n.supervisor), i.id, {
      newEnd: '2026-09-02',
      reason: 'Hun er blevet en del af holdet.',
    });
    expect(ext).toMatchObject({ requestedBy: 'company', status: 'requested' });
    expect((await failure(t.services.extensions.requestExtension(ctx(amina.actor), i.id, { newEnd: '2026-08-01' }))).messageKey).toBe(
      'errors.extension_open',
    );
    // The company cannot agree for the young person.
    expect((await t.services.extensions.agreeExtension(ctx(n.supervisor), i.id)).status).toBe('requested');
    const agreed = await t.services.extensions.agreeExtension(ctx(amina.actor), i.id);
    expect(agreed.status).toBe('agreed');
    const { i: extended } = await t.services.internships.get(ctx(n.consultant), i.id);
    expect(extended).toMatchObject({ status: 'extended', plannedEnd: '2026-09-02', vitasStatus: 'awaiting' });
  });
});

describe('permissions', () => {
  it('lets the supervisor and the young person reach only their own internship, and hides concerns from both', async () => {
    const n = await makeNetwork(t);
    const other = await makeNetwork(t);
    const amina = await n.young('Amina');
    const bo = await n.young('Bo');
    const i = await startedInternship(t, n, amina.id);
    await t.services.feedback.submit(ctx(n.supervisor), i.id, {
      week: '2026-03-02',
      attendance: { mon: 'met', tue: 'met', wed: 'sick', thu: 'met', fri: 'off' },
      didWell: 'Tog selv initiativ til at rydde værkstedet.',
      concern: 'Virkede træt torsdag.',
    });
    expect((await t.services.feedback.list(ctx(n.consultant), i.id))[0]!.concern).toBe('Virkede træt torsdag.');
    expect((await t.services.feedback.list(ctx(n.supervisor), i.id))[0]).not.toHaveProperty('concern');
    expect((await t.services.feedback.list(ctx(amina.actor), i.id))[0]).not.toHaveProperty('concern');

    const caseworker = await makeUser(t, [{ role: 'caseworker', municipalityId: n.m }]);
    for (const outsider of [bo.actor, other.supervisor, other.consultant, caseworker]) {
      expect((await failure(t.services.internships.get(ctx(outsider), i.id))).code).toBe('not_found');
      expect((await failure(t.services.feedback.list(ctx(outsider), i.id))).code).toBe('not_found');
    }
    expect((await failure(t.services.feedback.submit(ctx(amina.actor), i.id, { week: '2026-03-02', attendance: {} }))).code).toBe(
      'not_found',
    );
    expect((await failure(t.services.internships.end(ctx(n.supervisor), i.id, { on: '2026-03-02', outcome: 'completed' }))).code).toBe(
      'not_found',
    );
    expect((await failure(t.services.internshipOverview.team(ctx(n.supervisor), n.m))).code).toBe('not_found');
  });
});

describe('the two-week start clock', () => {
  it('shows days left, alerts the consultant on day 7 and day 12 once each, lists overdue starts, and gives median and 90th percentile', async () => {
    const n = await makeNetwork(t);
    const [amina, bo] = [await n.young('Amina'), await n.young('Bo')];
    const i = await t.services.internships.plan(ctx(n.consultant), n.m, {
      youthId: amina.id,
      openingId: n.opening.id,
      chosenOn: '2026-03-02',
      agreedStart: '2026-03-16',
      weeklyHours: '20',
    });
    // The team planned it: no clock runs until Amina confirms her choice in the app.
    expect((await t.services.internshipOverview.team(ctx(n.counsellor), n.m)).clocks).toEqual([]);
    await t.services.internships.confirm(ctx(amina.actor), i.id);
    expect((await failure(t.services.internships.confirm(ctx(amina.actor), i.id))).messageKey).toBe('errors.internship_confirmed');
    await startedInternship(t, n, bo.id); // chose and started the same day: 0 days
    const overview = await t.services.internshipOverview.team(ctx(n.counsellor), n.m);
    expect(overview.clocks).toEqual([
      expect.objectContaining({ id: i.id, daysElapsed: 0, daysLeft: 14, overdue: false, youthName: 'Amina Hansen' }),
    ]);
    expect(overview).toMatchObject({ openClocks: 1, overdue: 0, median: 0, starts: 1 });

    const alerts = async () =>
      (await t.services.notifications.recent(ctx(n.consultant))).filter((x) => x.kind.startsWith('start_clock')).map((x) => x.kind);
    t.clock.set('2026-03-08T08:00:00Z'); // day 6
    expect(await t.services.internshipJobs.startClockAlerts()).toBe(0);
    t.clock.set('2026-03-09T06:00:00Z'); // day 7
    expect(await t.services.internshipJobs.startClockAlerts()).toBe(1);
    expect(await t.services.internshipJobs.startClockAlerts()).toBe(0); // a second run sends nothing new
    t.clock.set('2026-03-13T06:00:00Z'); // day 11
    expect(await t.services.internshipJobs.startClockAlerts()).toBe(0);
    t.clock.set('2026-03-14T06:00:00Z'); // day 12
    await Promise.all([t.services.internshipJobs.startClockAlerts(), t.services.internshipJobs.startClockAlerts()]);
    expect((await alerts()).sort()).toEqual(['start_clock_12', 'start_clock_7']);

    t.clock.set('2026-03-17T09:00:00Z'); // day 15: overdue
    const late = await t.services.internshipOverview.team(ctx(n.consultant), n.m);
    expect(late.clocks[0]).toMatchObject({ daysElapsed: 15, daysLeft: -1, overdue: true });
    expect(late.overdue).toBe(1);

    expect((await t.services.internshipOverview.glance(ctx(n.consultant), n.m)).overdue).toBe(1);

    await t.services.internships.recordVitas(ctx(n.consultant), i.id, { step: 'sent', on: '2026-03-03', reference: 'VITAS-77' });
    await t.services.internships.recordVitas(ctx(n.consultant), i.id, { step: 'approved', on: '2026-03-10' });
    await t.services.internships.recordFirstDay(ctx(n.consultant), i.id, { firstDay: '2026-03-17' });
    // The dashboard may show figures a few seconds old in embedded mode (one process), never with a
    // PostgreSQL server; the overview page reads afresh and renews what the dashboard shows.
    expect((await t.services.internshipOverview.glance(ctx(n.consultant), n.m)).overdue).toBe(driver === 'pglite' ? 1 : 0);
    const done = await t.services.internshipOverview.team(ctx(n.consultant), n.m);
    expect((await t.services.internshipOverview.glance(ctx(n.consultant), n.m)).overdue).toBe(0);
    expect(done).toMatchObject({ openClocks: 0, overdue: 0, starts: 2, median: 7.5 });
    expect(done.p90).toBeCloseTo(13.5, 10); // R: quantile(c(0, 15), 0.9)

    expect((await failure(t.services.internshipOverview.glance(ctx(n.supervisor), n.m))).code).toBe('not_found');
  });

  it("counts against the municipality's own promise, not a fixed 14 days", async () => {
    const n = await makeNetwork(t);
    await t.database.db.update(municipalities).set({ startWithinDays: 10 }).where(eq(municipalities.id, n.m));
    const amina = await n.young('Amina');
    const i = await t.services.internships.plan(ctx(n.consultant), n.m, {
      youthId: amina.id,
      openingId: n.opening.id,
      chosenOn: '2026-03-02',
      agreedStart: '2026-03-09',
      weeklyHours: '20',
    });
    await t.services.internships.confirm(ctx(amina.actor), i.id);
    expect((await t.services.internshipOverview.team(ctx(n.consultant), n.m)).clocks[0]).toMatchObject({ daysLeft: 10, overdue: false });
    t.clock.set('2026-03-12T09:00:00Z'); // day 10: the last day of the promise
    expect((await t.services.internshipOverview.team(ctx(n.consultant), n.m)).clocks[0]).toMatchObject({ daysLeft: 0, overdue: false });
    t.clock.set('2026-03-13T09:00:00Z'); // day 11: overdue here, though inside the seeds' 14 days
    const late = await t.services.internshipOverview.team(ctx(n.consultant), n.m);
    expect(late.clocks[0]).toMatchObject({ daysElapsed: 11, daysLeft: -1, overdue: true });
    expect(late.overdue).toBe(1);
  });
});

describe('companies without a young person', () => {
  it('lists an active company whose last internship ended more than 60 days ago, and not while one runs', async () => {
    const n = await makeNetwork(t);
    await t.database.db.update(companies).set({ networkStatus: 'active' }).where(eq(companies.id, n.company.id));
    const amina = await n.young();
    const i = await startedInternship(t, n, amina.id);
    const idle = async () => (await t.services.internshipOverview.team(ctx(n.counsellor), n.m)).idleCompanies;
    t.clock.set('2026-06-01T09:00:00Z');
    expect(await idle()).toEqual([]);
    await t.services.internships.end(ctx(n.consultant), i.id, { on: '2026-03-20', outcome: 'ended_early', reason: 'illness' });
    expect(await idle()).toEqual([{ id: n.company.id, name: 'Roskilde Kraftvarmeværk', lastEnd: '2026-03-20' }]);
    t.clock.set('2026-04-01T09:00:00Z');
    expect(await idle()).toEqual([]);
  });
});
