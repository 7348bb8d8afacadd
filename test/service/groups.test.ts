import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { groupSessions, sessionAttendance } from '../../src/modules/groups/groups.schema.ts';
import { youth } from '../../src/modules/youth/youth.schema.ts';
import { type TestContext, createTestContext, ctx, failure, makeUser } from '../support/context.ts';
import { makeNetwork } from '../support/internships.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());
beforeEach(() => t.clock.set('2026-03-02T09:00:00Z'));

const names = ['Ali', 'Bea', 'Cem', 'Dia', 'Eva', 'Fie', 'Gus', 'Hans', 'Ida', 'Jon', 'Kim', 'Lea', 'Mia', 'Nor', 'Oda'];

async function network(size: number, inInternship = 0) {
  const n = await makeNetwork(t);
  const people = [];
  for (const [i, name] of names.slice(0, size).entries()) {
    const p = await n.young(name);
    if (i < inInternship) await t.database.db.update(youth).set({ status: 'in_internship' }).where(eq(youth.id, p.id));
    people.push(p);
  }
  return { n, people };
}

describe('network groups', () => {
  it('proposes and creates groups of 7–8 (the default settings) balancing people in internships, and moves people by hand up to 8', async () => {
    const { n } = await network(14, 4);
    const proposal = await t.services.groups.propose(ctx(n.counsellor), n.m);
    expect(proposal.map((g) => g.length)).toEqual([7, 7]);
    expect(proposal.map((g) => g.filter((y) => y.status === 'in_internship').length)).toEqual([2, 2]);
    const created = await t.services.groups.createProposed(ctx(n.counsellor), n.m);
    expect(created.map((g) => [g.name, g.counsellorUserId])).toEqual([
      ['Gruppe 1', n.counsellor.userId],
      ['Gruppe 2', n.counsellor.userId],
    ]);
    expect((await t.services.groups.list(ctx(n.consultant), n.m)).unassigned).toBe(0);
    expect((await failure(t.services.groups.createProposed(ctx(n.counsellor), n.m))).messageKey).toBe('errors.groups_none');

    const [one, two] = created as [(typeof created)[0], (typeof created)[0]];
    const mover = (await t.services.groups.get(ctx(n.counsellor), one.id)).members[0]!;
    await t.services.groups.move(ctx(n.counsellor), one.id, mover.youthId, { toGroupId: two.id });
    expect((await t.services.groups.get(ctx(n.counsellor), two.id)).members).toHaveLength(8);
    const next = (await t.services.groups.get(ctx(n.counsellor), one.id)).members[0]!;
    const full = await failure(t.services.groups.move(ctx(n.counsellor), one.id, next.youthId, { toGroupId: two.id }));
    expect(full).toMatchObject({ messageKey: 'errors.group_full', params: { max: 8 } });
    expect((await t.services.groups.get(ctx(n.counsellor), one.id)).members).toHaveLength(6);
  });

  it('records a session with attendance for every member, once a day, and refuses gaps without saving', async () => {
    const { n } = await network(6);
    const [group] = await t.services.groups.createProposed(ctx(n.counsellor), n.m);
    const { members } = await t.services.groups.get(ctx(n.counsellor), group!.id);
    const attendance = Object.fromEntries(members.map((m, i) => [m.youthId, i === 0 ? 'absent_notice' : 'present']));
    const partial = await failure(
      t.services.groups.recordSession(ctx(n.counsellor), group!.id, {
        heldOn: '2026-03-02',
        place: 'Ungehuset',
        theme: 'setbacks',
        attendance: { [members[0]!.youthId]: 'present' },
      }),
    );
    expect(Object.values(partial.fields!)).toEqual(Array(5).fill('validation.group_attendance'));
    const future = await failure(
      t.services.groups.recordSession(ctx(n.counsellor), group!.id, {
        heldOn: '2026-03-09',
        place: 'Ungehuset',
        theme: 'setbacks',
        attendance,
      }),
    );
    expect(future.fields).toEqual({ heldOn: 'validation.date_future' });
    expect(await t.database.db.select().from(groupSessions).where(eq(groupSessions.groupId, group!.id))).toEqual([]);

    const session = await t.services.groups.recordSession(ctx(n.counsellor), group!.id, {
      heldOn: '2026-03-02',
      place: 'Ungehuset',
      theme: 'work_experiences',
      attendance,
    });
    const rows = await t.database.db.select().from(sessionAttendance).where(eq(sessionAttendance.sessionId, session.id));
    expect(rows.filter((r) => r.status === 'present')).toHaveLength(5);
    const again = await failure(
      t.services.groups.recordSession(ctx(n.counsellor), group!.id, {
        heldOn: '2026-03-02',
        place: 'Ungehuset',
        theme: 'other',
        attendance,
      }),
    );
    expect(again.messageKey).toBe('errors.session_exists');
    const [listed] = (await t.services.groups.get(ctx(n.counsellor), group!.id)).sessions;
    expect(listed).toMatchObject({ present: 5, total: 6 });
  });

  it('keeps groups to the team: young people, companies, caseworkers and other municipalities get not found', async () => {
    const { n, people } = await network(6);
    const other = await makeNetwork(t);
    const [group] = await t.services.groups.createProposed(ctx(n.counsellor), n.m);
    const caseworker = await makeUser(t, [{ role: 'caseworker', municipalityId: n.m }]);
    for (const actor of [people[0]!.actor, n.supervisor, caseworker, other.counsellor]) {
      expect((await failure(t.services.groups.get(ctx(actor), group!.id))).code).toBe('not_found');
    }
    // The psychologist may read, not manage.
    const psychologist = await makeUser(t, [{ role: 'psychologist', municipalityId: n.m }]);
    expect((await t.services.groups.get(ctx(psychologist), group!.id)).members).toHaveLength(6);
    expect((await failure(t.services.groups.createProposed(ctx(psychologist), n.m))).code).toBe('not_found');
  });
});

