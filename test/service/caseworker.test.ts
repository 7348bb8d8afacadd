import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { internshipEvents, internships } from '../../src/modules/internships/internships.schema.ts';
import { movementReports } from '../../src/modules/reports/reports.schema.ts';
import { youth } from '../../src/modules/youth/youth.schema.ts';
import { type TestContext, auditFor, createTestContext, ctx, failure, makeUser } from '../support/context.ts';
import { makeNetwork } from '../support/internships.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

/** A network with two caseworkers; Amina and Bo are linked to Jette, Cia to nobody. */
async function setting() {
  t.clock.set('2026-03-02T09:00:00Z');
  const n = await makeNetwork(t);
  const jette = await makeUser(t, [{ role: 'caseworker', municipalityId: n.m }], { name: 'Jette Jobcenter' });
  const karl = await makeUser(t, [{ role: 'caseworker', municipalityId: n.m }], { name: 'Karl Jobcenter' });
  const amina = await n.young('Amina');
  const bo = await n.young('Bo');
  const cia = await n.young('Cia');
  for (const y of [amina, bo]) await t.services.caseworkerLink.link(ctx(n.counsellor), y.id, { caseworkerUserId: jette.userId });
  return { n, jette, karl, amina, bo, cia };
}

/** Drafts, approves and lets the young person read the first 6-week report (2 March – 12 April). */
async function approvedReport(n: Awaited<ReturnType<typeof makeNetwork>>, youthId: string) {
  t.clock.set('2026-04-13T05:00:00Z');
  await t.services.reports.draftDue(n.m);
  const r = (await t.services.reports.overview(ctx(n.counsellor), n.m)).find((x) => x.youthId === youthId)!;
  await t.services.reports.approve(ctx(n.counsellor), r.id, { summary: 'Godt i gang.', nextSteps: 'Praktik.' });
  return r;
}

const linkedTo = async (youthId: string) =>
  (await t.database.db.select({ c: youth.caseworkerUserId }).from(youth).where(eq(youth.id, youthId)))[0]!.c;

describe('the linked caseworker', () => {
  it('is chosen among the municipality’s caseworkers; anyone else is refused and nothing changes', async () => {
    const { n, jette, karl, amina } = await setting();
    const { linked, caseworkers } = await t.services.caseworkerLink.choices(ctx(n.counsellor), amina.id);
    expect(linked?.id).toBe(jette.userId);
    expect(caseworkers.map((c) => c.name)).toEqual(['Jette Jobcenter', 'Karl Jobcenter']);
    const other = await makeNetwork(t);
    const stranger = await makeUser(t, [{ role: 'caseworker', municipalityId: other.m }]);
    for (const bad of [stranger.userId, n.consultant.userId, 'not-a-uuid']) {
      const err = await failure(t.services.caseworkerLink.link(ctx(n.counsellor), amina.id, { caseworkerUserId: bad }));
      expect(err.fields).toEqual({ caseworkerUserId: 'validation.caseworker_user' });
      expect(await linkedTo(amina.id)).toBe(jette.userId);
    }
    const c = ctx(n.counsellor);
    await t.services.caseworkerLink.link(c, amina.id, { caseworkerUserId: karl.userId });
    expect(await linkedTo(amina.id)).toBe(karl.userId);
    expect((await auditFor(t, c.requestId!)).map((e) => [e.action, e.subjectUserId])).toEqual([
      ['youth.link_caseworker', amina.actor.userId],
    ]);
    // Caseworkers and companies do not choose; the free-text name from the referral stays.
    expect((await failure(t.services.caseworkerLink.link(ctx(jette), amina.id, { caseworkerUserId: '' }))).code).toBe('not_found');
    expect((await failure(t.services.caseworkerLink.link(ctx(n.supervisor), amina.id, { caseworkerUserId: '' }))).code).toBe('not_found');
    const [y] = await t.database.db.select().from(youth).where(eq(youth.id, amina.id));
    expect(y!.referringCaseworker).toBe('Jens Jobcenter');
  });
});

