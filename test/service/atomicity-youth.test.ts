import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { and, eq, isNull } from 'drizzle-orm';
import { oneTimeTokens } from '../../src/modules/accounts/accounts.schema.ts';
import {
  groupMembers,
  groupPosts,
  groupSessions,
  networkGroups,
  sessionAttendance,
  sessionCheckins,
} from '../../src/modules/groups/groups.schema.ts';
import { movementAssessments } from '../../src/modules/movement/movement.schema.ts';
import { movementReports, reportConsents } from '../../src/modules/reports/reports.schema.ts';
import { noteReadRequests, supportNotes } from '../../src/modules/support/support.schema.ts';
import { youth, youthPhotos, youthStatusHistory } from '../../src/modules/youth/youth.schema.ts';
import { notifications } from '../../src/modules/notifications/notifications.schema.ts';
import { withAuditRefused } from '../support/atomicity.ts';
import { type TestContext, createTestContext, ctx, makeUser } from '../support/context.ts';
import { makeNetwork } from '../support/internships.ts';
import { tinyPng } from '../support/images.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());
beforeEach(() => t.clock.set('2026-03-02T09:00:00Z'));

/** Runs `fn` with the audit action refused: it must fail, by that refusal. */
async function refused(action: string, fn: () => Promise<unknown>) {
  const err = await withAuditRefused(t, action, fn).then(
    () => undefined,
    (e: unknown) => e as Error & { cause?: Error },
  );
  expect(err?.cause?.message ?? err?.message).toContain('audit refused');
}

/** The smallest PNG there is: its signature and an IHDR header. */
const png = tinyPng();

