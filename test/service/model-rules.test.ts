import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { and, eq, like } from 'drizzle-orm';
import { companyContacts, openings } from '../../src/modules/companies/companies.schema.ts';
import { internships } from '../../src/modules/internships/internships.schema.ts';
import { municipalities } from '../../src/modules/municipalities/municipalities.schema.ts';
import { notifications } from '../../src/modules/notifications/notifications.schema.ts';
import { auditEvents } from '../../src/platform/audit/audit.schema.ts';
import { type TestContext, createTestContext, ctx, failure, makeUser } from '../support/context.ts';
import { makeNetwork, startedInternship } from '../support/internships.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());
beforeEach(() => t.clock.set('2026-03-02T09:00:00Z')); // a Monday

type Network = Awaited<ReturnType<typeof makeNetwork>>;

const rulesOf = async (m: string) => (await t.database.db.select().from(municipalities).where(eq(municipalities.id, m)))[0]!;
const internship = async (id: string) => (await t.database.db.select().from(internships).where(eq(internships.id, id)))[0]!;
/** An opening from before the rules: the network's opening made to last a year. */
const lastsAYear = (n: Network) => t.database.db.update(openings).set({ durationMonths: 12 }).where(eq(openings.id, n.opening.id));
const plan = (n: Network, youthId: string, more: Record<string, string> = {}) =>
  t.services.internships.plan(ctx(n.consultant), n.m, {
    youthId,
    openingId: n.opening.id,
    chosenOn: '2026-03-02',
    agreedStart: '2026-03-02',
    weeklyHours: '20',
    ...more,
  });
const valid = {
  youthCapacity: '40',
  companyTarget: '50',
  internshipMinMonths: '2',
  internshipMaxMonths: '5',
  startWithinDays: '10',
  groupSizeMin: '6',
  groupSizeMax: '9',
  wishLimit: '4',
  offerAnswerDays: '7',
};

describe("the model's rules: settings", () => {
  it('the team leader sets them, audited with before and after; bad input changes nothing', async () => {
    const n = await makeNetwork(t);
    const leader = await makeUser(t, [{ role: 'team_leader', municipalityId: n.m }]);
    const before = await rulesOf(n.m);
    for (const [input, fields] of [
      [{ ...valid, internshipMinMonths: '6', internshipMaxMonths: '3' }, { internshipMaxMonths: 'rules.validation.months_order' }],
      [{ ...valid, groupSizeMax: '10' }, { groupSizeMax: 'rules.validation.group_size' }],
      [{ ...valid, groupSizeMin: '8', groupSizeMax: '7' }, { groupSizeMax: 'rules.validation.group_order' }],
      [
        { ...valid, internshipMaxMonths: '13', startWithinDays: '0' },
        {
          internshipMaxMonths: 'rules.validation.internship_months',
          startWithinDays: 'rules.validation.start_within_days',
        },
      ],
      [
        { ...valid, wishLimit: 'fem', offerAnswerDays: '2.5' },
        {
          wishLimit: 'rules.validation.wish_limit',
          offerAnswerDays: 'rules.validation.offer_answer_days',
        },
      ],
    ] as const) {
      const err = await failure(t.services.municipalities.updateRules(ctx(leader), n.m, input));
      expect(err.code).toBe('invalid');
      expect(err.fields).toEqual(fields);
    }
    expect(await rulesOf(n.m)).toEqual(before);

    const saved = await t.services.municipalities.updateRules(ctx(leader), n.m, valid);
    expect(saved).toMatchObject({ internshipMinMonths: 2, internshipMaxMonths: 5, startWithinDays: 10, groupSizeMax: 9 });
    expect(await rulesOf(n.m)).toMatchObject({ youthCapacity: 40, companyTarget: 50, wishLimit: 4, offerAnswerDays: 7 });
    const [entry] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'municipality.rules_update'), eq(auditEvents.municipalityId, n.m)));
    expect(entry).toMatchObject({ actorUserId: leader.userId, actorRole: 'team_leader', targetId: n.m });
    const details = entry!.details as { before: Record<string, number>; after: Record<string, number>; changed: string[] };
    expect(details.before).toMatchObject({ internshipMinMonths: 3, internshipMaxMonths: 6, startWithinDays: 14 });
    expect(details.after).toMatchObject({ internshipMinMonths: 2, internshipMaxMonths: 5, startWithinDays: 10 });
    expect(details.changed).toContain('internshipMaxMonths');
  });

  it('only the leaders change them; the rest of the team reads them; another municipality reaches neither', async () => {
    const n = await makeNetwork(t);
    const other = await makeNetwork(t);
    const admin = await makeUser(t, [{ role: 'municipality_admin', municipalityId: n.m }]);
    const system = await makeUser(t, [{ role: 'system_admin', municipalityId: null }]);
    const otherLeader = await makeUser(t, [{ role: 'team_leader', municipalityId: other.m }]);
    await t.services.municipalities.updateRules(ctx(admin), n.m, { ...valid, startWithinDays: '12' });
    await t.services.municipalities.updateRules(ctx(system), n.m, { ...valid, startWithinDays: '13' });
    for (const actor of [n.consultant, n.counsellor, n.entrepreneur, n.supervisor, otherLeader])
      expect((await failure(t.services.municipalities.updateRules(ctx(actor), n.m, valid))).code).toMatch(/not_found|forbidden/);
    const read = await t.services.municipalities.rules(ctx(n.consultant), n.m);
    expect(read).toMatchObject({ canConfigure: false, rules: { startWithinDays: 13 } });
    expect((await t.services.municipalities.rules(ctx(admin), n.m)).canConfigure).toBe(true);
    expect((await failure(t.services.municipalities.rules(ctx(otherLeader), n.m))).code).toMatch(/not_found|forbidden/);
    expect((await rulesOf(n.m)).startWithinDays).toBe(13);
  });
});

