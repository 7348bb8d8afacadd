import type { Access } from '../../platform/access/access.ts';
import { type AuditKind, actionsOfKind, auditKinds } from '../../platform/audit/actions.ts';
import type { Context } from '../../platform/audit/audit.service.ts';
import type { AuditEventView, AuditLogRepository } from './audit-log.repository.ts';

/** How many entries a page of the log shows. */
export const AUDIT_PAGE = 50;

/** A kind from a query string; anything else is every kind. */
export function auditKind(value: unknown): AuditKind | undefined {
  return auditKinds.find((k) => k === value);
}

/** Reading the audit log: the team's view of its municipality, and each person's view of themselves. */
export class AuditLogService {
  constructor(
    private readonly repo: AuditLogRepository,
    private readonly access: Access,
  ) {}

  async listForMunicipality(ctx: Context, municipalityId: string, before?: number, kind?: AuditKind): Promise<AuditEventView[]> {
    await this.access.require(ctx, 'audit.read', [{ type: 'audit_log', id: municipalityId, municipalityId }]);
    return this.repo.list({ municipalityIds: [municipalityId], before, actions: kind && actionsOfKind(kind), limit: AUDIT_PAGE });
  }

  /** Everyone may read who saw or changed data about them. */
  async listAboutMe(ctx: Context, before?: number, kind?: AuditKind): Promise<AuditEventView[]> {
    const actor = this.access.requireActor(ctx);
    return this.repo.list({ subjectUserId: actor.userId, before, actions: kind && actionsOfKind(kind), limit: AUDIT_PAGE });
  }
}
