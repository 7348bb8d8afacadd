import { z } from 'zod';
import type { Access, AccessTarget } from '../../platform/access/access.ts';
import { type Actor, type Membership, actorMunicipalityIds, can, grantingMembership } from '../../platform/access/policy.ts';
import type { AuditEntry, AuditService, Context } from '../../platform/audit/audit.service.ts';
import type { Clock } from '../../platform/clock.ts';
import { notFound } from '../../platform/errors.ts';
import { isUuid, parseInput } from '../../platform/validation.ts';
import type { NotificationsService } from '../notifications/notifications.service.ts';
import type {
  Conversation,
  ConversationListItem,
  ConversationSubject,
  ConversationView,
  Message,
  MessagesRepository,
  ThreadMessage,
} from './messages.repository.ts';
import { type ConversationKind, MESSAGE_MAX_LENGTH, type MessageSide, conversationKinds } from './messages.values.ts';

export const messageInput = z.object({
  body: z
    .string({ error: 'validation.message_required' })
    .trim()
    .min(1, { error: 'validation.message_required' })
    .max(MESSAGE_MAX_LENGTH, { error: 'validation.message_long' }),
});

/** A conversation named by what it is about, whether or not it has a message yet. */
export interface ConversationRef {
  kind: ConversationKind;
  subjectId: string;
}

type Whose = Pick<ConversationSubject, 'municipalityId' | 'youthUserId' | 'companyId'>;

/** The one target for a conversation: its municipality, its young person (for themselves) and its company (for its contacts). */
const targetOf = (id: string, s: Whose | undefined): AccessTarget => ({
  type: 'conversation',
  id,
  municipalityId: s?.municipalityId ?? null,
  ownerUserId: s?.youthUserId ?? null,
  companyId: s?.companyId ?? undefined,
  subjectUserId: s?.youthUserId ?? null,
});

const sideOf = (role: Membership['role']): MessageSide => (role === 'youth' ? 'youth' : role === 'company_contact' ? 'company' : 'team');

/**
 * Messages between a young person and the people around them: their youth team (one conversation
 * per young person) and, per internship, the company's contact persons and the team. Who takes part
 * follows from the conversation's subject (`MessagesRepository.subjectOf`, `participants`); the
 * policy's `message.read`/`message.write` decide who reaches it — psychologists never do. Reads by
 * anyone but the young person are audited with the young person as subject. New messages are told
 * by notification (never their text), at most one per person per conversation until they have read it.
 */
