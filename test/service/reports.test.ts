import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { movementReports } from '../../src/modules/reports/reports.schema.ts';
import { reportPdf } from '../../src/modules/reports/report.pdf.ts';
import { notifications } from '../../src/modules/notifications/notifications.schema.ts';
import { translator } from '../../src/platform/i18n/i18n.ts';
import { type TestContext, auditFor, createTestContext, ctx, failure, makeUser } from '../support/context.ts';
import { makeNetwork, startedInternship } from '../support/internships.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

const five = (v: number) => ({ direction: v, persistence: v, curiosity: v, resilience: v, selfEsteem: v });
const reasons = {
  direction: 'Vil gerne være kok.',
  persistence: 'Mødte op hver dag.',
  curiosity: 'Prøvede opvasken.',
  resilience: 'Kom igen efter en dårlig uge.',
  selfEsteem: 'Taler mere i gruppen.',
};

/** Amina, referred 2 March 2026: a group session, two scorings and an internship with a recognition in her first period. */
async function setting() {
  t.clock.set('2026-03-02T09:00:00Z');
  const n = await makeNetwork(t);
  const amina = await n.young('Amina');
  const others = [];
  for (const name of ['Bo', 'Cia', 'Dan', 'Eli', 'Fay']) others.push(await n.young(name));
  const [group] = await t.services.groups.createProposed(ctx(n.counsellor), n.m);
  const { members } = await t.services.groups.get(ctx(n.counsellor), group!.id);
  t.clock.set('2026-03-05T12:00:00Z');
  await t.services.groups.recordSession(ctx(n.counsellor), group!.id, {
    heldOn: '2026-03-05',
    place: 'Ungehuset',
    theme: 'next_steps',
    attendance: Object.fromEntries(members.map((m) => [m.youthId, m.youthId === amina.id ? 'absent_notice' : 'present'])),
  });
  await t.services.movement.score(ctx(n.counsellor), amina.id, { assessedOn: '2026-03-05', scores: five(4), reasons });
  t.clock.set('2026-03-09T08:00:00Z');
  const internship = await startedInternship(t, n, amina.id);
  t.clock.set('2026-03-13T14:00:00Z');
  await t.services.feedback.submit(ctx(n.supervisor), internship.id, {
    week: '2026-03-09',
    attendance: { mon: 'met', tue: 'met', wed: 'absent_notice', thu: 'met', fri: 'met' },
    didWell: 'Hjalp en kollega med en pumpe.',
  });
  t.clock.set('2026-04-10T09:00:00Z');
  const c = await t.services.movement.score(ctx(n.counsellor), amina.id, { assessedOn: '2026-04-10', scores: five(7), reasons });
  await t.services.movement.scoreOwn(ctx(amina.actor), c.id, { scores: five(8) });
  const caseworker = await makeUser(t, [{ role: 'caseworker', municipalityId: n.m }]);
  // Reports go to the young person's own caseworker only.
  await t.services.caseworkerLink.link(ctx(n.counsellor), amina.id, { caseworkerUserId: caseworker.userId });
  return { n, amina, others, caseworker };
}

