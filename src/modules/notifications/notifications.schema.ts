import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../accounts/accounts.schema.ts';
import type { EmailMode } from './notifications.values.ts';

/**
 * A notification to one person. The key makes creating it idempotent (a week's feedback request
 * exists once however often the job runs); delivery gathers a person's pending ones into one email,
 * at least once: a batch is settled only after its email was sent.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    key: text('key').notNull().unique(),
    kind: text('kind').notNull(),
    params: jsonb('params').$type<Record<string, string | number>>().notNull(),
    /** A path in the platform, or a feedback link id to sign at delivery. */
    link: text('link').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    /** Settled: sent by email (and the send confirmed), or without email when the person chose none. */
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    emailed: text('emailed'),
    /**
     * A delivery run's lease: it is sending these until then. A run that dies before settling them
     * leaves the lease to expire, and a later run sends them again. One batch shares one value.
     */
    claimedUntil: timestamp('claimed_until', { withTimezone: true }),
  },
  (t) => [
    index('notifications_pending_idx').on(t.userId, t.deliveredAt),
    index('notifications_user_created_idx').on(t.userId, t.createdAt),
  ],
);

/** How and when a person wants email. Quiet hours are local (Europe/Copenhagen) whole hours. */
export const notificationPreferences = pgTable('notification_preferences', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  email: text('email').$type<EmailMode>().notNull().default('immediate'),
  quietFrom: integer('quiet_from').notNull().default(21),
  quietTo: integer('quiet_to').notNull().default(7),
  /** The hour a daily digest goes out. */
  digestHour: integer('digest_hour').notNull().default(8),
  lastDigestOn: text('last_digest_on'),
  /** A text message as well, saying only that there is something new (same quiet hours and digest). */
  sms: boolean('sms').notNull().default(false),
});

/**
 * Text messages waiting for the SMS gateway, written in the same transaction that settles their
 * batch of notifications: a gateway that fails loses nothing — the message is tried again with
 * backoff (attempts, next_attempt_at) and given up only after many tries (failed_at, last_error).
 */
export const smsMessages = pgTable(
  'sms_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** E.164: +45 and 8 digits, or +46 and 7–9 digits. */
    to: text('to').notNull(),
    text: text('text').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    /** When it may be tried (again); while a run sends it, the end of that run's lease. */
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    failedAt: timestamp('failed_at', { withTimezone: true }),
    lastError: text('last_error'),
  },
  (t) => [
    index('sms_messages_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`sent_at is null and failed_at is null`),
  ],
);

/** A personal calendar feed: only the hash of its secret is kept; a new one revokes the old. */
export const calendarFeeds = pgTable('calendar_feeds', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});
