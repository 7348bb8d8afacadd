import { and, desc, eq, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { AuditEvent } from '../../platform/audit/audit.repository.ts';
import { auditEvents } from '../../platform/audit/audit.schema.ts';
import type { Db } from '../../platform/db/client.ts';
import { users } from '../accounts/accounts.schema.ts';
import { companies, companyContacts } from '../companies/companies.schema.ts';
import { municipalities } from '../municipalities/municipalities.schema.ts';

export interface AuditEventView {
  event: AuditEvent;
  actorName: string | null;
  /** Where the actor acted from: the entry's municipality … */
  municipalityName: string | null;
  /** … or, for a company contact, their company. */
  companyName: string | null;
}

/**
 * The audit log as people read it, with the actor's name and organisation (a read model: the
 * platform writes the log, accounts, municipalities and companies own the names).
 */
export class AuditLogRepository {
  constructor(private readonly db: Db) {}

  async list(filter: {
    municipalityIds?: string[];
    subjectUserId?: string;
    /** Only these actions (a kind of entry: reads, changes, sign-ins). */
    actions?: readonly string[];
    before?: number;
    limit: number;
  }): Promise<AuditEventView[]> {
    const where: SQL[] = [];
    if (filter.municipalityIds) where.push(inArray(auditEvents.municipalityId, filter.municipalityIds));
    if (filter.subjectUserId) where.push(eq(auditEvents.subjectUserId, filter.subjectUserId));
    if (filter.actions) where.push(inArray(auditEvents.action, [...filter.actions]));
    if (filter.before) where.push(lt(auditEvents.id, filter.before));
    const companyOfContact = sql<string | null>`case when ${auditEvents.actorRole} = 'company_contact' then (
      select min(${companies.name}) from ${companyContacts} join ${companies} on ${companies.id} = ${companyContacts.companyId}
      where ${companyContacts.userId} = ${auditEvents.actorUserId}) end`;
    return this.db
      .select({ event: auditEvents, actorName: users.name, municipalityName: municipalities.name, companyName: companyOfContact })
      .from(auditEvents)
      .leftJoin(users, eq(users.id, auditEvents.actorUserId))
      .leftJoin(municipalities, eq(municipalities.id, auditEvents.municipalityId))
      .where(and(...where))
      .orderBy(desc(auditEvents.id))
      .limit(filter.limit);
  }
}