describe('the 6-weekly report cycle', () => {
  it('drafts each report once when the 6-week period has ended, with the facts of the period', async () => {
    const { n, amina } = await setting();
    t.clock.set('2026-04-12T12:00:00Z'); // day 41: the first period (2 March – 12 April) is still running
    expect(await t.services.reports.draftDue(n.m)).toBe(0);
    t.clock.set('2026-04-13T05:00:00Z');
    expect(await t.services.reports.draftDue(n.m)).toBe(6);
    expect(await t.services.reports.draftDue(n.m)).toBe(0);
    const rows = await t.services.reports.overview(ctx(n.counsellor), n.m);
    const mine = rows.find((r) => r.youthId === amina.id)!;
    expect([mine.periodStart, mine.periodEnd, mine.status]).toEqual(['2026-03-02', '2026-04-12', 'draft']);
    expect(mine.facts.group).toEqual({ sessions: 1, present: 0, absentNotice: 1, absent: 0 });
    expect(mine.facts.internships).toEqual([
      {
        company: 'Roskilde Kraftvarmeværk',
        title: 'Hjælper på kraftvarmeværket',
        from: '2026-03-09',
        to: null,
        daysPresent: 4,
        daysAbsent: 1,
      },
    ]);
    expect(mine.facts.recognitions).toEqual([
      { company: 'Roskilde Kraftvarmeværk', weekStart: '2026-03-09', text: 'Hjalp en kollega med en pumpe.' },
    ]);
    expect(mine.facts.movements[0]).toEqual({ dimension: 'direction', from: 4, to: 7, youthTo: 8, reason: 'Vil gerne være kok.' });
    expect(mine.facts.assessments).toBe(2);
    // The next period (13 April – 24 May) is drafted when it has ended.
    t.clock.set('2026-05-25T05:00:00Z');
    expect(await t.services.reports.draftDue(n.m)).toBe(6);
  });

  it('the counsellor approves with words; the young person reads first; it is sent only with their consent', async () => {
    const { n, amina, caseworker } = await setting();
    t.clock.set('2026-04-13T05:00:00Z');
    await t.services.reports.draftDue(n.m);
    const report = (await t.services.reports.overview(ctx(n.counsellor), n.m)).find((r) => r.youthId === amina.id)!;

    // A draft is the team's: the young person and the caseworker cannot open it.
    expect((await failure(t.services.reports.get(ctx(amina.actor), report.id))).code).toBe('not_found');
    expect((await failure(t.services.reports.get(ctx(caseworker), report.id))).code).toBe('not_found');

    const missing = await failure(t.services.reports.approve(ctx(n.counsellor), report.id, { summary: ' ', nextSteps: '' }));
    expect(missing.fields).toEqual({ summary: 'validation.report_summary', nextSteps: 'validation.report_next_steps' });
    const [still] = await t.database.db.select().from(movementReports).where(eq(movementReports.id, report.id));
    expect(still!.status).toBe('draft');

    await t.services.reports.update(ctx(n.counsellor), report.id, { summary: 'Amina er kommet godt i gang.', nextSteps: '' });
    await t.services.reports.approve(ctx(n.counsellor), report.id, {
      summary: 'Amina er kommet godt i gang.',
      nextSteps: 'Forlænge praktikken.',
    });
    expect((await failure(t.services.reports.update(ctx(n.counsellor), report.id, { summary: 'x' }))).messageKey).toBe(
      'errors.report_not_draft',
    );
    const note = await t.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.key, `report-ready:${report.id}`));
    expect(note.map((x) => [x.userId, x.kind, x.link])).toEqual([[amina.actor.userId, 'report_ready', `/me/reports/${report.id}`]]);

    // Read and confirmed without consent: held; the caseworker sees nothing, and the attempt is audited.
    expect((await t.services.reports.mine(ctx(amina.actor))).reports.map((r) => r.status)).toEqual(['approved']);
    expect(await t.services.reports.confirm(ctx(amina.actor), report.id, { comment: 'Jeg vil gerne fortsætte.' })).toBe('held');
    expect((await failure(t.services.reports.confirm(ctx(amina.actor), report.id, {}))).messageKey).toBe('errors.report_confirmed');
    expect(await t.services.reports.inbox(ctx(caseworker), n.m)).toEqual([]);
    const peek = ctx(caseworker);
    expect((await failure(t.services.reports.get(peek, report.id))).code).toBe('not_found');
    expect((await auditFor(t, peek.requestId!)).map((e) => [e.action, e.outcome, e.subjectUserId])).toEqual([
      ['report.receive', 'denied', amina.actor.userId],
    ]);

    // Consent sends the held report; the caseworker reads it (audited); withdrawing hides it again.
    await t.services.reports.setConsent(ctx(amina.actor), { toCaseworker: 'on' });
    const inbox = await t.services.reports.inbox(ctx(caseworker), n.m);
    expect(inbox.map((r) => [r.id, r.status, r.youthComment])).toEqual([[report.id, 'sent', 'Jeg vil gerne fortsætte.']]);
    const read = ctx(caseworker);
    const { reader } = await t.services.reports.get(read, report.id);
    expect(reader).toBe('caseworker');
    expect((await auditFor(t, read.requestId!)).map((e) => [e.action, e.outcome])).toEqual([['report.read', 'allowed']]);
    await t.services.reports.setConsent(ctx(amina.actor), {});
    expect(await t.services.reports.inbox(ctx(caseworker), n.m)).toEqual([]);
    expect((await failure(t.services.reports.get(ctx(caseworker), report.id))).code).toBe('not_found');
  });

  it('with consent given first, confirming sends at once; the PDF is a PDF', async () => {
    const { n, amina, caseworker } = await setting();
    await t.services.reports.setConsent(ctx(amina.actor), { toCaseworker: true });
    t.clock.set('2026-04-13T05:00:00Z');
    await t.services.reports.draftDue(n.m);
    const report = (await t.services.reports.overview(ctx(n.counsellor), n.m)).find((r) => r.youthId === amina.id)!;
    await t.services.reports.approve(ctx(n.counsellor), report.id, { summary: 'Godt i gang – æøå.', nextSteps: 'Forlænge.' });
    expect(await t.services.reports.confirm(ctx(amina.actor), report.id, {})).toBe('sent');
    const { report: sent } = await t.services.reports.get(ctx(caseworker), report.id, 'pdf');
    const pdf = await reportPdf(sent, translator('da'), 'da');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.subarray(-6).toString()).toContain('%%EOF');
    expect(pdf.length).toBeGreaterThan(2000);
  });

  it('companies, psychologists, other municipalities and other young people never read a report', async () => {
    const { n, amina, others } = await setting();
    t.clock.set('2026-04-13T05:00:00Z');
    await t.services.reports.draftDue(n.m);
    const report = (await t.services.reports.overview(ctx(n.counsellor), n.m)).find((r) => r.youthId === amina.id)!;
    await t.services.reports.approve(ctx(n.counsellor), report.id, { summary: 'Godt.', nextSteps: 'Videre.' });
    const psychologist = await makeUser(t, [{ role: 'psychologist', municipalityId: n.m }]);
    const other = await makeNetwork(t);
    const otherCaseworker = await makeUser(t, [{ role: 'caseworker', municipalityId: other.m }]);
    for (const actor of [n.supervisor, psychologist, other.counsellor, otherCaseworker, others[0]!.actor]) {
      expect((await failure(t.services.reports.get(ctx(actor), report.id))).code).toBe('not_found');
    }
    expect((await failure(t.services.reports.overview(ctx(psychologist), n.m))).code).toBe('not_found');
    expect((await failure(t.services.reports.confirm(ctx(others[0]!.actor), report.id, {}))).code).toBe('not_found');
  });
});
