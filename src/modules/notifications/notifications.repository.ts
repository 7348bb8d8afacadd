import { and, desc, eq, inArray, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { users } from '../accounts/accounts.schema.ts';
import { youth } from '../youth/youth.schema.ts';
import { calendarFeeds, notificationPreferences, notifications, smsMessages } from './notifications.schema.ts';

export type Notification = typeof notifications.$inferSelect;
export type NewNotification = Omit<typeof notifications.$inferInsert, 'id' | 'deliveredAt' | 'emailed' | 'claimedUntil'>;
export type Preferences = typeof notificationPreferences.$inferSelect;
export type SmsMessage = typeof smsMessages.$inferSelect;

const unleased = (now: Date) => or(isNull(notifications.claimedUntil), lte(notifications.claimedUntil, now));

export class NotificationsRepository {
  constructor(private readonly db: Db) {}

  /** Inserts the ones whose key is new; returns those (so a job run twice creates each once). */
  async insertNew(rows: NewNotification[], db: Db = this.db): Promise<Notification[]> {
    if (!rows.length) return [];
    return db.insert(notifications).values(rows).onConflictDoNothing({ target: notifications.key }).returning();
  }

  /** People with unsettled notifications that no run holds a lease on at `now`. */
  async usersWithPending(now: Date): Promise<string[]> {
    const rows = await this.db
      .selectDistinct({ userId: notifications.userId })
      .from(notifications)
      .where(and(isNull(notifications.deliveredAt), unleased(now)));
    return rows.map((r) => r.userId);
  }

  /**
   * Claims a person's never-claimed notifications for a delivery run until `until`; a second worker
   * claiming at the same time gets none of them.
   */
  async claimPending(userId: string, now: Date, until: Date): Promise<Notification[]> {
    return this.claim(userId, now, until, sql`${notifications.claimedUntil} is null`);
  }

  /**
   * Claims again, until `until`, the oldest batch whose lease expired before it was settled (its run
   * died, or its send failed): the same notifications, so that the resend is the same email.
   */
  async claimExpired(userId: string, now: Date, until: Date): Promise<Notification[]> {
    const oldest = sql`(select min(${notifications.claimedUntil}) from ${notifications} where ${notifications.userId} = ${userId} and ${notifications.deliveredAt} is null and ${notifications.claimedUntil} <= ${now})`;
    return this.claim(userId, now, until, sql`${notifications.claimedUntil} = ${oldest}`);
  }

  private async claim(userId: string, now: Date, until: Date, which: SQL): Promise<Notification[]> {
    const free = and(eq(notifications.userId, userId), isNull(notifications.deliveredAt), unleased(now));
    return this.db
      .update(notifications)
      .set({ claimedUntil: until })
      .where(and(free, inArray(notifications.id, sql`(select id from ${notifications} where ${free} and ${which} for update skip locked)`)))
      .returning();
  }

  /** Ends a lease now, unsettled: the next run sends the batch again (as the same email). */
  async release(ids: string[], at: Date): Promise<void> {
    if (ids.length)
      await this.db
        .update(notifications)
        .set({ claimedUntil: at })
        .where(and(inArray(notifications.id, ids), isNull(notifications.deliveredAt)));
  }

  /** Settles a batch: sent to `emailed`, or (null) without email. */
  async markDelivered(ids: string[], at: Date, emailed: string | null): Promise<void> {
    if (ids.length)
      await this.db
        .update(notifications)
        .set({ deliveredAt: at, emailed, claimedUntil: null })
        .where(and(inArray(notifications.id, ids), isNull(notifications.deliveredAt)));
  }

  async recent(userId: string, limit = 30): Promise<Notification[]> {
    return this.db.select().from(notifications).where(eq(notifications.userId, userId)).orderBy(desc(notifications.createdAt)).limit(limit);
  }

  /** Who gets a person's notifications; the phone is their own (contact profile), else their youth record's. */
  async recipient(userId: string): Promise<{ email: string; name: string; locale: string; phone: string } | undefined> {
    const [row] = await this.db
      .select({
        email: users.email,
        name: users.name,
        locale: users.locale,
        phone: sql<string>`coalesce(nullif(${users.phone}, ''), (select ${youth.phone} from ${youth} where ${youth.userId} = ${users.id} limit 1), '')`,
      })
      .from(users)
      .where(eq(users.id, userId));
    return row;
  }

  async queueSms(values: { userId: string; to: string; text: string; at: Date }): Promise<void> {
    await this.db
      .insert(smsMessages)
      .values({ userId: values.userId, to: values.to, text: values.text, createdAt: values.at, nextAttemptAt: values.at });
  }

  /** Claims up to `limit` text messages due at `now` until `until` (a second worker gets others). */
  async claimDueSms(now: Date, until: Date, limit: number): Promise<SmsMessage[]> {
    const due = sql`(select id from ${smsMessages} where ${smsMessages.sentAt} is null and ${smsMessages.failedAt} is null and ${smsMessages.nextAttemptAt} <= ${now} order by ${smsMessages.nextAttemptAt} limit ${limit} for update skip locked)`;
    return this.db.update(smsMessages).set({ nextAttemptAt: until }).where(inArray(smsMessages.id, due)).returning();
  }

  async smsSent(id: string, at: Date, attempts: number): Promise<void> {
    await this.db.update(smsMessages).set({ sentAt: at, attempts, lastError: null }).where(eq(smsMessages.id, id));
  }

  /** A failed try: again at `retryAt`, or given up (null) at `at`. */
  async smsFailed(id: string, attempts: number, error: string, at: Date, retryAt: Date | null): Promise<void> {
    await this.db
      .update(smsMessages)
      .set({ attempts, lastError: error, ...(retryAt ? { nextAttemptAt: retryAt } : { failedAt: at }) })
      .where(eq(smsMessages.id, id));
  }

  async smsFor(userId: string): Promise<SmsMessage[]> {
    return this.db.select().from(smsMessages).where(eq(smsMessages.userId, userId)).orderBy(smsMessages.createdAt);
  }

  async preferences(userId: string): Promise<Preferences> {
    const [row] = await this.db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, userId));
    return row ?? { userId, email: 'immediate', quietFrom: 21, quietTo: 7, digestHour: 8, lastDigestOn: null, sms: false };
  }

  async savePreferences(values: Omit<Preferences, 'lastDigestOn'>): Promise<void> {
    const { userId: _u, ...set } = values;
    await this.db.insert(notificationPreferences).values(values).onConflictDoUpdate({ target: notificationPreferences.userId, set });
  }

  /** Records today's daily digest; false when another worker already sent it. */
  async takeDigestSlot(userId: string, day: string): Promise<boolean> {
    await this.db.insert(notificationPreferences).values({ userId }).onConflictDoNothing();
    const rows = await this.db
      .update(notificationPreferences)
      .set({ lastDigestOn: day })
      .where(and(eq(notificationPreferences.userId, userId), sql`${notificationPreferences.lastDigestOn} is distinct from ${day}`))
      .returning({ userId: notificationPreferences.userId });
    return rows.length === 1;
  }

  async setFeed(userId: string, tokenHash: string, at: Date): Promise<void> {
    await this.db
      .insert(calendarFeeds)
      .values({ userId, tokenHash, createdAt: at })
      .onConflictDoUpdate({ target: calendarFeeds.userId, set: { tokenHash, createdAt: at } });
  }

  async deleteFeed(userId: string): Promise<void> {
    await this.db.delete(calendarFeeds).where(eq(calendarFeeds.userId, userId));
  }

  async feed(userId: string): Promise<{ createdAt: Date } | undefined> {
    const [row] = await this.db.select({ createdAt: calendarFeeds.createdAt }).from(calendarFeeds).where(eq(calendarFeeds.userId, userId));
    return row;
  }

  async feedOwner(tokenHash: string): Promise<string | undefined> {
    const [row] = await this.db.select({ userId: calendarFeeds.userId }).from(calendarFeeds).where(eq(calendarFeeds.tokenHash, tokenHash));
    return row?.userId;
  }
}
