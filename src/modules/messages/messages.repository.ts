import { and, asc, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { memberships, users } from '../accounts/accounts.schema.ts';
import { companies, companyContacts } from '../companies/companies.schema.ts';
import { internships } from '../internships/internships.schema.ts';
import { internshipOffers } from '../offers/offers.schema.ts';
import { youth } from '../youth/youth.schema.ts';
import { conversationMessages, conversationReads, conversations } from './messages.schema.ts';
import { type ConversationKind, conversationTeamRoles } from './messages.values.ts';

export type Conversation = typeof conversations.$inferSelect;
export type Message = typeof conversationMessages.$inferSelect;
export type NewMessage = typeof conversationMessages.$inferInsert;

/** What a conversation is about, resolved from its kind and subject id: whose it is, and which company is on the other side. */
export interface ConversationSubject {
  kind: ConversationKind;
  subjectId: string;
  municipalityId: string;
  youthId: string;
  youthUserId: string | null;
  youthFirstName: string;
  youthLastName: string;
  companyId: string | null;
  companyName: string | null;
}

/** A conversation with the names a page needs. */
export type ConversationView = Conversation & Omit<ConversationSubject, 'kind' | 'subjectId' | 'municipalityId' | 'youthId' | 'companyId'>;

/** A conversation in someone's list: how many messages they have not read. */
export type ConversationListItem = ConversationView & { unread: number };

/** A message in a thread, with its author's name. */
export type ThreadMessage = Message & { authorName: string | null };

const viewColumns = {
  c: conversations,
  youthUserId: youth.userId,
  youthFirstName: youth.firstName,
  youthLastName: youth.lastName,
  companyName: companies.name,
};
type ViewRow = { c: Conversation } & Omit<ConversationView, keyof Conversation>;
const toView = ({ c, ...names }: ViewRow): ConversationView => ({ ...c, ...names });

/** Conversations, their messages and each participant's read marker. */
export class MessagesRepository {
  constructor(private readonly db: Db) {}

  /**
   * Participant resolution, one case per kind: the subject's young person, municipality and the
   * company on the other side. Everyone else follows from these (see `participants`). A new kind
   * (an offer) adds its case here.
   */
  async subjectOf(kind: ConversationKind, subjectId: string): Promise<ConversationSubject | undefined> {
    switch (kind) {
      case 'team':
        return this.teamSubject(subjectId);
      case 'internship':
        return this.internshipSubject(subjectId);
      case 'offer':
        return this.offerSubject(subjectId);
    }
  }

  private async teamSubject(youthId: string): Promise<ConversationSubject | undefined> {
    const [row] = await this.db
      .select({
        municipalityId: youth.municipalityId,
        youthId: youth.id,
        youthUserId: youth.userId,
        youthFirstName: youth.firstName,
        youthLastName: youth.lastName,
      })
      .from(youth)
      .where(eq(youth.id, youthId))
      .limit(1);
    return row && { kind: 'team', subjectId: youthId, ...row, companyId: null, companyName: null };
  }

  private async internshipSubject(internshipId: string): Promise<ConversationSubject | undefined> {
    const [row] = await this.db
      .select({
        municipalityId: internships.municipalityId,
        youthId: internships.youthId,
        youthUserId: youth.userId,
        youthFirstName: youth.firstName,
        youthLastName: youth.lastName,
        companyId: internships.companyId,
        companyName: companies.name,
      })
      .from(internships)
      .innerJoin(youth, eq(youth.id, internships.youthId))
      .innerJoin(companies, eq(companies.id, internships.companyId))
      .where(eq(internships.id, internshipId))
      .limit(1);
    return row && { kind: 'internship', subjectId: internshipId, ...row };
  }

  /** A direct offer: the young person, the offering company's contacts and the youth team. */
  private async offerSubject(offerId: string): Promise<ConversationSubject | undefined> {
    const [row] = await this.db
      .select({
        municipalityId: internshipOffers.municipalityId,
        youthId: internshipOffers.youthId,
        youthUserId: youth.userId,
        youthFirstName: youth.firstName,
        youthLastName: youth.lastName,
        companyId: internshipOffers.companyId,
        companyName: companies.name,
      })
      .from(internshipOffers)
      .innerJoin(youth, eq(youth.id, internshipOffers.youthId))
      .innerJoin(companies, eq(companies.id, internshipOffers.companyId))
      .where(eq(internshipOffers.id, offerId))
      .limit(1);
    return row && { kind: 'offer', subjectId: offerId, ...row };
  }

  /**
   * Everyone who takes part in a conversation about this subject: the young person, the youth team
   * of their municipality (the internship's consultant among them) and, when a company is on the
   * other side, its contact persons. Disabled accounts are left out.
   */
  async participants(s: Pick<ConversationSubject, 'municipalityId' | 'youthUserId' | 'companyId'>): Promise<string[]> {
    const team = this.db
      .selectDistinct({ id: users.id })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(
        and(
          eq(memberships.municipalityId, s.municipalityId),
          inArray(memberships.role, [...conversationTeamRoles]),
          isNull(users.disabledAt),
        ),
      );
    const contacts = s.companyId
      ? await this.db
          .selectDistinct({ id: users.id })
          .from(companyContacts)
          .innerJoin(users, eq(users.id, companyContacts.userId))
          .innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.role, 'company_contact')))
          .where(
            and(eq(companyContacts.companyId, s.companyId), eq(memberships.municipalityId, s.municipalityId), isNull(users.disabledAt)),
          )
      : [];
    const ids = [...(s.youthUserId ? [s.youthUserId] : []), ...(await team).map((r) => r.id), ...contacts.map((r) => r.id)];
    return [...new Set(ids)];
  }

  /** The young person's record of a user, if they are one. */
  async youthOfUser(userId: string): Promise<{ id: string; municipalityId: string } | undefined> {
    const [row] = await this.db
      .select({ id: youth.id, municipalityId: youth.municipalityId })
      .from(youth)
      .where(eq(youth.userId, userId))
      .limit(1);
    return row;
  }

  private views() {
    return this.db
      .select(viewColumns)
      .from(conversations)
      .innerJoin(youth, eq(youth.id, conversations.youthId))
      .leftJoin(companies, eq(companies.id, conversations.companyId))
      .$dynamic();
  }

  async find(id: string): Promise<ConversationView | undefined> {
    const [row] = await this.views().where(eq(conversations.id, id)).limit(1);
    return row && toView(row);
  }

  async findBySubject(kind: ConversationKind, subjectId: string): Promise<Conversation | undefined> {
    const [row] = await this.db
      .select()
      .from(conversations)
      .where(and(eq(conversations.kind, kind), eq(conversations.subjectId, subjectId)))
      .limit(1);
    return row;
  }

  /** The subject's conversation, created if it has none yet (two first messages at once share one). */
  async findOrCreate(s: ConversationSubject, at: Date): Promise<Conversation> {
    const [created] = await this.db
      .insert(conversations)
      .values({
        municipalityId: s.municipalityId,
        youthId: s.youthId,
        kind: s.kind,
        subjectId: s.subjectId,
        companyId: s.companyId,
        createdAt: at,
        lastMessageAt: at,
      })
      .onConflictDoNothing({ target: [conversations.kind, conversations.subjectId] })
      .returning();
    return created ?? (await this.findBySubject(s.kind, s.subjectId))!;
  }

  async insertMessage(values: NewMessage): Promise<Message> {
    const [row] = await this.db.insert(conversationMessages).values(values).returning();
    await this.db.update(conversations).set({ lastMessageAt: values.createdAt }).where(eq(conversations.id, values.conversationId));
    return row!;
  }

  /** The thread, oldest first. */
  async thread(conversationId: string): Promise<ThreadMessage[]> {
    const rows = await this.db
      .select({ m: conversationMessages, authorName: users.name })
      .from(conversationMessages)
      .leftJoin(users, eq(users.id, conversationMessages.authorUserId))
      .where(eq(conversationMessages.conversationId, conversationId))
      .orderBy(asc(conversationMessages.seq));
    return rows.map((r) => ({ ...r.m, authorName: r.authorName }));
  }

  /** How far a person has read (0: nothing yet). */
  async readMarker(conversationId: string, userId: string): Promise<number> {
    const [row] = await this.db
      .select({ seq: conversationReads.lastReadSeq })
      .from(conversationReads)
      .where(and(eq(conversationReads.conversationId, conversationId), eq(conversationReads.userId, userId)))
      .limit(1);
    return row?.seq ?? 0;
  }

  /** Every participant's read marker in a conversation, by user. */
  async readMarkers(conversationId: string): Promise<Map<string, number>> {
    const rows = await this.db
      .select({ userId: conversationReads.userId, seq: conversationReads.lastReadSeq })
      .from(conversationReads)
      .where(eq(conversationReads.conversationId, conversationId));
    return new Map(rows.map((r) => [r.userId, r.seq]));
  }

  /** Moves a person's read marker forward to a message (never back). */
  async markRead(conversationId: string, userId: string, seq: number, at: Date): Promise<void> {
    await this.db
      .insert(conversationReads)
      .values({ conversationId, userId, lastReadSeq: seq, readAt: at })
      .onConflictDoUpdate({
        target: [conversationReads.conversationId, conversationReads.userId],
        set: { lastReadSeq: sql`greatest(${conversationReads.lastReadSeq}, excluded.last_read_seq)`, readAt: at },
      });
  }

  /**
   * The conversations a person may be part of, newest first, with their unread counts: the young
   * person's own, their companies' and, for the youth team, their municipalities'. The service
   * checks each against the policy.
   */
  async listFor(userId: string, scope: { companyIds: string[]; teamMunicipalityIds: string[] }): Promise<ConversationListItem[]> {
    const unread = sql<number>`(select count(*) from ${conversationMessages} m
      where m.conversation_id = ${conversations.id}
        and m.seq > coalesce((select r.last_read_seq from ${conversationReads} r where r.conversation_id = ${conversations.id} and r.user_id = ${userId}), 0)
        and m.author_user_id is distinct from ${userId})`.mapWith(Number);
    const rows = await this.db
      .select({ ...viewColumns, unread })
      .from(conversations)
      .innerJoin(youth, eq(youth.id, conversations.youthId))
      .leftJoin(companies, eq(companies.id, conversations.companyId))
      .where(
        or(
          eq(youth.userId, userId),
          scope.companyIds.length ? inArray(conversations.companyId, scope.companyIds) : undefined,
          scope.teamMunicipalityIds.length ? inArray(conversations.municipalityId, scope.teamMunicipalityIds) : undefined,
        ),
      )
      .orderBy(desc(conversations.lastMessageAt))
      .limit(500);
    return rows.map(({ unread: n, ...row }) => ({ ...toView(row), unread: n }));
  }
}
