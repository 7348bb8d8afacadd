import type { Access } from '../../platform/access/access.ts';
import type { Context } from '../../platform/audit/audit.service.ts';
import type { AuditEventView, AuditLogRepository } from './audit-log.repository.ts';

/** Reading the audit log: the team's view of its municipality, and each person's view of themselves. */
export class AuditLogService {
  constructor(
    private readonly repo: AuditLogRepository,
    private readonly access: Access,
  ) {}

  async listForMunicipality(ctx: Context, municipalityId: string, before?: number): Promise<AuditEventView[]> {
    await this.access.require(ctx, 'audit.read', [{ type: 'audit_log', id: municipalityId, municipalityId }]);
    return this.repo.list({ municipalityIds: [municipalityId], before, limit: 50 });
  }

  /** Everyone may read who saw or changed data about them. */
  async listAboutMe(ctx: Context, before?: number): Promise<AuditEventView[]> {
    const actor = this.access.requireActor(ctx);
    return this.repo.list({ subjectUserId: actor.userId, before, limit: 50 });
  }
}
