import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { listOutbox } from '../../src/platform/mail/outbox.repository.ts';
import { type TestContext, auditFor, createTestContext, ctx, failure, makeUser } from '../support/context.ts';
import { makeNetwork, startedInternship } from '../support/internships.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());
beforeEach(() => t.clock.set('2026-03-02T09:00:00Z'));

const DAY = 86_400_000;

describe('weekly feedback', () => {
  it('sends each supervisor one request per week however often the job and the delivery run', async () => {
    const n = await makeNetwork(t);
    const amina = await n.young();
    await startedInternship(t, n, amina.id);
    await t.services.notifications.deliver(); // the "planned" messages go first
    t.clock.set('2026-03-06T12:00:00Z'); // Friday 13:00 in Denmark
    await Promise.all([t.services.internshipJobs.weeklyRequests(), t.services.internshipJobs.weeklyRequests()]);
    expect(await t.services.internshipJobs.weeklyRequests()).toBe(0);
    expect((await t.services.notifications.recent(ctx(n.supervisor))).map((x) => x.kind)).toEqual([
      'feedback_request',
      'internship_planned_company',
    ]);
    expect((await t.services.notifications.recent(ctx(amina.actor))).map((x) => x.kind)).toContain('checkin_request');
    const before = (await listOutbox(t.database.db, 'all', 500)).filter((m) => m.to === n.supervisor.email);
    await Promise.all([t.services.notifications.deliver(), t.services.notifications.deliver()]);
    await t.services.notifications.deliver();
    const mails = (await listOutbox(t.database.db, 'all', 500)).filter((m) => m.to === n.supervisor.email);
    expect(mails.length - before.length).toBe(1);
    expect(mails[0]!.subject).toBe('Hvordan gik ugen med Amina?');
    expect(mails[0]!.text).toMatch(/\/feedback\/[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}/);
  });

  it('takes feedback from the signed link once, only for its internship and week, and refuses it expired or altered', async () => {
    const n = await makeNetwork(t);
    const amina = await n.young();
    const i = await startedInternship(t, n, amina.id);
    const link = await t.services.feedback.prepareLink(i.id, '2026-03-02');
    const token = t.services.feedback.linkToken(link);
    expect(await t.services.feedback.linkForm(token)).toEqual({
      youthFirstName: 'Amina',
      companyName: 'Roskilde Kraftvarmeværk',
      week: '2026-03-02',
      happened: ['mon'], // Monday morning: only today is filled in ahead
    });
    const answer = {
      week: '2026-01-05',
      attendance_mon: 'met',
      attendance_tue: 'met',
      attendance_wed: 'absent_notice',
      attendance_thu: 'met',
      attendance_fri: 'met',
      didWell: 'Hjalp en kollega med en pumpe.',
    };

    const altered = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
    expect((await failure(t.services.feedback.submitByLink(ctx(null), altered, answer))).messageKey).toBe('errors.link_invalid');
    expect((await failure(t.services.feedback.submitByLink(ctx(null), token, { ...answer, attendance_fri: 'maybe' }))).fields).toEqual({
      'attendance.fri': 'validation.attendance',
    });
    const saved = await t.services.feedback.submitByLink(ctx(null), token, answer);
    expect(saved).toMatchObject({ weekStart: '2026-03-02', byUserId: null, viaLink: link.id }); // the link's week, not the one sent
    expect((await failure(t.services.feedback.submitByLink(ctx(null), token, answer))).messageKey).toBe('errors.link_used');

    // Expired after 14 days, even unused.
    const next = await t.services.feedback.prepareLink(i.id, '2026-03-09');
    t.clock.advance(15 * DAY);
    expect((await failure(t.services.feedback.submitByLink(ctx(null), t.services.feedback.linkToken(next), answer))).messageKey).toBe(
      'errors.link_expired',
    );

    // The recognition reaches the young person's feed.
    const trail = await t.services.feedback.myTrail(ctx(amina.actor));
    expect(trail.recognitions).toEqual([
      expect.objectContaining({ didWell: 'Hjalp en kollega med en pumpe.', companyName: 'Roskilde Kraftvarmeværk' }),
    ]);
  });
});

