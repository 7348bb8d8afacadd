import { sql } from 'drizzle-orm';
import { bigint, check, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../accounts/accounts.schema.ts';
import { companies } from '../companies/companies.schema.ts';
import { municipalities } from '../municipalities/municipalities.schema.ts';
import { youth } from '../youth/youth.schema.ts';
import type { ConversationKind, MessageSide } from './messages.values.ts';

/**
 * A conversation about one subject: a kind and the subject's id (the young person for `team`, the
 * internship for `internship`). Created on its first message; one per subject. Who takes part is
 * not stored: it follows from the subject (the young person, the municipality's youth team, the
 * company's contacts), so a new contact person or team member takes part from then on.
 */
export const conversations = pgTable(
  'conversations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    youthId: uuid('youth_id')
      .notNull()
      .references(() => youth.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<ConversationKind>().notNull(),
    subjectId: uuid('subject_id').notNull(),
    /** The company on the other side (an internship's, an offer's); null for the team conversation. */
    companyId: uuid('company_id').references(() => companies.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastMessageAt: timestamp('last_message_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('conversations_subject_idx').on(t.kind, t.subjectId),
    index('conversations_municipality_idx').on(t.municipalityId, t.lastMessageAt),
    index('conversations_youth_idx').on(t.youthId),
    index('conversations_company_idx').on(t.companyId),
  ],
);

/** A plain-text message. `seq` orders a thread and marks what each participant has read. */
export const conversationMessages = pgTable(
  'conversation_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity().notNull(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    authorUserId: uuid('author_user_id').references(() => users.id),
    /** The author's side when they wrote: the young person, the company or the youth team. */
    side: text('side').$type<MessageSide>().notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('conversation_messages_thread_idx').on(t.conversationId, t.seq),
    check('conversation_messages_body_check', sql`char_length(body) between 1 and 2000`),
  ],
);

/** How far each participant has read a conversation (never shown to the others): unread counts. */
export const conversationReads = pgTable(
  'conversation_reads',
  {
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    lastReadSeq: bigint('last_read_seq', { mode: 'number' }).notNull(),
    readAt: timestamp('read_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.conversationId, t.userId] })],
);