describe('the 6-weekly report reaches only the linked caseworker, and only with consent', () => {
  it('general consent off: held, and nobody receives it', async () => {
    const { n, jette, karl, amina } = await setting();
    const r = await approvedReport(n, amina.id);
    expect(await t.services.reports.confirm(ctx(amina.actor), r.id, {})).toBe('held');
    for (const cw of [jette, karl]) {
      expect(await t.services.reports.inbox(ctx(cw), n.m)).toEqual([]);
      expect((await failure(t.services.reports.get(ctx(cw), r.id))).code).toBe('not_found');
    }
  });

  it('with consent it goes to the linked caseworker; another caseworker of the municipality gets nothing and cannot read it', async () => {
    const { n, jette, karl, amina } = await setting();
    await t.services.reports.setConsent(ctx(amina.actor), { toCaseworker: 'on' });
    const r = await approvedReport(n, amina.id);
    expect(await t.services.reports.confirm(ctx(amina.actor), r.id, {})).toBe('sent');
    expect((await t.services.reports.inbox(ctx(jette), n.m)).map((x) => x.id)).toEqual([r.id]);
    expect((await t.services.reports.get(ctx(jette), r.id)).reader).toBe('caseworker');
    expect(await t.services.reports.inbox(ctx(karl), n.m)).toEqual([]);
    const peek = ctx(karl);
    expect((await failure(t.services.reports.get(peek, r.id))).code).toBe('not_found');
    expect((await failure(t.services.reports.get(ctx(karl), r.id, 'pdf'))).code).toBe('not_found');
    expect((await auditFor(t, peek.requestId!)).map((e) => [e.action, e.outcome, e.subjectUserId])).toEqual([
      ['report.receive', 'denied', amina.actor.userId],
    ]);
    // Relinking to Karl moves the report with the young person: Jette no longer reads it.
    await t.services.caseworkerLink.link(ctx(n.counsellor), amina.id, { caseworkerUserId: karl.userId });
    expect(await t.services.reports.inbox(ctx(jette), n.m)).toEqual([]);
    expect((await t.services.reports.inbox(ctx(karl), n.m)).map((x) => x.id)).toEqual([r.id]);
  });

  it('a report held back by the young person is not sent, even with consent; letting it go sends it', async () => {
    const { n, jette, amina } = await setting();
    await t.services.reports.setConsent(ctx(amina.actor), { toCaseworker: 'on' });
    const r = await approvedReport(n, amina.id);
    const c = ctx(amina.actor);
    await t.services.reports.holdBack(c, r.id, { holdBack: 'on' });
    expect((await auditFor(t, c.requestId!)).map((e) => [e.action, e.subjectUserId])).toEqual([['report.held_back', amina.actor.userId]]);
    expect(await t.services.reports.confirm(ctx(amina.actor), r.id, {})).toBe('held');
    // Saying yes in general again does not send the one held back.
    await t.services.reports.setConsent(ctx(amina.actor), { toCaseworker: 'on' });
    expect(await t.services.reports.inbox(ctx(jette), n.m)).toEqual([]);
    expect((await failure(t.services.reports.get(ctx(jette), r.id))).code).toBe('not_found');
    // Another young person and the caseworker cannot make the choice.
    const bo = await n.young('Bo2');
    expect((await failure(t.services.reports.holdBack(ctx(bo.actor), r.id, {}))).code).toBe('not_found');
    expect((await failure(t.services.reports.holdBack(ctx(jette), r.id, {}))).code).toBe('not_found');
    await t.services.reports.holdBack(ctx(amina.actor), r.id, {});
    const [sent] = await t.database.db.select().from(movementReports).where(eq(movementReports.id, r.id));
    expect([sent!.status, sent!.heldBackAt]).toEqual(['sent', null]);
    expect((await t.services.reports.inbox(ctx(jette), n.m)).map((x) => x.id)).toEqual([r.id]);
    // Once sent, it can no longer be held back.
    expect((await failure(t.services.reports.holdBack(ctx(amina.actor), r.id, { holdBack: 'on' }))).messageKey).toBe(
      'errors.report_already_sent',
    );
  });

  it('without a linked caseworker a consented report is held, not sent to anyone', async () => {
    const { n, jette, karl, cia } = await setting();
    await t.services.reports.setConsent(ctx(cia.actor), { toCaseworker: 'on' });
    const r = await approvedReport(n, cia.id);
    expect(await t.services.reports.confirm(ctx(cia.actor), r.id, {})).toBe('held');
    for (const cw of [jette, karl]) expect(await t.services.reports.inbox(ctx(cw), n.m)).toEqual([]);
    // Once the team links her caseworker, the report that waited only for one goes to Karl alone.
    await t.services.caseworkerLink.link(ctx(n.counsellor), cia.id, { caseworkerUserId: karl.userId });
    expect((await t.services.reports.inbox(ctx(karl), n.m)).map((x) => x.id)).toEqual([r.id]);
    expect(await t.services.reports.inbox(ctx(jette), n.m)).toEqual([]);
  });

  it('linking a caseworker sends nothing the young person has not agreed to', async () => {
    const { n, karl, cia } = await setting();
    const r = await approvedReport(n, cia.id);
    expect(await t.services.reports.confirm(ctx(cia.actor), r.id, {})).toBe('held'); // no consent
    await t.services.caseworkerLink.link(ctx(n.counsellor), cia.id, { caseworkerUserId: karl.userId });
    expect(await t.services.reports.inbox(ctx(karl), n.m)).toEqual([]);
    const [held] = await t.database.db.select().from(movementReports).where(eq(movementReports.id, r.id));
    expect(held!.status).toBe('held');
  });
});