describe('internships last three to six months on every path', () => {
  it('an opening of 12 months is refused at creation and on update, naming the range', async () => {
    const n = await makeNetwork(t);
    const input = {
      title: 'Et år på værkstedet',
      tasks: 'Værkstedet.',
      place: 'Roskilde',
      weeklyHours: '20',
      durationMonths: '12',
      seats: '1',
      startFrom: '2026-03-05',
      learning: '',
      published: 'on',
    };
    const count = async () => (await t.database.db.select().from(openings).where(eq(openings.companyId, n.company.id))).length;
    const err = await failure(t.services.openings.create(ctx(n.entrepreneur), n.company.id, input));
    expect(err).toMatchObject({
      code: 'invalid',
      messageKey: 'rules.errors.opening_duration',
      fields: { durationMonths: 'rules.validation.opening_duration' },
      params: { min: 3, max: 6 },
    });
    expect(await count()).toBe(1);
    const two = await failure(t.services.openings.create(ctx(n.entrepreneur), n.company.id, { ...input, durationMonths: '2' }));
    expect(two.messageKey).toBe('rules.errors.opening_duration');
    expect((await failure(t.services.openings.update(ctx(n.entrepreneur), n.opening.id, input))).messageKey).toBe(
      'rules.errors.opening_duration',
    );
    expect((await t.services.openings.get(ctx(n.entrepreneur), n.opening.id)).durationMonths).toBe(3);
    // Six months is within the rules.
    await t.services.openings.create(ctx(n.entrepreneur), n.company.id, { ...input, durationMonths: '6' });
    expect(await count()).toBe(2);
  });

  it("the team's planning caps a long opening at six months and refuses a later end", async () => {
    const n = await makeNetwork(t);
    await lastsAYear(n);
    const amina = await n.young('Amina');
    const tooLong = await failure(plan(n, amina.id, { plannedEnd: '2026-12-02' }));
    expect(tooLong).toMatchObject({ messageKey: 'errors.internship_too_long', params: { months: 6, latest: '2026-09-02' } });
    const i = await plan(n, amina.id);
    expect(i.plannedEnd).toBe('2026-09-02');
  });

  it('rotation: the next internship from a long opening is capped too', async () => {
    const n = await makeNetwork(t);
    const amina = await n.young('Amina');
    const first = await startedInternship(t, n, amina.id);
    await t.services.internships.end(ctx(n.consultant), first.id, { outcome: 'ended_early', reason: 'did_not_work_out', on: '2026-03-02' });
    await lastsAYear(n);
    const next = await plan(n, amina.id, { previousId: first.id });
    expect(next).toMatchObject({ previousId: first.id, plannedEnd: '2026-09-02' });
  });

  it('a direct offer accepted on a long opening gives six months', async () => {
    const n = await makeNetwork(t);
    await lastsAYear(n);
    const amina = await n.young('Amina');
    const offer = await t.services.offers.make(ctx(n.supervisor), n.company.id, { youthId: amina.id, openingId: n.opening.id });
    const { internshipId } = await t.services.offers.answer(ctx(amina.actor), offer.id, { decision: 'accept' });
    expect(await internship(internshipId!)).toMatchObject({ agreedStart: '2026-03-02', plannedEnd: '2026-09-02' });
  });

  it("a round's placement accepted on a long opening gives the municipality's longest, as set", async () => {
    const n = await makeNetwork(t);
    await lastsAYear(n);
    await t.database.db.update(municipalities).set({ internshipMaxMonths: 4 }).where(eq(municipalities.id, n.m));
    const amina = await n.young('Amina');
    await t.services.wishes.add(ctx(amina.actor), { openingId: n.opening.id });
    await t.services.wishes.answer(ctx(n.supervisor), n.opening.id, { youthId: amina.id, answer: 'can_take', tier: 1 });
    const round = await t.services.rounds.run(ctx(n.consultant), n.m, { seed: 1 });
    await t.services.rounds.publish(ctx(n.consultant), round.id);
    const { internshipId } = await t.services.rounds.respond(ctx(amina.actor), round.id, { decision: 'accept' });
    expect(await internship(internshipId!)).toMatchObject({ agreedStart: '2026-03-02', plannedEnd: '2026-07-02' });
  });

  it('an extension past the longest internship is refused, when asked and when agreed after the rules changed', async () => {
    const n = await makeNetwork(t);
    const amina = await n.young('Amina');
    const i = await startedInternship(t, n, amina.id); // 2 March to 2 June
    const past = await failure(t.services.extensions.requestExtension(ctx(n.supervisor), i.id, { newEnd: '2026-09-03' }));
    expect(past).toMatchObject({ messageKey: 'errors.internship_too_long', params: { months: 6, latest: '2026-09-02' } });
    await t.services.extensions.requestExtension(ctx(n.supervisor), i.id, { newEnd: '2026-09-02' });
    await t.database.db.update(municipalities).set({ internshipMaxMonths: 5 }).where(eq(municipalities.id, n.m));
    const agreed = await failure(t.services.extensions.agreeExtension(ctx(amina.actor), i.id));
    expect(agreed.messageKey).toBe('errors.internship_too_long');
    expect((await internship(i.id)).plannedEnd).toBe('2026-06-02');
  });
});

