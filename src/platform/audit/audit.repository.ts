import type { Db } from '../db/client.ts';
import { auditEvents } from './audit.schema.ts';

export type AuditEventInsert = typeof auditEvents.$inferInsert;
export type AuditEvent = typeof auditEvents.$inferSelect;

/** Appends to the audit log; reading it (with names) is modules/audit-log's. */
export class AuditRepository {
  constructor(private readonly db: Db) {}

  /** Runs `fn` in one transaction that every query inside it joins (platform/db/ambient.ts). */
  atomically<T>(fn: () => Promise<T>): Promise<T> {
    return this.db.transaction(() => fn());
  }

  async insert(events: AuditEventInsert[]): Promise<void> {
    if (events.length) await this.db.insert(auditEvents).values(events);
  }
}
