import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { municipalities } from '../../src/modules/municipalities/municipalities.schema.ts';
import { type TestContext, createTestContext, ctx, failure, makeUser } from '../support/context.ts';
import { makeNetwork } from '../support/internships.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());
beforeEach(() => t.clock.set('2026-03-02T09:00:00Z'));

const schedule = (counsellorUserId: string) => ({ meetsWeekday: '2', meetsAt: '14:00', meetsPlace: 'Ungehuset', counsellorUserId });

describe("the group's counsellor is an assignment, not a role (seed 001)", () => {
  it('a network consultant who leads a group moderates it and reads its members’ private notes; no one else does', async () => {
    const n = await makeNetwork(t);
    await t.database.db.update(municipalities).set({ groupSizeMin: 3, groupSizeMax: 4 }).where(eq(municipalities.id, n.m));
    const [ali] = [await n.young('Ali'), await n.young('Bea'), await n.young('Cem')];
    const [group] = await t.services.groups.createProposed(ctx(n.counsellor), n.m);
    expect(group!.counsellorUserId).toBe(n.counsellor.userId);
    const secret = await t.services.supportNotes.writeOwn(ctx(ali.actor), { note: 'Min mor er syg.', onlyCounsellor: 'on' });
    await t.services.groupSpace.post(ctx(ali.actor), { kind: 'question', body: 'Hvordan melder man afbud?' });

    // The team leader hands the group to a network consultant; any team member may hold it, a company contact may not.
    const leader = await makeUser(t, [{ role: 'team_leader', municipalityId: n.m }]);
    expect((await t.services.groups.counsellors(ctx(leader), group!.id)).map((c) => c.userId)).toEqual(
      expect.arrayContaining([n.counsellor.userId, n.consultant.userId, n.entrepreneur.userId, leader.userId]),
    );
    expect((await failure(t.services.groups.setSchedule(ctx(leader), group!.id, schedule(n.supervisor.userId)))).fields).toEqual({
      counsellorUserId: 'validation.counsellor',
    });
    await t.services.groups.setSchedule(ctx(leader), group!.id, schedule(n.consultant.userId));

    // The consultant who leads it: the space (read and hide), the private note, the meetings.
    const { posts } = await t.services.groupSpace.forCounsellor(ctx(n.consultant), group!.id);
    expect(posts.map((p) => p.body)).toEqual(['Hvordan melder man afbud?']);
    await t.services.groupSpace.hide(ctx(n.consultant), group!.id, posts[0]!.id);
    expect((await t.services.supportNotes.list(ctx(n.consultant), ali.id)).notes.map((x) => x.id)).toContain(secret.id);
    expect((await t.services.supportNotes.get(ctx(n.consultant), secret.id)).note).toBe('Min mor er syg.');
    const note = await t.services.supportNotes.writeOwn(ctx(ali.actor), { note: 'Til dig.', onlyCounsellor: 'on' });
    expect(note.onlyForUserId).toBe(n.consultant.userId);

    // The youth counsellor no longer leading it, and a consultant who does not lead it: none of it.
    const otherConsultant = await makeUser(t, [{ role: 'network_consultant', municipalityId: n.m }]);
    for (const actor of [n.counsellor, otherConsultant, leader]) {
      expect((await failure(t.services.groupSpace.forCounsellor(ctx(actor), group!.id))).code).toBe('not_found');
      expect((await failure(t.services.groupSpace.hide(ctx(actor), group!.id, posts[0]!.id))).code).toBe('not_found');
      expect((await failure(t.services.supportNotes.get(ctx(actor), secret.id))).code).toBe('not_found');
      expect((await t.services.supportNotes.list(ctx(actor), ali.id)).notes.map((x) => x.id)).not.toContain(secret.id);
    }
    // The same user as consultant in another municipality does not reach this one's group.
    const elsewhere = await makeNetwork(t);
    expect((await failure(t.services.groupSpace.forCounsellor(ctx(elsewhere.consultant), group!.id))).code).toBe('not_found');
  });

  it('an entrepreneur assigned to a group runs its meetings and reads it; unassigned, they cannot', async () => {
    const n = await makeNetwork(t);
    await t.database.db.update(municipalities).set({ groupSizeMin: 3, groupSizeMax: 4 }).where(eq(municipalities.id, n.m));
    for (const name of ['Ali', 'Bea', 'Cem']) await n.young(name);
    const [group] = await t.services.groups.createProposed(ctx(n.counsellor), n.m);
    const { members } = await t.services.groups.get(ctx(n.counsellor), group!.id);
    const session = (heldOn: string) => ({
      heldOn,
      place: 'Ungehuset',
      theme: 'next_steps',
      attendance: Object.fromEntries(members.map((m) => [m.youthId, 'present'])),
    });
    expect((await failure(t.services.groups.get(ctx(n.entrepreneur), group!.id))).code).toBe('not_found');
    expect((await failure(t.services.groups.recordSession(ctx(n.entrepreneur), group!.id, session('2026-03-02')))).code).toBe('not_found');
    await t.services.groups.setSchedule(ctx(n.counsellor), group!.id, schedule(n.entrepreneur.userId));
    expect((await t.services.groups.get(ctx(n.entrepreneur), group!.id)).members).toHaveLength(3);
    const held = await t.services.groups.recordSession(ctx(n.entrepreneur), group!.id, session('2026-03-02'));
    expect(held.createdByUserId).toBe(n.entrepreneur.userId);
    // Running meetings is not managing the group: the entrepreneur neither archives nor reassigns it.
    expect((await failure(t.services.groups.setSchedule(ctx(n.entrepreneur), group!.id, schedule(n.counsellor.userId)))).code).toBe(
      'not_found',
    );
  });
});
