import { and, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { outboxMessages } from './mail.schema.ts';

export type OutboxMessage = typeof outboxMessages.$inferSelect;

/**
 * The newest messages someone may read: all (`'all'`, the system administrator), or those to
 * unprivileged people of the given municipalities.
 */
export async function listOutbox(db: Db, readable: 'all' | string[], limit = 50): Promise<OutboxMessage[]> {
  if (readable !== 'all' && !readable.length) return [];
  const where: SQL | undefined =
    readable === 'all' ? undefined : and(eq(outboxMessages.privileged, false), inArray(outboxMessages.municipalityId, readable));
  return db.select().from(outboxMessages).where(where).orderBy(desc(outboxMessages.at)).limit(limit);
}

/** The development outbox (mail.schema.ts). */
export class OutboxRepository {
  constructor(private readonly db: Db) {}

  async insert(values: typeof outboxMessages.$inferInsert): Promise<void> {
    await this.db.insert(outboxMessages).values(values);
  }

  list(readable: 'all' | string[], limit?: number): Promise<OutboxMessage[]> {
    return listOutbox(this.db, readable, limit);
  }
}
