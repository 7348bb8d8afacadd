import { boolean, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Development outbox: mail that would have been sent when no SMTP_URL is configured. */
export const outboxMessages = pgTable(
  'outbox_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    /** Who may read it (outbox-audience.ts): the recipient's municipality, and whether only the system administrator may. */
    municipalityId: uuid('municipality_id'),
    privileged: boolean('privileged').notNull().default(true),
  },
  (t) => [index('outbox_at_idx').on(t.at)],
);