export class MessagesService {
  constructor(
    private readonly repo: MessagesRepository,
    private readonly notifications: NotificationsService,
    private readonly access: Access,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  private async subject(ref: ConversationRef): Promise<ConversationSubject | undefined> {
    if (!conversationKinds.includes(ref.kind) || !isUuid(ref.subjectId)) return undefined;
    return this.repo.subjectOf(ref.kind, ref.subjectId);
  }

  private async conversation(id: string): Promise<ConversationView | undefined> {
    return isUuid(id) ? this.repo.find(id) : undefined;
  }

  /** An audit entry about a conversation (the young person is its subject). */
  private entry(
    c: Conversation & { youthUserId: string | null },
    role: string,
    action: string,
    details?: Record<string, unknown>,
  ): AuditEntry {
    return {
      action,
      actorRole: role,
      municipalityId: c.municipalityId,
      targetType: 'conversation',
      targetId: c.id,
      subjectUserId: c.youthUserId,
      details: { kind: c.kind, ...details },
    };
  }

  /** The signed-in young person's conversation with their team (it may not have a message yet). */
  async ownTeam(ctx: Context): Promise<ConversationRef> {
    const actor = this.access.requireActor(ctx);
    const own = await this.repo.youthOfUser(actor.userId);
    await this.access.requireOne(
      ctx,
      'message.read',
      targetOf(own?.id ?? '', own && { ...own, youthUserId: actor.userId, companyId: null }),
    );
    if (!own) throw notFound();
    return { kind: 'team', subjectId: own.id };
  }

  /**
   * A subject's conversation before opening it: who it is about, and its id once it has a message.
   * For the pages that start one (the young person's record, the internship page).
   */
  async about(ctx: Context, ref: ConversationRef): Promise<{ subject: ConversationSubject; conversationId: string | null }> {
    const s = await this.subject(ref);
    await this.access.requireOne(ctx, 'message.read', targetOf(ref.subjectId, s));
    if (!s) throw notFound();
    const existing = await this.repo.findBySubject(s.kind, s.subjectId);
    return { subject: s, conversationId: existing?.id ?? null };
  }

  /**
   * A conversation and its messages, oldest first. Reading moves the reader's marker to the newest
   * message; `readUpTo` is where it stood before, so the page can mark what is new.
   */
  async thread(ctx: Context, id: string): Promise<{ conversation: ConversationView; messages: ThreadMessage[]; readUpTo: number }> {
    const c = await this.conversation(id);
    const grant = await this.access.requireOne(ctx, 'message.read', targetOf(id, c));
    if (!c) throw notFound();
    const me = this.access.requireActor(ctx).userId;
    const [messages, readUpTo] = await Promise.all([this.repo.thread(id), this.repo.readMarker(id, me)]);
    const newest = messages.at(-1)?.seq ?? 0;
    await this.audit.atomically(async () => {
      if (newest > readUpTo) await this.repo.markRead(id, me, newest, this.clock.now());
      if (me !== c.youthUserId) await this.audit.record(ctx, this.entry(c, grant.role, 'conversation.read', { messages: messages.length }));
    });
    return { conversation: c, messages, readUpTo };
  }

  /** A reply in an existing conversation. */
  async post(ctx: Context, id: string, input: unknown): Promise<Message> {
    const c = await this.conversation(id);
    const grant = await this.access.requireOne(ctx, 'message.write', targetOf(id, c));
    if (!c) throw notFound();
    const { body } = parseInput(messageInput, input);
    return this.audit.atomically(() => this.write(ctx, grant, c, c, body));
  }

  /** The first message about a subject starts its conversation; later ones join it. */
  async postAbout(ctx: Context, ref: ConversationRef, input: unknown): Promise<Message> {
    const s = await this.subject(ref);
    const grant = await this.access.requireOne(ctx, 'message.write', targetOf(ref.subjectId, s));
    if (!s) throw notFound();
    const { body } = parseInput(messageInput, input);
    return this.audit.atomically(async () => {
      const c = await this.repo.findOrCreate(s, this.clock.now());
      return this.write(ctx, grant, { ...c, youthUserId: s.youthUserId }, s, body);
    });
  }

  /**
   * The message, its audit entry and the others' notifications: one unit. The author's read marker
   * stays where it was (their own messages never count as unread), so a message that arrived while
   * they were writing is still new to them.
   */
  private async write(
    ctx: Context,
    grant: Membership,
    c: Conversation & { youthUserId: string | null },
    whose: Whose,
    body: string,
  ): Promise<Message> {
    const actor = this.access.requireActor(ctx);
    const now = this.clock.now();
    const message = await this.repo.insertMessage({
      conversationId: c.id,
      authorUserId: actor.userId,
      side: sideOf(grant.role),
      body,
      createdAt: now,
    });
    await this.audit.record(ctx, this.entry(c, grant.role, 'conversation.write', { messageId: message.id }));
    const [people, markers] = await Promise.all([this.repo.participants(whose), this.repo.readMarkers(c.id)]);
    // Keyed by how far each person has read: one notification per conversation until they read it.
    await this.notifications.notify(
      people
        .filter((userId) => userId !== actor.userId)
        .map((userId) => ({
          userId,
          key: `message:${c.id}:${userId}:${markers.get(userId) ?? 0}`,
          kind: 'message_new',
          params: { from: actor.name },
          link: `/messages/${c.id}`,
        })),
    );
    return message;
  }

  /** How many messages the signed-in person has not read, for the home page: a number, no one's data. */
  async unreadCount(ctx: Context): Promise<number> {
    return (await this.visible(ctx)).reduce((sum, { r }) => sum + r.unread, 0);
  }

  private async visible(ctx: Context) {
    const actor = this.access.requireActor(ctx);
    const rows = await this.repo.listFor(actor.userId, {
      companyIds: actor.companyIds ?? [],
      teamMunicipalityIds: actorMunicipalityIds(actor).filter((m) => can(actor, 'message.read', [{ municipalityId: m }])),
    });
    return rows.flatMap((r) => {
      const grant = grantingMembership(actor, 'message.read', targetOf(r.id, r));
      return grant ? [{ r, grant }] : [];
    });
  }

  /**
   * The conversations the signed-in person takes part in, newest first, each with its number of
   * messages they have not read. For staff and company contacts the list is audited per conversation.
   */
  async mine(ctx: Context): Promise<ConversationListItem[]> {
    const actor = this.access.requireActor(ctx);
    const visible = await this.visible(ctx);
    const others = visible.filter(({ r }) => r.youthUserId !== actor.userId);
    if (others.length)
      await this.audit.record(
        ctx,
        others.map(({ r, grant }) => this.entry(r, grant.role, 'conversation.list')),
      );
    return visible.map(({ r }) => r);
  }

  /**
   * For the home page: how many messages the signed-in person has not read in all, and the
   * conversations with unread messages, newest first, each with its count. Zero and an empty list
   * for people who take part in none.
   */
  async unreadSummary(ctx: Context): Promise<{ unread: number; conversations: ConversationListItem[] }> {
    const unread = (await this.mine(ctx)).filter((c) => c.unread > 0);
    return { unread: unread.reduce((sum, c) => sum + c.unread, 0), conversations: unread };
  }
}

/** Which side of a conversation the viewer is on, for titles and labels. */
export function viewerSide(actor: Actor, c: Pick<ConversationView, 'youthUserId' | 'companyId'>): MessageSide {
  if (c.youthUserId === actor.userId) return 'youth';
  if (c.companyId && actor.companyIds?.includes(c.companyId)) return 'company';
  return 'team';
}