describe('the attendance-stability flag', () => {
  it('flags two absences without notice in 14 days, a concern, and a falling check-in trend, with the reason', async () => {
    const n = await makeNetwork(t);
    const [amina, bo, carl] = [await n.young('Amina'), await n.young('Bo'), await n.young('Carl')];
    const ia = await startedInternship(t, n, amina.id);
    const ib = await startedInternship(t, n, bo.id);
    await startedInternship(t, n, carl.id);
    for (const [i, scores] of [
      [8, 8, 8],
      [6, 6, 6],
      [4, 5, 4],
    ].entries()) {
      t.clock.set(new Date(Date.parse('2026-03-02T09:00:00Z') + i * 7 * DAY));
      await t.services.feedback.checkin(ctx(carl.actor), { wellbeing: scores[0], workplace: scores[1], network: scores[2] });
    }
    t.clock.set('2026-03-16T09:00:00Z');
    const week = (mon: string, fri: string) => ({ mon, tue: 'met', wed: 'met', thu: 'met', fri });
    await t.services.feedback.submit(ctx(n.supervisor), ia.id, {
      week: '2026-03-09',
      attendance: week('absent_no_notice', 'absent_no_notice'),
    });
    await t.services.feedback.submit(ctx(n.supervisor), ib.id, {
      week: '2026-03-09',
      attendance: week('met', 'absent_no_notice'),
      concern: 'Han virker ked af det.',
    });
    const reading = ctx(n.counsellor);
    const { flags } = await t.services.internshipOverview.team(reading, n.m);
    // Each flagged person can see that the counsellor read their flag.
    const reads = (await auditFor(t, reading.requestId!)).filter((e) => e.action === 'internship.flag_read');
    expect(new Set(reads.map((e) => e.subjectUserId))).toEqual(new Set([amina.actor.userId, bo.actor.userId, carl.actor.userId]));
    expect(reads).toHaveLength(3);
    const by = new Map(flags.map((f) => [f.youthName.split(' ')[0], f.reasons]));
    expect(by.get('Amina')).toEqual([{ kind: 'absences', count: 2 }]);
    expect(by.get('Bo')).toEqual([{ kind: 'concern', weekStart: '2026-03-09' }]);
    expect(by.get('Carl')).toEqual([{ kind: 'falling_checkins', from: 8, to: 4.3 }]);
    // Two weeks later the absences are outside the window.
    t.clock.set('2026-03-30T09:00:00Z');
    const later = await t.services.internshipOverview.team(ctx(n.counsellor), n.m);
    expect(later.flags.map((f) => f.youthName)).not.toContain('Amina Hansen');
  });
});

describe('notifications', () => {
  it('holds email in quiet hours, gathers several into one digest, and sends none to someone who chose none', async () => {
    const n = await makeNetwork(t);
    const person = await makeUser(t, [{ role: 'youth_counsellor', municipalityId: n.m }]);
    const quiet = await makeUser(t, [{ role: 'youth_counsellor', municipalityId: n.m }]);
    await t.services.notifications.savePreferences(ctx(quiet), { email: 'off', quietFrom: '21', quietTo: '7', digestHour: '8' });
    expect(
      (
        await failure(
          t.services.notifications.savePreferences(ctx(person), { email: 'often', quietFrom: '25', quietTo: '7', digestHour: '8' }),
        )
      ).fields,
    ).toEqual({
      email: 'validation.email_mode',
      quietFrom: 'validation.hour',
    });
    const note = (userId: string, k: string) => ({
      userId,
      key: `test:${userId}:${k}`,
      kind: 'checkin_request',
      params: {},
      link: '/me/internships',
    });
    t.clock.set('2026-03-02T21:30:00Z'); // 22:30 in Denmark
    await t.services.notifications.notify([note(person.userId, 'a'), note(person.userId, 'b'), note(quiet.userId, 'a')]);
    const sent = async (email: string) => (await listOutbox(t.database.db, 'all', 500)).filter((m) => m.to === email);
    await t.services.notifications.deliver();
    expect(await sent(person.email)).toHaveLength(0);
    t.clock.set('2026-03-03T07:00:00Z'); // 08:00
    await t.services.notifications.deliver();
    const mails = await sent(person.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe('NExTWORK: 2 nye beskeder');
    expect(await sent(quiet.email)).toHaveLength(0);
    expect((await t.services.notifications.recent(ctx(quiet))).every((x) => x.deliveredAt && !x.emailed)).toBe(true);
  });

  it('serves a calendar feed on a secret URL until it is revoked', async () => {
    const n = await makeNetwork(t);
    const amina = await n.young();
    await startedInternship(t, n, amina.id);
    const url = await t.services.notifications.newCalendarFeed(ctx(amina.actor));
    const token = url.split('/calendar/')[1]!.replace('.ics', '');
    const ics = await t.services.notifications.calendar(ctx(null), token);
    expect(ics).toContain('SUMMARY:Praktikstart: Amina · Roskilde Kraftvarmeværk\r\n');
    expect(ics).toContain('DTSTART;VALUE=DATE:20260302');
    await t.services.notifications.revokeCalendarFeed(ctx(amina.actor));
    expect((await failure(t.services.notifications.calendar(ctx(null), token))).code).toBe('not_found');
  });
});
