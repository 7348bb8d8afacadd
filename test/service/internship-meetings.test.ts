import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { internshipMeetings } from '../../src/modules/internships/internships.schema.ts';
import { notifications } from '../../src/modules/notifications/notifications.schema.ts';
import { type TestContext, createTestContext, ctx, failure } from '../support/context.ts';
import { makeNetwork, startedInternship } from '../support/internships.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());
beforeEach(() => t.clock.set('2026-03-02T09:00:00Z'));

describe('follow-up meetings with the supervisor', () => {
  it('the company plans one; the young person and the consultant are told and find it in their calendar feed', async () => {
    const n = await makeNetwork(t);
    const amina = await n.young('Amina');
    const i = await startedInternship(t, n, amina.id);
    const meeting = await t.services.meetings.schedule(ctx(n.supervisor), i.id, {
      date: '2026-03-16',
      time: '13:00',
      minutes: '45',
      place: 'Værkstedet',
      note: 'Hvordan går de første uger?',
    });
    expect(meeting.startsAt.toISOString()).toBe('2026-03-16T12:00:00.000Z');
    const told = await t.database.db.select().from(notifications).where(eq(notifications.kind, 'internship_meeting'));
    expect(told.map((x) => x.userId).sort()).toEqual([amina.actor.userId, n.consultant.userId].sort());
    expect((await t.services.meetings.list(ctx(amina.actor), i.id)).map((m) => m.place)).toEqual(['Værkstedet']);

    const url = await t.services.notifications.newCalendarFeed(ctx(amina.actor));
    const feed = await t.services.notifications.calendar(ctx(null), /\/calendar\/(.+)\.ics$/.exec(url)![1]!);
    expect(feed).toContain('SUMMARY:Opfølgningsmøde: Amina · Roskilde Kraftvarmeværk');
    expect(feed).toContain('DTSTART:20260316T120000Z');
    expect(feed).toContain('DTEND:20260316T124500Z');
  });

  it('refuses a past or malformed meeting and people outside the internship, saving nothing', async () => {
    const n = await makeNetwork(t);
    const other = await makeNetwork(t);
    const amina = await n.young('Amina');
    const i = await startedInternship(t, n, amina.id);
    expect(
      (await failure(t.services.meetings.schedule(ctx(n.consultant), i.id, { date: '2026-03-01', time: '10:00', place: 'Kontoret' })))
        .fields,
    ).toEqual({
      date: 'validation.meeting_past',
    });
    expect(
      (await failure(t.services.meetings.schedule(ctx(n.consultant), i.id, { date: '2026-03-10', time: '25:00', minutes: '5', place: '' })))
        .fields,
    ).toEqual({
      time: 'validation.time',
      minutes: 'validation.minutes',
      place: 'validation.required',
    });
    for (const actor of [other.supervisor, other.consultant, amina.actor]) {
      expect(
        (await failure(t.services.meetings.schedule(ctx(actor), i.id, { date: '2026-03-10', time: '10:00', place: 'Kontoret' }))).code,
      ).toBe('not_found');
    }
    expect(await t.database.db.select().from(internshipMeetings).where(eq(internshipMeetings.internshipId, i.id))).toEqual([]);
  });
});
