import { and, desc, eq, inArray, lt, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { users } from '../../modules/accounts/accounts.schema.ts';
import { auditEvents } from './audit.schema.ts';

export type AuditEventInsert = typeof auditEvents.$inferInsert;
export type AuditEvent = typeof auditEvents.$inferSelect;
export interface AuditEventView {
  event: AuditEvent;
  actorName: string | null;
}

export class AuditRepository {
  constructor(private readonly db: Db) {}

  /** Runs `fn` in one transaction that every query inside it joins (platform/db/ambient.ts). */
  atomically<T>(fn: () => Promise<T>): Promise<T> {
    return this.db.transaction(() => fn());
  }

  async insert(events: AuditEventInsert[], db: Db = this.db): Promise<void> {
    if (events.length) await db.insert(auditEvents).values(events);
  }

  async list(filter: { municipalityIds?: string[]; subjectUserId?: string; before?: number; limit: number }): Promise<AuditEventView[]> {
    const where: SQL[] = [];
    if (filter.municipalityIds) where.push(inArray(auditEvents.municipalityId, filter.municipalityIds));
    if (filter.subjectUserId) where.push(eq(auditEvents.subjectUserId, filter.subjectUserId));
    if (filter.before) where.push(lt(auditEvents.id, filter.before));
    return this.db
      .select({ event: auditEvents, actorName: users.name })
      .from(auditEvents)
      .leftJoin(users, eq(users.id, auditEvents.actorUserId))
      .where(and(...where))
      .orderBy(desc(auditEvents.id))
      .limit(filter.limit);
  }
}
