import { and, desc, eq, inArray, lt, type SQL } from 'drizzle-orm';
import type { AuditEvent } from '../../platform/audit/audit.repository.ts';
import { auditEvents } from '../../platform/audit/audit.schema.ts';
import type { Db } from '../../platform/db/client.ts';
import { users } from '../accounts/accounts.schema.ts';

export interface AuditEventView {
  event: AuditEvent;
  actorName: string | null;
}

/**
 * The audit log as people read it, with the actor's name (a read model: the platform writes the
 * log, accounts own the names).
 */
export class AuditLogRepository {
  constructor(private readonly db: Db) {}

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
