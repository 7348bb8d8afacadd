import { z } from 'zod';
import type { Access } from '../../platform/access/access.ts';
import type { AuditService, Context } from '../../platform/audit/audit.service.ts';
import type { Clock } from '../../platform/clock.ts';
import { notFound } from '../../platform/errors.ts';
import { isUuid, parseInput } from '../../platform/validation.ts';
import type { YouthRepository } from '../youth/youth.repository.ts';
import type { GroupsRepository, NetworkGroup } from './groups.repository.ts';
import { postKinds } from './groups.values.ts';

export const postInput = z.object({
  kind: z.enum(postKinds, { error: 'validation.post_kind' }),
  body: z
    .string({ error: 'validation.post_body' })
    .trim()
    .min(2, { error: 'validation.post_body' })
    .max(1000, { error: 'validation.text_long' }),
});

export const replyInput = z.object({
  body: z
    .string({ error: 'validation.reply_body' })
    .trim()
    .min(2, { error: 'validation.reply_body' })
    .max(1000, { error: 'validation.text_long' }),
});

export interface SpaceReply {
  id: string;
  body: string;
  createdAt: Date;
  author: string;
  mine: boolean;
  hidden: boolean;
  /** Written by the group's counsellor (shown with the role, so members know who answers). */
  byCounsellor: boolean;
}

export interface SpacePost {
  id: string;
  kind: (typeof postKinds)[number];
  body: string;
  createdAt: Date;
  author: string;
  mine: boolean;
  hidden: boolean;
  /** Oldest first, one level deep. */
  replies: SpaceReply[];
}

// Members know each other by first name in the group.
const firstName = (name: string) => name.split(' ')[0] ?? name;

/**
 * The group space between sessions: members share wins and questions with their own group only;
 * the team member assigned as the group's counsellor (any role) reads it and can hide a post. Nobody else — not the rest of the
 * team, not companies — can see it.
 */