describe('youth, support notes, groups, movement and reports: a write and its audit entry are one (#19.10)', () => {
  it('a referral refused its audit entry leaves no young person, status history or invitation', async () => {
    const n = await makeNetwork(t);
    const email = 'refused-referral@nextwork.test';
    await refused('youth.refer', () =>
      t.services.youth.refer(
        ctx(n.counsellor),
        n.m,
        {
          firstName: 'Bo',
          lastName: 'Nielsen',
          cpr: '1506054998',
          email,
          referringCaseworker: 'Jens Jobcenter',
          referredOn: '2026-03-02',
          hoursPossible: '20',
          eligibilityNote: '',
        },
        'da',
      ),
    );
    expect(await t.database.db.select().from(youth).where(eq(youth.municipalityId, n.m))).toEqual([]);
    expect(await t.database.db.select().from(oneTimeTokens).where(eq(oneTimeTokens.email, email))).toEqual([]);
    // Nor does a refused invitation leave the record behind.
    await refused('person.invite', () =>
      t.services.youth.refer(
        ctx(n.counsellor),
        n.m,
        {
          firstName: 'Bo',
          lastName: 'Nielsen',
          cpr: '1506054998',
          email,
          referringCaseworker: 'Jens Jobcenter',
          referredOn: '2026-03-02',
          hoursPossible: '20',
          eligibilityNote: '',
        },
        'da',
      ),
    );
    expect(await t.database.db.select().from(youth).where(eq(youth.municipalityId, n.m))).toEqual([]);
  });

  it('a status change, a profile edit and a photo refused their audit entries change nothing', async () => {
    const n = await makeNetwork(t);
    const amina = await n.young('Amina');
    const history = () => t.database.db.select().from(youthStatusHistory).where(eq(youthStatusHistory.youthId, amina.id));
    const record = async () => (await t.database.db.select().from(youth).where(eq(youth.id, amina.id)))[0]!;
    const before = await record();
    const historyBefore = await history();

    await refused('youth.status', () => t.services.youth.setStatus(ctx(n.counsellor), amina.id, { status: 'paused' }));
    expect((await record()).status).toBe(before.status);
    expect(await history()).toEqual(historyBefore);

    await refused('youth.profile_update', () =>
      t.services.youth.updateMyProfile(ctx(amina.actor), {
        wishToTry: 'Værksted',
        goodAt: 'Orden',
        mattersAtWork: 'Ro',
        practicalHours: '',
        practicalTransport: '',
        share_interests: 'on',
      }),
    );
    expect(await record()).toEqual(before);

    await refused('youth.photo_update', () => t.services.youth.setMyPhoto(ctx(amina.actor), png));
    expect(await t.database.db.select().from(youthPhotos).where(eq(youthPhotos.youthId, amina.id))).toEqual([]);
    expect((await record()).photoUpdatedAt).toBeNull();

    await t.services.youth.setMyPhoto(ctx(amina.actor), png);
    await refused('youth.photo_delete', () => t.services.youth.deleteMyPhoto(ctx(amina.actor)));
    expect(await t.database.db.select().from(youthPhotos).where(eq(youthPhotos.youthId, amina.id))).toHaveLength(1);
  });

  it('support notes and read requests refused their audit entries leave nothing', async () => {
    const n = await makeNetwork(t);
    const amina = await n.young('Amina');
    const psychologist = await makeUser(t, [{ role: 'psychologist', municipalityId: n.m }]);
    const notes = () => t.database.db.select().from(supportNotes).where(eq(supportNotes.youthId, amina.id));
    const requests = () => t.database.db.select().from(noteReadRequests).where(eq(noteReadRequests.youthId, amina.id));

    await refused('note.write_team', () =>
      t.services.supportNotes.add(ctx(n.counsellor), amina.id, {
        kind: 'team',
        heldOn: '2026-03-02',
        conversation: 'meeting',
        note: 'En samtale.',
      }),
    );
    await refused('note.write_youth', () => t.services.supportNotes.writeOwn(ctx(amina.actor), { note: 'Hej team.' }));
    expect(await notes()).toEqual([]);

    await refused('note.ask_to_read', () => t.services.supportNotes.askToRead(ctx(amina.actor)));
    expect(await requests()).toEqual([]);

    await t.services.supportNotes.askToRead(ctx(amina.actor));
    await refused('note.answer_read_request', () =>
      t.services.supportNotes.answerReadRequest(ctx(psychologist), amina.id, { answer: 'granted' }),
    );
    expect((await requests()).map((r) => r.answer)).toEqual([null]);
    // A second open request is still a conflict, mapped after the rollback.
    await expect(t.services.supportNotes.askToRead(ctx(amina.actor))).rejects.toMatchObject({ code: 'conflict' });
  });

  it('groups, moves, schedules, sessions, check-ins and posts refused their audit entries leave nothing', async () => {
    const n = await makeNetwork(t);
    const [a, b] = [await n.young('Ali'), await n.young('Bea')];
    const groups = () => t.database.db.select().from(networkGroups).where(eq(networkGroups.municipalityId, n.m));
    const groupOf = async (youthId: string) =>
      (
        await t.database.db
          .select()
          .from(groupMembers)
          .where(and(eq(groupMembers.youthId, youthId), isNull(groupMembers.leftAt)))
      ).map((g) => g.groupId);

    await refused('group.create', () => t.services.groups.createProposed(ctx(n.counsellor), n.m));
    expect(await groups()).toEqual([]);
    expect(await groupOf(a.id)).toEqual([]);

    const [one] = await t.services.groups.createProposed(ctx(n.counsellor), n.m);
    const c = await n.young('Cem');
    const [two] = await t.services.groups.createProposed(ctx(n.counsellor), n.m);
    await refused('group.move', () => t.services.groups.move(ctx(n.counsellor), one!.id, a.id, { toGroupId: two!.id }));
    expect(await groupOf(a.id)).toEqual([one!.id]);
    expect(await groupOf(c.id)).toEqual([two!.id]);

    await refused('group.schedule', () =>
      t.services.groups.setSchedule(ctx(n.counsellor), one!.id, { meetsWeekday: '2', meetsAt: '14:00', meetsPlace: 'Ungehuset' }),
    );
    expect((await groups()).find((g) => g.id === one!.id)).toEqual(one);

    const session = {
      heldOn: '2026-03-02',
      place: 'Ungehuset',
      theme: 'setbacks',
      attendance: { [a.id]: 'present', [b.id]: 'present' },
    };
    await refused('group.session', () => t.services.groups.recordSession(ctx(n.counsellor), one!.id, session));
    expect(await t.database.db.select().from(groupSessions).where(eq(groupSessions.groupId, one!.id))).toEqual([]);
    // The day is still free: the refused session was not kept.
    const held = await t.services.groups.recordSession(ctx(n.counsellor), one!.id, session);
    expect(await t.database.db.select().from(sessionAttendance).where(eq(sessionAttendance.sessionId, held.id))).toHaveLength(2);
    await refused('group.checkin', () => t.services.groups.checkIn(ctx(a.actor), held.id, { score: '7' }));
    expect(await t.database.db.select().from(sessionCheckins).where(eq(sessionCheckins.sessionId, held.id))).toEqual([]);

    const posts = () => t.database.db.select().from(groupPosts).where(eq(groupPosts.groupId, one!.id));
    await refused('group.post', () => t.services.groupSpace.post(ctx(a.actor), { kind: 'win', body: 'Jeg fik en praktikplads!' }));
    expect(await posts()).toEqual([]);
    await t.services.groupSpace.post(ctx(a.actor), { kind: 'win', body: 'Jeg fik en praktikplads!' });
    const [post] = await posts();
    await refused('group.post_hide', () => t.services.groupSpace.hide(ctx(n.counsellor), one!.id, post!.id));
    expect((await posts()).map((p) => p.hiddenAt)).toEqual([null]);
  });

  it('a movement scoring, the young person’s own scores and report steps refused their audit entries leave nothing', async () => {
    const n = await makeNetwork(t);
    const amina = await n.young('Amina');
    const five = (v: number) => ({ direction: v, persistence: v, curiosity: v, resilience: v, selfEsteem: v });
    const reasons = {
      direction: 'Vil gerne være kok.',
      persistence: 'Mødte op hver dag.',
      curiosity: 'Prøvede opvasken.',
      resilience: 'Kom igen efter en dårlig uge.',
      selfEsteem: 'Taler mere i gruppen.',
    };
    const scoring = { assessedOn: '2026-03-02', scores: five(6), reasons };
    const assessments = () => t.database.db.select().from(movementAssessments).where(eq(movementAssessments.youthId, amina.id));

    await refused('movement.score', () => t.services.movement.score(ctx(n.counsellor), amina.id, scoring));
    expect(await assessments()).toEqual([]);
    const scored = await t.services.movement.score(ctx(n.counsellor), amina.id, scoring);
    await refused('movement.score_own', () => t.services.movement.scoreOwn(ctx(amina.actor), scored.id, { scores: five(8) }));
    expect((await assessments()).map((a) => a.source)).toEqual(['counsellor']);

    t.clock.set('2026-04-13T05:00:00Z');
    expect(await t.services.reports.draftDue(n.m)).toBe(1);
    const report = async () => (await t.database.db.select().from(movementReports).where(eq(movementReports.youthId, amina.id)))[0]!;
    const draft = await report();
    const words = { summary: 'Amina er kommet godt i gang.', nextSteps: 'Praktik i april.' };

    await refused('report.write', () => t.services.reports.update(ctx(n.counsellor), draft.id, words));
    expect(await report()).toEqual(draft);

    await refused('report.approve', () => t.services.reports.approve(ctx(n.counsellor), draft.id, words));
    expect(await report()).toEqual(draft);
    const readyNotice = () =>
      t.database.db
        .select()
        .from(notifications)
        .where(eq(notifications.key, `report-ready:${draft.id}`));
    expect(await readyNotice()).toEqual([]);

    await t.services.reports.approve(ctx(n.counsellor), draft.id, words);
    expect(await readyNotice()).toHaveLength(1);
    const approved = await report();
    await refused('report.held', () => t.services.reports.confirm(ctx(amina.actor), draft.id, { comment: 'Fint.' }));
    expect(await report()).toEqual(approved);

    expect(await t.services.reports.confirm(ctx(amina.actor), draft.id, {})).toBe('held');
    const held = await report();
    await refused('report.consent_given', () => t.services.reports.setConsent(ctx(amina.actor), { toCaseworker: 'on' }));
    expect(await t.database.db.select().from(reportConsents).where(eq(reportConsents.youthId, amina.id))).toEqual([]);
    expect(await report()).toEqual(held);
  });
});
