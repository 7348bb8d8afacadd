import { sql } from 'drizzle-orm';
import { date, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../accounts/accounts.schema.ts';
import { municipalities } from '../municipalities/municipalities.schema.ts';
import { youth } from '../youth/youth.schema.ts';
import { conversationKinds, type NoteKind, readRequestAnswers } from './support.values.ts';

export const supportNotes = pgTable(
  'support_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    youthId: uuid('youth_id')
      .notNull()
      .references(() => youth.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<NoteKind>().notNull(),
    heldOn: date('held_on').notNull(),
    conversation: text('conversation').$type<(typeof conversationKinds)[number]>().notNull(),
    note: text('note').notNull(),
    nextStep: text('next_step').notNull().default(''),
    authorUserId: uuid('author_user_id').references(() => users.id),
    /** Set on a young person's note marked "only for my counsellor": the one person who may read it. */
    onlyForUserId: uuid('only_for_user_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('support_notes_youth_idx').on(t.youthId, t.kind, t.heldOn)],
);

/** A young person asks to read the psychologist's notes about them; a psychologist answers. */
export const noteReadRequests = pgTable(
  'note_read_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    youthId: uuid('youth_id')
      .notNull()
      .references(() => youth.id, { onDelete: 'cascade' }),
    askedAt: timestamp('asked_at', { withTimezone: true }).notNull(),
    answer: text('answer').$type<(typeof readRequestAnswers)[number]>(),
    answerText: text('answer_text').notNull().default(''),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    answeredByUserId: uuid('answered_by_user_id').references(() => users.id),
  },
  (t) => [
    index('note_read_requests_youth_idx').on(t.youthId, t.askedAt),
    uniqueIndex('note_read_requests_one_open_idx')
      .on(t.youthId)
      .where(sql`answer is null`),
  ],
);
