import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { users } from '../../modules/accounts/accounts.schema.ts';
import { calendarFeeds, notificationPreferences, notifications } from './notifications.schema.ts';

export type Notification = typeof notifications.$inferSelect;
export type NewNotification = Omit<typeof notifications.$inferInsert, 'id' | 'deliveredAt' | 'emailed'>;
export type Preferences = typeof notificationPreferences.$inferSelect;

export class NotificationsRepository {
  constructor(private readonly db: Db) {}

  /** Inserts the ones whose key is new; returns those (so a job run twice creates each once). */
  async insertNew(rows: NewNotification[], db: Db = this.db): Promise<Notification[]> {
    if (!rows.length) return [];
    return db.insert(notifications).values(rows).onConflictDoNothing({ target: notifications.key }).returning();
  }

  async usersWithPending(): Promise<string[]> {
    const rows = await this.db
      .selectDistinct({ userId: notifications.userId })
      .from(notifications)
      .where(isNull(notifications.deliveredAt));
    return rows.map((r) => r.userId);
  }

  /** Claims a person's pending notifications; a second worker claiming at the same time gets none of them. */
  async claimPending(userId: string, at: Date): Promise<Notification[]> {
    return this.db
      .update(notifications)
      .set({ deliveredAt: at })
      .where(
        inArray(
          notifications.id,
          sql`(select id from ${notifications} where ${notifications.userId} = ${userId} and ${notifications.deliveredAt} is null for update skip locked)`,
        ),
      )
      .returning();
  }

  async release(ids: string[]): Promise<void> {
    if (ids.length) await this.db.update(notifications).set({ deliveredAt: null }).where(inArray(notifications.id, ids));
  }

  async markEmailed(ids: string[], email: string): Promise<void> {
    if (ids.length) await this.db.update(notifications).set({ emailed: email }).where(inArray(notifications.id, ids));
  }

  async recent(userId: string, limit = 30): Promise<Notification[]> {
    return this.db.select().from(notifications).where(eq(notifications.userId, userId)).orderBy(desc(notifications.createdAt)).limit(limit);
  }

  async recipient(userId: string): Promise<{ email: string; name: string; locale: string } | undefined> {
    const [row] = await this.db
      .select({ email: users.email, name: users.name, locale: users.locale })
      .from(users)
      .where(eq(users.id, userId));
    return row;
  }

  async preferences(userId: string): Promise<Preferences> {
    const [row] = await this.db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, userId));
    return row ?? { userId, email: 'immediate', quietFrom: 21, quietTo: 7, digestHour: 8, lastDigestOn: null };
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
