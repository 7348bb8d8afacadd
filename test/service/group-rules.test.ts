import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { and, eq, isNull } from 'drizzle-orm';
import { groupMembers, networkGroups } from '../../src/modules/groups/groups.schema.ts';
import { municipalities } from '../../src/modules/municipalities/municipalities.schema.ts';
import { youth } from '../../src/modules/youth/youth.schema.ts';
import { type TestContext, auditFor, createTestContext, ctx, failure, makeUser } from '../support/context.ts';
import { makeNetwork } from '../support/internships.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());
beforeEach(() => t.clock.set('2026-03-02T09:00:00Z'));

const names = ['Ali', 'Bea', 'Cem', 'Dia', 'Eva', 'Fie', 'Gus', 'Hans', 'Ida', 'Jon', 'Kim', 'Lea', 'Mia', 'Nor', 'Oda', 'Per'];

async function network(size: number, sizes?: { min: number; max: number }) {
  const n = await makeNetwork(t);
  if (sizes)
    await t.database.db.update(municipalities).set({ groupSizeMin: sizes.min, groupSizeMax: sizes.max }).where(eq(municipalities.id, n.m));
  const people = [];
  for (const name of names.slice(0, size)) people.push(await n.young(name));
  return { n, people };
}

/** An empty group of the municipality, as one left after its members moved on. */
async function emptyGroup(m: string, name = 'Gruppe tom') {
  const [g] = await t.database.db.insert(networkGroups).values({ municipalityId: m, name, createdAt: t.clock.now() }).returning();
  return g!;
}

const current = (groupId: string) =>
  t.database.db
    .select()
    .from(groupMembers)
    .where(and(eq(groupMembers.groupId, groupId), isNull(groupMembers.leftAt)));

describe('group sizes from the municipality’s settings', () => {
  it('proposes 7–8 by default and the municipality’s own sizes when set; moving never passes its maximum', async () => {
    const byDefault = await network(15);
    expect((await t.services.groups.propose(ctx(byDefault.n.counsellor), byDefault.n.m)).map((g) => g.length)).toEqual([8, 7]);
    expect((await t.services.groups.list(ctx(byDefault.n.counsellor), byDefault.n.m)).sizes).toEqual({ min: 7, max: 8 });

    const { n } = await network(10, { min: 4, max: 5 });
    expect((await t.services.groups.propose(ctx(n.counsellor), n.m)).map((g) => g.length)).toEqual([5, 5]);
    const [one, two] = await t.services.groups.createProposed(ctx(n.counsellor), n.m);
    const mover = (await t.services.groups.get(ctx(n.counsellor), one!.id)).members[0]!;
    const full = await failure(t.services.groups.move(ctx(n.counsellor), one!.id, mover.youthId, { toGroupId: two!.id }));
    expect(full).toMatchObject({ messageKey: 'errors.group_full', params: { max: 5 }, fields: { toGroupId: 'errors.group_full' } });
    expect(await current(one!.id)).toHaveLength(5);
    expect(await current(two!.id)).toHaveLength(5);
  });
});