describe('start dates', () => {
  it("never before the opening's first day, on the team's path and on acceptance", async () => {
    const n = await makeNetwork(t);
    await t.database.db.update(openings).set({ startFrom: '2026-03-09' }).where(eq(openings.id, n.opening.id));
    const amina = await n.young('Amina');
    const early = await failure(plan(n, amina.id, { agreedStart: '2026-03-05' }));
    expect(early).toMatchObject({
      messageKey: 'rules.errors.start_before_opening',
      fields: { agreedStart: 'rules.validation.start_before_opening' },
      params: { first: '2026-03-09' },
    });
    const bo = await n.young('Bo');
    const offer = await t.services.offers.make(ctx(n.supervisor), n.company.id, { youthId: bo.id, openingId: n.opening.id });
    const { internshipId } = await t.services.offers.answer(ctx(bo.actor), offer.id, { decision: 'accept' });
    expect((await internship(internshipId!)).agreedStart).toBe('2026-03-09');
  });

  it('more than the start-within days after the choice: refused without a reason, kept and audited with one', async () => {
    const n = await makeNetwork(t);
    const amina = await n.young('Amina');
    const late = await failure(plan(n, amina.id, { agreedStart: '2026-03-17' }));
    expect(late).toMatchObject({
      messageKey: 'rules.errors.start_late',
      fields: { startLateReason: 'rules.validation.start_late_reason' },
      params: { days: 14, latest: '2026-03-16' },
    });
    expect(await t.database.db.select().from(internships).where(eq(internships.youthId, amina.id))).toEqual([]);
    // On the last day of the promise no reason is needed (and none is kept).
    const bo = await n.young('Bo');
    const onTime = await plan(n, bo.id, { agreedStart: '2026-03-16', startLateReason: 'ingen' });
    expect(onTime.startLateReason).toBe('');
    const reason = 'Virksomheden holder lukket i uge 12.';
    const i = await plan(n, amina.id, { agreedStart: '2026-03-23', startLateReason: reason });
    expect(i).toMatchObject({ agreedStart: '2026-03-23', startLateReason: reason, plannedEnd: '2026-06-23' });
    const [entry] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'internship.plan'), eq(auditEvents.targetId, i.id)));
    expect(entry!.details).toEqual({ startLateReason: reason });
    // The municipality's own number is the rule.
    await t.database.db.update(municipalities).set({ startWithinDays: 7 }).where(eq(municipalities.id, n.m));
    const carl = await n.young('Carl');
    expect((await failure(plan(n, carl.id, { agreedStart: '2026-03-10' }))).params).toEqual({ days: 7, latest: '2026-03-09' });
  });

  it('a round places no one in an opening whose first day is past the start-within days', async () => {
    const n = await makeNetwork(t);
    await t.database.db.update(openings).set({ startFrom: '2026-03-17' }).where(eq(openings.id, n.opening.id));
    const amina = await n.young('Amina');
    await t.services.wishes.add(ctx(amina.actor), { openingId: n.opening.id });
    await t.services.wishes.answer(ctx(n.supervisor), n.opening.id, { youthId: amina.id, answer: 'can_take', tier: 1 });
    const round = await t.services.rounds.run(ctx(n.consultant), n.m, { seed: 1 });
    const { placements } = await t.services.rounds.get(ctx(n.consultant), round.id);
    expect(placements.map((p) => [p.youthFirstName, p.openingId])).toEqual([['Amina', null]]);
  });

  it('accepting an opening whose first day is past the start-within days is refused; nothing is planned', async () => {
    const n = await makeNetwork(t);
    await t.database.db.update(openings).set({ startFrom: '2026-03-20' }).where(eq(openings.id, n.opening.id));
    await t.database.db.update(municipalities).set({ startWithinDays: 21 }).where(eq(municipalities.id, n.m));
    const amina = await n.young('Amina');
    await t.services.wishes.add(ctx(amina.actor), { openingId: n.opening.id });
    await t.services.wishes.answer(ctx(n.supervisor), n.opening.id, { youthId: amina.id, answer: 'can_take', tier: 1 });
    const round = await t.services.rounds.run(ctx(n.consultant), n.m, { seed: 1 });
    await t.services.rounds.publish(ctx(n.consultant), round.id);
    // The municipality shortens its promise after the round was published.
    await t.database.db.update(municipalities).set({ startWithinDays: 14 }).where(eq(municipalities.id, n.m));
    const err = await failure(t.services.rounds.respond(ctx(amina.actor), round.id, { decision: 'accept' }));
    expect(err).toMatchObject({ messageKey: 'rules.errors.start_late_accept', params: { first: '2026-03-20', days: 14 } });
    expect(await t.database.db.select().from(internships).where(eq(internships.youthId, amina.id))).toEqual([]);
  });
});

