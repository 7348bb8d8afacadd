import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { groupPostReplies } from '../../src/modules/groups/groups.schema.ts';
import { type TestContext, auditFor, createTestContext, ctx, failure, makeUser } from '../support/context.ts';
import { makeNetwork } from '../support/internships.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

/** Two groups, the first with its own counsellor and a question from one member. */
async function spaceWithAQuestion() {
  t.clock.set('2026-03-03T09:00:00Z');
  const n = await makeNetwork(t);
  const people = [];
  for (const name of ['Ali', 'Bea', 'Cem', 'Dia', 'Eva', 'Fie', 'Gus', 'Hans', 'Ida', 'Jon', 'Kim', 'Lea'])
    people.push(await n.young(name));
  const [one] = await t.services.groups.createProposed(ctx(n.counsellor), n.m);
  await t.services.groups.setSchedule(ctx(n.counsellor), one!.id, {
    meetsWeekday: '2',
    meetsAt: '14:00',
    meetsPlace: 'Ungehuset',
    counsellorUserId: n.counsellor.userId,
  });
  const inOne = (await t.services.groups.get(ctx(n.counsellor), one!.id)).members.map((m) => m.youthId);
  const [asker, answerer] = people.filter((p) => inOne.includes(p.id));
  const outsider = people.find((p) => !inOne.includes(p.id))!;
  await t.services.groupSpace.post(ctx(asker!.actor), { kind: 'question', body: 'Hvordan får man et billigere buskort?' });
  const [post] = await t.services.groupSpace.mine(ctx(asker!.actor));
  return { n, group: one!, asker: asker!, answerer: answerer!, outsider, post: post! };
}

describe('replies in the group space', () => {
  it('members and the group counsellor reply under a post; the group sees them threaded, oldest first; audited', async () => {
    const { n, group, asker, answerer, post } = await spaceWithAQuestion();
    expect((await failure(t.services.groupSpace.reply(ctx(answerer.actor), post.id, { body: ' x ' }))).fields).toEqual({
      body: 'validation.reply_body',
    });
    t.clock.set('2026-03-03T10:00:00Z');
    const replying = ctx(answerer.actor);
    await t.services.groupSpace.reply(replying, post.id, { body: 'Spørg efter ungdomskort.' });
    expect((await auditFor(t, replying.requestId!)).map((e) => [e.action, e.targetType])).toEqual([['group.reply', 'group_post_reply']]);
    t.clock.set('2026-03-03T11:00:00Z');
    await t.services.groupSpace.replyAsCounsellor(ctx(n.counsellor), group.id, post.id, { body: 'Vi tager det op på torsdag.' });

    const [seen] = await t.services.groupSpace.mine(ctx(asker.actor));
    expect(seen!.replies.map((r) => [r.author, r.body, r.mine, r.byCounsellor])).toEqual([
      [answerer.actor.name.split(' ')[0], 'Spørg efter ungdomskort.', false, false],
      [n.counsellor.name.split(' ')[0], 'Vi tager det op på torsdag.', false, true],
    ]);
    const [own] = await t.services.groupSpace.mine(ctx(answerer.actor));
    expect(own!.replies.map((r) => r.mine)).toEqual([true, false]);
  });

  it('only the group and its own counsellor: not another group, counsellor, the team or a company; not to a hidden or unknown post', async () => {
    const { n, group, answerer, outsider, post } = await spaceWithAQuestion();
    // Another group's member cannot reply (the post is not in their group) and sees nothing.
    expect((await failure(t.services.groupSpace.reply(ctx(outsider.actor), post.id, { body: 'Hej med jer' }))).code).toBe('not_found');
    expect(await t.services.groupSpace.mine(ctx(outsider.actor))).toEqual([]);
    const otherCounsellor = await makeUser(t, [{ role: 'youth_counsellor', municipalityId: n.m }]);
    const leader = await makeUser(t, [{ role: 'team_leader', municipalityId: n.m }]);
    for (const actor of [otherCounsellor, leader, n.consultant, n.supervisor, answerer.actor])
      expect((await failure(t.services.groupSpace.replyAsCounsellor(ctx(actor), group.id, post.id, { body: 'Hej med jer' }))).code).toBe(
        'not_found',
      );
    for (const actor of [otherCounsellor, leader, n.consultant, n.supervisor])
      expect((await failure(t.services.groupSpace.reply(ctx(actor), post.id, { body: 'Hej med jer' }))).code).toBe('not_found');
    expect(
      (await failure(t.services.groupSpace.reply(ctx(answerer.actor), '00000000-0000-4000-8000-000000000000', { body: 'Hej' }))).code,
    ).toBe('not_found');
    expect(await t.database.db.select().from(groupPostReplies).where(eq(groupPostReplies.postId, post.id))).toEqual([]);

    // A hidden post takes no replies, and its replies are not shown to the group.
    await t.services.groupSpace.reply(ctx(answerer.actor), post.id, { body: 'Spørg efter ungdomskort.' });
    await t.services.groupSpace.hide(ctx(n.counsellor), group.id, post.id);
    expect((await failure(t.services.groupSpace.reply(ctx(answerer.actor), post.id, { body: 'Og så?' }))).code).toBe('not_found');
    expect(await t.services.groupSpace.mine(ctx(answerer.actor))).toEqual([]);
  });

  it('the group counsellor hides a reply: kept, marked for the counsellor, gone for the group; no one else can', async () => {
    const { n, group, asker, answerer, post } = await spaceWithAQuestion();
    await t.services.groupSpace.reply(ctx(answerer.actor), post.id, { body: 'Ring til mig på 12345678' });
    await t.services.groupSpace.reply(ctx(asker.actor), post.id, { body: 'Tak for svaret!' });
    const { posts } = await t.services.groupSpace.forCounsellor(ctx(n.counsellor), group.id);
    const phone = posts[0]!.replies[0]!;
    const otherCounsellor = await makeUser(t, [{ role: 'youth_counsellor', municipalityId: n.m }]);
    for (const actor of [otherCounsellor, answerer.actor])
      expect((await failure(t.services.groupSpace.hideReply(ctx(actor), group.id, phone.id))).code).toBe('not_found');

    const hiding = ctx(n.counsellor);
    await t.services.groupSpace.hideReply(hiding, group.id, phone.id);
    expect((await auditFor(t, hiding.requestId!)).map((e) => e.action)).toEqual(['group.reply_hide']);
    expect((await t.services.groupSpace.mine(ctx(asker.actor)))[0]!.replies.map((r) => r.body)).toEqual(['Tak for svaret!']);
    const moderated = (await t.services.groupSpace.forCounsellor(ctx(n.counsellor), group.id)).posts[0]!.replies;
    expect(moderated.map((r) => [r.body, r.hidden])).toEqual([
      ['Ring til mig på 12345678', true],
      ['Tak for svaret!', false],
    ]);
    const [kept] = await t.database.db.select().from(groupPostReplies).where(eq(groupPostReplies.id, phone.id));
    expect(kept!.hiddenByUserId).toBe(n.counsellor.userId);
    expect((await failure(t.services.groupSpace.hideReply(ctx(n.counsellor), group.id, phone.id))).code).toBe('not_found');
  });
});
