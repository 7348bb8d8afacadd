import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { groupPosts } from '../../src/modules/groups/groups.schema.ts';
import { upcomingMeetings } from '../../src/modules/groups/schedule.ts';
import { toIcs } from '../../src/platform/calendar/ics.ts';
import { type TestContext, auditFor, createTestContext, ctx, failure, makeUser } from '../support/context.ts';
import { makeNetwork } from '../support/internships.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

async function twoGroups() {
  t.clock.set('2026-03-03T09:00:00Z'); // a Tuesday
  const n = await makeNetwork(t);
  const people = [];
  for (const name of ['Ali', 'Bea', 'Cem', 'Dia', 'Eva', 'Fie', 'Gus', 'Hans', 'Ida', 'Jon', 'Kim', 'Lea'])
    people.push(await n.young(name));
  const [one, two] = await t.services.groups.createProposed(ctx(n.counsellor), n.m);
  const inOne = (await t.services.groups.get(ctx(n.counsellor), one!.id)).members.map((m) => m.youthId);
  const member = people.find((p) => inOne.includes(p.id))!;
  const outsider = people.find((p) => !inOne.includes(p.id))!;
  return { n, one: one!, two: two!, member, outsider, people };
}

describe('group schedule and calendar', () => {
  it('saves the weekly time, place and counsellor; refuses bad input; the calendar has the next sessions in Danish time', async () => {
    const { n, one } = await twoGroups();
    const bad = await failure(
      t.services.groups.setSchedule(ctx(n.counsellor), one.id, {
        meetsWeekday: '8',
        meetsAt: '25:00',
        meetsPlace: '',
        counsellorUserId: n.consultant.userId,
      }),
    );
    expect(bad.fields).toEqual({ meetsWeekday: 'validation.weekday', meetsAt: 'validation.time', meetsPlace: 'validation.required' });
    // The counsellor is any team member of the municipality; a company's contact is not one.
    const notCounsellor = await failure(
      t.services.groups.setSchedule(ctx(n.counsellor), one.id, {
        meetsWeekday: '2',
        meetsAt: '14:00',
        meetsPlace: 'Ungehuset',
        counsellorUserId: n.supervisor.userId,
      }),
    );
    expect(notCounsellor.fields).toEqual({ counsellorUserId: 'validation.counsellor' });
    await t.services.groups.setSchedule(ctx(n.counsellor), one.id, {
      meetsWeekday: '2',
      meetsAt: '14:00',
      meetsPlace: 'Ungehuset, Roskilde',
      counsellorUserId: n.counsellor.userId,
    });
    const { group } = await t.services.groups.get(ctx(n.consultant), one.id);
    expect([group.meetsWeekday, group.meetsAt, group.meetsPlace, group.counsellorUserId]).toEqual([
      2,
      '14:00',
      'Ungehuset, Roskilde',
      n.counsellor.userId,
    ]);
    // From Tuesday 3 March: that day at 14:00 (13:00 UTC in winter), and after the clocks change 29 March, 12:00 UTC.
    const events = upcomingMeetings(group, '2026-03-03', 5, 'Netværksgruppe');
    expect(events.map((e) => (e.start as Date).toISOString())).toEqual([
      '2026-03-03T13:00:00.000Z',
      '2026-03-10T13:00:00.000Z',
      '2026-03-17T13:00:00.000Z',
      '2026-03-24T13:00:00.000Z',
      '2026-03-31T12:00:00.000Z',
    ]);
    expect(upcomingMeetings(group, '2026-03-04', 1, 'x')[0]!.start).toEqual(new Date('2026-03-10T13:00:00Z'));
    const ics = toIcs('Netværksgruppe', events, t.clock.now());
    expect(ics).toContain('DTSTART:20260303T130000Z');
    expect(ics).toContain('LOCATION:Ungehuset\\, Roskilde');

    // The week page lists the groups meeting today.
    const week = await t.services.counsellorWeek.week(ctx(n.counsellor), n.m);
    expect(week.today.map((g) => g.id)).toEqual([one.id]);
  });
});

describe('the group space', () => {
  it('members share with their own group only; the group counsellor reads and hides; nobody else sees it', async () => {
    const { n, one, member, outsider } = await twoGroups();
    await t.services.groups.setSchedule(ctx(n.counsellor), one.id, {
      meetsWeekday: '2',
      meetsAt: '14:00',
      meetsPlace: 'Ungehuset',
      counsellorUserId: n.counsellor.userId,
    });
    const empty = await failure(t.services.groupSpace.post(ctx(member.actor), { kind: 'brag', body: ' ' }));
    expect(empty.fields).toEqual({ kind: 'validation.post_kind', body: 'validation.post_body' });
    await t.services.groupSpace.post(ctx(member.actor), { kind: 'win', body: 'Jeg fik en praktikplads!' });
    t.clock.set('2026-03-03T10:00:00Z');
    await t.services.groupSpace.post(ctx(member.actor), { kind: 'question', body: 'Ring til mig på 12345678' });

    const seen = await t.services.groupSpace.mine(ctx(member.actor));
    expect(seen.map((p) => [p.kind, p.mine])).toEqual([
      ['question', true],
      ['win', true],
    ]);
    // The other group's members see nothing of it.
    expect(await t.services.groupSpace.mine(ctx(outsider.actor))).toEqual([]);

    // Only the group's own counsellor reads it: not another counsellor, not the team leader, not a company.
    const reading = ctx(n.counsellor);
    const { posts } = await t.services.groupSpace.forCounsellor(reading, one.id);
    expect((await auditFor(t, reading.requestId!)).map((e) => e.action)).toEqual(['group.space_read']);
    const otherCounsellor = await makeUser(t, [{ role: 'youth_counsellor', municipalityId: n.m }]);
    const leader = await makeUser(t, [{ role: 'team_leader', municipalityId: n.m }]);
    for (const actor of [otherCounsellor, leader, n.consultant, n.supervisor, member.actor]) {
      expect((await failure(t.services.groupSpace.forCounsellor(ctx(actor), one.id))).code).toBe('not_found');
    }
    expect((await failure(t.services.groupSpace.hide(ctx(otherCounsellor), one.id, posts[0]!.id))).code).toBe('not_found');

    await t.services.groupSpace.hide(ctx(n.counsellor), one.id, posts[0]!.id);
    expect((await t.services.groupSpace.mine(ctx(member.actor))).map((p) => p.body)).toEqual(['Jeg fik en praktikplads!']);
    expect((await t.services.groupSpace.forCounsellor(ctx(n.counsellor), one.id)).posts.map((p) => p.hidden)).toEqual([true, false]);
    const [kept] = await t.database.db.select().from(groupPosts).where(eq(groupPosts.id, posts[0]!.id));
    expect(kept!.hiddenByUserId).toBe(n.counsellor.userId);
    expect((await failure(t.services.groupSpace.hide(ctx(n.counsellor), one.id, posts[0]!.id))).code).toBe('not_found');
  });
});