describe('weekly feedback within the rules', () => {
  it('without a named supervisor, the request goes to every contact of the company', async () => {
    const n = await makeNetwork(t);
    const second = await makeUser(t, [{ role: 'company_contact', municipalityId: n.m }], { name: 'Ulla Kontakt' });
    await t.database.db.insert(companyContacts).values({ companyId: n.company.id, userId: second.userId });
    const amina = await n.young('Amina');
    const i = await startedInternship(t, n, amina.id);
    await t.database.db.update(internships).set({ supervisorUserId: null }).where(eq(internships.id, i.id));
    t.clock.set('2026-03-06T12:00:00Z'); // Friday
    await t.services.internshipJobs.weeklyRequests();
    await t.services.internshipJobs.weeklyRequests(); // once per person, however often it runs
    const asked = await t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.kind, 'feedback_request'), like(notifications.key, `feedback-request:${i.id}:%`)));
    expect(asked.map((x) => x.userId).sort()).toEqual([n.supervisor.userId, second.userId].sort());
    expect(asked.every((x) => x.link?.startsWith('feedback:'))).toBe(true);
    // Monday: no answer came, so both are reminded.
    t.clock.set('2026-03-09T08:00:00Z');
    await t.services.internshipJobs.feedbackReminders();
    const reminded = await t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.kind, 'feedback_reminder'), like(notifications.key, `feedback-reminder:${i.id}:%`)));
    expect(reminded.map((x) => x.userId).sort()).toEqual([n.supervisor.userId, second.userId].sort());
  });

  it('the form fills in only the days that have happened', async () => {
    const n = await makeNetwork(t);
    const amina = await n.young('Amina');
    const i = await startedInternship(t, n, amina.id);
    t.clock.set('2026-03-04T10:00:00Z'); // Wednesday
    expect((await t.services.feedback.formFor(ctx(n.supervisor), i.id, undefined)).happened).toEqual(['mon', 'tue', 'wed']);
    const link = await t.services.feedback.prepareLink(i.id, '2026-03-02');
    expect((await t.services.feedback.linkForm(t.services.feedback.linkToken(link))).happened).toEqual(['mon', 'tue', 'wed']);
    t.clock.set('2026-03-09T10:00:00Z'); // the next Monday: last week has happened
    expect((await t.services.feedback.formFor(ctx(n.supervisor), i.id, '2026-03-02')).happened).toEqual([
      'mon',
      'tue',
      'wed',
      'thu',
      'fri',
    ]);
  });
});