describe("the young person's check-in after a session", () => {
  it('takes 0–10 from a member who was present, within a week; replaces on a second answer', async () => {
    const { n, people } = await network(6);
    const [group] = await t.services.groups.createProposed(ctx(n.counsellor), n.m);
    const { members } = await t.services.groups.get(ctx(n.counsellor), group!.id);
    const absent = people.find((p) => p.id === members[0]!.youthId)!;
    const present = people.find((p) => p.id === members[1]!.youthId)!;
    const attendance = Object.fromEntries(members.map((m, i) => [m.youthId, i === 0 ? 'absent' : 'present']));
    const session = await t.services.groups.recordSession(ctx(n.counsellor), group!.id, {
      heldOn: '2026-03-02',
      place: 'Ungehuset',
      theme: 'next_steps',
      attendance,
    });

    expect((await t.services.groups.mine(ctx(present.actor)))!.firstNames).toHaveLength(6);
    expect((await failure(t.services.groups.checkIn(ctx(present.actor), session.id, { score: '11' }))).fields).toEqual({
      score: 'validation.scale',
    });
    await t.services.groups.checkIn(ctx(present.actor), session.id, { score: '7', comment: 'Godt at høre om de andres uge.' });
    await t.services.groups.checkIn(ctx(present.actor), session.id, { score: '8' });
    expect((await t.services.groups.mine(ctx(present.actor)))!.sessions[0]).toMatchObject({ attendance: 'present', score: 8 });
    // Someone who was not there, or is not in the group, cannot check in.
    expect((await failure(t.services.groups.checkIn(ctx(absent.actor), session.id, { score: '5' }))).code).toBe('not_found');
    const other = await makeNetwork(t);
    const stranger = await other.young('Zia');
    expect((await failure(t.services.groups.checkIn(ctx(stranger.actor), session.id, { score: '5' }))).code).toBe('not_found');
    expect(await t.services.groups.mine(ctx(stranger.actor))).toBeNull();
    // After a week it is closed.
    t.clock.set('2026-03-10T09:00:00Z');
    expect((await failure(t.services.groups.checkIn(ctx(present.actor), session.id, { score: '9' }))).messageKey).toBe(
      'errors.checkin_closed',
    );
  });
});

describe("the counsellor's week", () => {
  it('lists who missed the last session and who has been without an internship for over two weeks', async () => {
    const { n, people } = await network(6);
    const [group] = await t.services.groups.createProposed(ctx(n.counsellor), n.m);
    const { members } = await t.services.groups.get(ctx(n.counsellor), group!.id);
    const first = (status: string) => Object.fromEntries(members.map((m, i) => [m.youthId, i === 0 ? status : 'present']));
    await t.services.groups.recordSession(ctx(n.counsellor), group!.id, {
      heldOn: '2026-02-23',
      place: 'Ungehuset',
      theme: 'other',
      attendance: first('present'),
    });
    t.clock.set('2026-03-20T09:00:00Z');
    await t.services.groups.recordSession(ctx(n.counsellor), group!.id, {
      heldOn: '2026-03-20',
      place: 'Ungehuset',
      theme: 'other',
      attendance: first('absent'),
    });
    const week = await t.services.counsellorWeek.week(ctx(n.counsellor), n.m);
    expect(week.missed.map((m) => [m.youthId, m.status, m.heldOn])).toEqual([[members[0]!.youthId, 'absent', '2026-03-20']]);
    // Everyone was put in the network on 2 March (makeNetwork): over two weeks ago now.
    expect(week.looking.map((y) => y.id).sort()).toEqual(people.map((p) => p.id).sort());
    expect((await failure(t.services.counsellorWeek.week(ctx(n.supervisor), n.m))).code).toBe('not_found');
  });
});