describe('adding a young person to a chosen group', () => {
  it('adds one without a group, audited; refuses a full group, another municipality, a taken or paused person, changing nothing', async () => {
    const { n } = await network(4, { min: 3, max: 4 });
    const [full] = await t.services.groups.createProposed(ctx(n.counsellor), n.m);
    expect(await current(full!.id)).toHaveLength(4);
    const [eve, finn, gry] = [await n.young('Eve'), await n.young('Finn'), await n.young('Gry')];
    expect((await t.services.groups.candidates(ctx(n.counsellor), full!.id)).map((y) => y.firstName)).toEqual(['Eve', 'Finn', 'Gry']);

    const refused = await failure(t.services.groups.addMember(ctx(n.counsellor), full!.id, { youthId: eve.id }));
    expect(refused).toMatchObject({ messageKey: 'errors.group_full', params: { max: 4 }, fields: { youthId: 'errors.group_full' } });
    expect(await current(full!.id)).toHaveLength(4);

    const other = await emptyGroup(n.m);
    const c = ctx(n.consultant);
    await t.services.groups.addMember(c, other.id, { youthId: eve.id });
    expect((await current(other.id)).map((r) => r.youthId)).toEqual([eve.id]);
    expect((await auditFor(t, c.requestId!)).filter((e) => e.action === 'group.add')).toMatchObject([
      { outcome: 'allowed', targetId: other.id, subjectUserId: eve.actor.userId },
    ]);

    // Already in a group, not in the network right now, from another municipality, not a young person at all.
    expect((await failure(t.services.groups.addMember(ctx(n.counsellor), other.id, { youthId: eve.id }))).fields).toEqual({
      youthId: 'validation.group_youth_taken',
    });
    await t.database.db.update(youth).set({ status: 'paused' }).where(eq(youth.id, finn.id));
    expect((await failure(t.services.groups.addMember(ctx(n.counsellor), other.id, { youthId: finn.id }))).fields).toEqual({
      youthId: 'validation.group_youth_status',
    });
    const elsewhere = await network(1);
    expect((await failure(t.services.groups.addMember(ctx(n.counsellor), other.id, { youthId: elsewhere.people[0]!.id }))).fields).toEqual({
      youthId: 'validation.group_youth',
    });
    expect((await failure(t.services.groups.addMember(ctx(n.counsellor), other.id, { youthId: 'nobody' }))).fields).toEqual({
      youthId: 'validation.group_youth',
    });
    expect((await current(other.id)).map((r) => r.youthId)).toEqual([eve.id]);

    // The team of another municipality, a young person and a company get not found.
    for (const actor of [elsewhere.n.counsellor, gry.actor, n.supervisor])
      expect((await failure(t.services.groups.addMember(ctx(actor), other.id, { youthId: gry.id }))).code).toBe('not_found');
    expect(await current(other.id)).toHaveLength(1);
  });
});

describe('archiving an empty group', () => {
  it('archives only an empty group: it leaves the list, keeps its page; refused with members; nothing joins it after', async () => {
    const { n, people } = await network(3, { min: 3, max: 4 });
    const [group] = await t.services.groups.createProposed(ctx(n.counsellor), n.m);
    const withMembers = await failure(t.services.groups.archive(ctx(n.counsellor), group!.id));
    expect(withMembers).toMatchObject({ code: 'conflict', messageKey: 'errors.group_not_empty', params: { count: 3 } });
    const [row] = await t.database.db.select().from(networkGroups).where(eq(networkGroups.id, group!.id));
    expect(row!.archivedAt).toBeNull();

    const empty = await emptyGroup(n.m);
    expect((await t.services.groups.list(ctx(n.counsellor), n.m)).groups.map((g) => g.id)).toContain(empty.id);
    const c = ctx(n.counsellor);
    await t.services.groups.archive(c, empty.id);
    expect((await auditFor(t, c.requestId!)).map((e) => [e.action, e.targetId])).toEqual([['group.archive', empty.id]]);
    expect((await t.services.groups.list(ctx(n.counsellor), n.m)).groups.map((g) => g.id)).toEqual([group!.id]);
    // Its history stays readable; it is not archived twice, and nobody joins or moves into it.
    expect((await t.services.groups.get(ctx(n.counsellor), empty.id)).group.archivedAt).toEqual(t.clock.now());
    expect((await failure(t.services.groups.archive(ctx(n.counsellor), empty.id))).messageKey).toBe('errors.group_archived');
    const mover = people[0]!;
    expect((await failure(t.services.groups.move(ctx(n.counsellor), group!.id, mover.id, { toGroupId: empty.id }))).fields).toEqual({
      toGroupId: 'validation.group',
    });
    const late = await n.young('Sen');
    expect((await failure(t.services.groups.addMember(ctx(n.counsellor), empty.id, { youthId: late.id }))).messageKey).toBe(
      'errors.group_archived',
    );
    expect(await current(empty.id)).toEqual([]);
    // A new proposal's groups are numbered after the archived one too.
    const [next] = await t.services.groups.createProposed(ctx(n.counsellor), n.m);
    expect(next!.name).toBe('Gruppe 3');
    // Only the team that manages groups archives: a psychologist cannot.
    const psychologist = await makeUser(t, [{ role: 'psychologist', municipalityId: n.m }]);
    expect((await failure(t.services.groups.archive(ctx(psychologist), next!.id))).code).toBe('not_found');
  });
});