export class GroupSpaceService {
  constructor(
    private readonly groups: GroupsRepository,
    private readonly youth: YouthRepository,
    private readonly access: Access,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  private async posts(group: NetworkGroup, viewerUserId: string, withHidden: boolean): Promise<SpacePost[]> {
    const rows = await this.groups.posts(group.id, withHidden);
    const replies = await this.groups.replies(
      group.id,
      rows.map(({ p }) => p.id),
      withHidden,
    );
    return rows.map(({ p, name }) => ({
      id: p.id,
      kind: p.kind,
      body: p.body,
      createdAt: p.createdAt,
      author: firstName(name),
      mine: p.authorUserId === viewerUserId,
      hidden: p.hiddenAt !== null,
      replies: replies
        .filter(({ r }) => r.postId === p.id)
        .map(({ r, name: replier }) => ({
          id: r.id,
          body: r.body,
          createdAt: r.createdAt,
          author: firstName(replier),
          mine: r.authorUserId === viewerUserId,
          hidden: r.hiddenAt !== null,
          byCounsellor: r.authorUserId === group.counsellorUserId,
        })),
    }));
  }

  /** The signed-in young person's group, by their own membership. */
  private async ownGroup(ctx: Context) {
    const actor = this.access.requireActor(ctx);
    const y = await this.youth.findByUser(actor.userId);
    const grant = await this.access.requireOne(ctx, 'group.post', {
      type: 'youth',
      id: y?.id ?? '',
      municipalityId: y?.municipalityId ?? null,
      ownerUserId: y?.userId ?? null,
    });
    const group = y && (await this.groups.groupOf(y.id));
    if (!y || !group) throw notFound();
    return { y, group, grant, actor };
  }

  /** My group's space (hidden posts are not shown). */
  async mine(ctx: Context): Promise<SpacePost[]> {
    const { group, actor } = await this.ownGroup(ctx);
    return this.posts(group, actor.userId, false);
  }

  async post(ctx: Context, input: unknown): Promise<void> {
    const { y, group, grant, actor } = await this.ownGroup(ctx);
    const data = parseInput(postInput, input);
    await this.audit.atomically(async () => {
      const row = await this.groups.insertPost({
        groupId: group.id,
        authorUserId: actor.userId,
        kind: data.kind,
        body: data.body,
        createdAt: this.clock.now(),
      });
      await this.audit.record(ctx, {
        action: 'group.post',
        actorRole: grant.role,
        municipalityId: y.municipalityId,
        targetType: 'group_post',
        targetId: row.id,
        subjectUserId: y.userId,
      });
    });
  }

  /** A member replies to a post in their own group's space (not to a hidden one, nor to a reply). */
  async reply(ctx: Context, postId: string, input: unknown): Promise<void> {
    const { y, group, grant, actor } = await this.ownGroup(ctx);
    const post = isUuid(postId) ? await this.groups.post(group.id, postId) : undefined;
    if (!post) throw notFound();
    const data = parseInput(replyInput, input);
    await this.insertReply(ctx, group, post.id, actor.userId, data.body, grant.role, y.userId);
  }

  /** The group's counsellor answers a post in the space (e.g. a question). */
  async replyAsCounsellor(ctx: Context, groupId: string, postId: string, input: unknown): Promise<void> {
    const { group, grant } = await this.moderated(ctx, groupId);
    const post = isUuid(postId) ? await this.groups.post(group.id, postId) : undefined;
    if (!post) throw notFound();
    const data = parseInput(replyInput, input);
    await this.insertReply(ctx, group, post.id, this.access.requireActor(ctx).userId, data.body, grant.role, null);
  }

  private async insertReply(
    ctx: Context,
    group: NetworkGroup,
    postId: string,
    authorUserId: string,
    body: string,
    role: string,
    subjectUserId: string | null,
  ): Promise<void> {
    await this.audit.atomically(async () => {
      const row = await this.groups.insertReply({ postId, groupId: group.id, authorUserId, body, createdAt: this.clock.now() });
      await this.audit.record(ctx, {
        action: 'group.reply',
        actorRole: role,
        municipalityId: group.municipalityId,
        targetType: 'group_post_reply',
        targetId: row.id,
        subjectUserId,
        details: { postId },
      });
    });
  }

  /** The group's counsellor reads the space, hidden posts included (marked); the read is audited. */
  private async moderated(ctx: Context, groupId: string) {
    const group = isUuid(groupId) ? await this.groups.find(groupId) : undefined;
    const grant = await this.access.requireOne(ctx, 'group.moderate', {
      type: 'network_group',
      id: groupId,
      municipalityId: group?.municipalityId ?? null,
      counsellorUserId: group?.counsellorUserId ?? null,
    });
    if (!group) throw notFound();
    return { group, grant };
  }

  async forCounsellor(ctx: Context, groupId: string): Promise<{ group: NetworkGroup; posts: SpacePost[] }> {
    const { group, grant } = await this.moderated(ctx, groupId);
    const posts = await this.posts(group, this.access.requireActor(ctx).userId, true);
    await this.audit.record(ctx, {
      action: 'group.space_read',
      actorRole: grant.role,
      municipalityId: group.municipalityId,
      targetType: 'network_group',
      targetId: group.id,
    });
    return { group, posts };
  }

  /** Hides a reply from the group; it is kept, marked hidden, for the record. */
  async hideReply(ctx: Context, groupId: string, replyId: string): Promise<void> {
    const { group, grant } = await this.moderated(ctx, groupId);
    if (!isUuid(replyId)) throw notFound();
    const hiddenBy = this.access.requireActor(ctx).userId;
    await this.audit.atomically(async () => {
      if (!(await this.groups.hideReply(group.id, replyId, this.clock.now(), hiddenBy))) throw notFound();
      await this.audit.record(ctx, {
        action: 'group.reply_hide',
        actorRole: grant.role,
        municipalityId: group.municipalityId,
        targetType: 'group_post_reply',
        targetId: replyId,
      });
    });
  }

  /** Hides a post from the group; it is kept, marked hidden, for the record. */
  async hide(ctx: Context, groupId: string, postId: string): Promise<void> {
    const { group, grant } = await this.moderated(ctx, groupId);
    if (!isUuid(postId)) throw notFound();
    const hiddenBy = this.access.requireActor(ctx).userId;
    await this.audit.atomically(async () => {
      if (!(await this.groups.hidePost(group.id, postId, this.clock.now(), hiddenBy))) throw notFound();
      await this.audit.record(ctx, {
        action: 'group.post_hide',
        actorRole: grant.role,
        municipalityId: group.municipalityId,
        targetType: 'group_post',
        targetId: postId,
      });
    });
  }
}