describe("the caseworker's home", () => {
  it('lists their young people, the internships awaiting approval with days left, and the reports received', async () => {
    const { n, jette, karl, amina, bo, cia } = await setting();
    t.clock.set('2026-03-02T10:00:00Z');
    const planned = await t.services.internships.plan(ctx(n.consultant), n.m, {
      youthId: amina.id,
      openingId: n.opening.id,
      chosenOn: '2026-03-02',
      agreedStart: '2026-03-09',
      weeklyHours: '20',
    });
    await t.services.internships.confirm(ctx(amina.actor), planned.id);
    await t.services.internships.recordVitas(ctx(n.consultant), planned.id, { step: 'sent', on: '2026-03-02', reference: 'VIT-2026/77' });
    // Cia is not Jette's: her internship is not on Jette's home.
    await t.services.internships.plan(ctx(n.consultant), n.m, {
      youthId: cia.id,
      openingId: n.opening.id,
      chosenOn: '2026-03-02',
      agreedStart: '2026-03-09',
      weeklyHours: '20',
    });
    t.clock.set('2026-03-12T09:00:00Z'); // day 10 of 14
    const c = ctx(jette);
    const home = await t.services.home.caseworker(c);
    expect(home.youth.map((y) => [y.firstName, y.status])).toEqual([
      ['Amina', 'in_network'],
      ['Bo', 'in_network'],
    ]);
    expect(home.approvals.map((a) => [a.id, a.youthName, a.daysLeft, a.vitasReference])).toEqual([
      [planned.id, 'Amina Hansen', 4, 'VIT-2026/77'],
    ]);
    expect(home.items[0]).toEqual({
      kind: 'approval_waiting',
      href: `#approve-${planned.id}`,
      params: { youth: 'Amina Hansen', company: n.company.name, count: 4 },
      urgent: true,
    });
    const audited = await auditFor(t, c.requestId!);
    expect(audited.map((e) => [e.action, e.targetId]).sort((a, b) => String(a[1]).localeCompare(String(b[1])))).toEqual(
      [
        ['home.read', amina.id],
        ['home.read', bo.id],
      ].sort((a, b) => a[1]!.localeCompare(b[1]!)),
    );
    // Karl's home is empty; a counsellor has no caseworker home.
    const other = await t.services.home.caseworker(ctx(karl));
    expect([other.youth, other.approvals, other.reports]).toEqual([[], [], []]);
    expect((await failure(t.services.home.caseworker(ctx(n.counsellor)))).code).toBe('not_found');

    // Bo's report, sent with his consent, is on Jette's home and not on Karl's.
    await t.services.reports.setConsent(ctx(bo.actor), { toCaseworker: 'on' });
    const r = await approvedReport(n, bo.id);
    await t.services.reports.confirm(ctx(bo.actor), r.id, {});
    const later = await t.services.home.caseworker(ctx(jette));
    expect(later.reports.map((x) => [x.id, x.youthName, x.periodEnd])).toEqual([[r.id, 'Bo Hansen', '2026-04-12']]);
    expect(later.items.find((x) => x.kind === 'report_received')).toEqual({
      kind: 'report_received',
      href: `/reports/${r.id}`,
      params: { youth: 'Bo Hansen' },
      due: '2026-04-12',
    });
    expect((await t.services.home.caseworker(ctx(karl))).reports).toEqual([]);
  });

  it('records the approval in one step; a bad VITAS reference is refused and nothing changes', async () => {
    const { n, jette, karl, amina } = await setting();
    t.clock.set('2026-03-02T10:00:00Z');
    const i = await t.services.internships.plan(ctx(n.consultant), n.m, {
      youthId: amina.id,
      openingId: n.opening.id,
      chosenOn: '2026-03-02',
      agreedStart: '2026-03-09',
      weeklyHours: '20',
    });
    await t.services.internships.confirm(ctx(amina.actor), i.id);
    t.clock.set('2026-03-05T09:00:00Z');
    const row = async () => (await t.database.db.select().from(internships).where(eq(internships.id, i.id)))[0]!;
    const before = await row();
    for (const [reference, key] of [
      ['', 'validation.vitas_reference'],
      ['ab', 'validation.vitas_reference'],
      ['VIT 12; drop', 'validation.vitas_reference_format'],
      ['x'.repeat(41), 'validation.vitas_reference'],
    ] as const) {
      const err = await failure(t.services.jobcentre.approve(ctx(jette), i.id, { reference }));
      expect(err.fields).toEqual({ reference: key });
    }
    // Another caseworker of the same municipality cannot approve it; it looks like nothing is there.
    expect((await failure(t.services.jobcentre.approve(ctx(karl), i.id, { reference: 'VIT-1' }))).code).toBe('not_found');
    expect((await failure(t.services.jobcentre.approve(ctx(n.consultant), i.id, { reference: 'VIT-1' }))).code).toBe('not_found');
    expect(await row()).toEqual(before);

    const c = ctx(jette);
    await t.services.jobcentre.approve(c, i.id, { reference: ' VIT-2026/0042 ' });
    const after = await row();
    expect([after.status, after.vitasStatus, after.vitasReference, after.vitasSentOn, after.vitasApprovedOn]).toEqual([
      'awaiting_approval',
      'approved',
      'VIT-2026/0042',
      '2026-03-05',
      '2026-03-05',
    ]);
    const events = await t.database.db.select().from(internshipEvents).where(eq(internshipEvents.internshipId, i.id));
    expect(events.find((e) => e.kind === 'vitas_approved')?.byUserId).toBe(jette.userId);
    expect((await auditFor(t, c.requestId!)).map((e) => [e.action, e.subjectUserId])).toEqual([
      ['internship.jobcentre_approve', amina.actor.userId],
    ]);
    // Approved once: off the home, and a second approval is refused. The team can now record the first day.
    expect((await t.services.home.caseworker(ctx(jette))).approvals).toEqual([]);
    expect((await failure(t.services.jobcentre.approve(ctx(jette), i.id, { reference: 'VIT-2026/0042' }))).messageKey).toBe(
      'errors.internship_state',
    );
    await t.services.internships.recordFirstDay(ctx(n.consultant), i.id, { firstDay: '2026-03-05' });
  });

  it('refuses a reference that differs from the one the team sent', async () => {
    const { n, jette, amina } = await setting();
    t.clock.set('2026-03-02T10:00:00Z');
    const i = await t.services.internships.plan(ctx(n.consultant), n.m, {
      youthId: amina.id,
      openingId: n.opening.id,
      chosenOn: '2026-03-02',
      agreedStart: '2026-03-09',
      weeklyHours: '20',
    });
    await t.services.internships.recordVitas(ctx(n.consultant), i.id, { step: 'sent', on: '2026-03-02', reference: 'VIT-500' });
    const err = await failure(t.services.jobcentre.approve(ctx(jette), i.id, { reference: 'VIT-501' }));
    expect(err.fields).toEqual({ reference: 'validation.vitas_reference_mismatch' });
    await t.services.jobcentre.approve(ctx(jette), i.id, { reference: 'vit-500' });
    const [after] = await t.database.db.select().from(internships).where(eq(internships.id, i.id));
    expect([after!.vitasStatus, after!.vitasReference]).toEqual(['approved', 'VIT-500']);
  });
});
