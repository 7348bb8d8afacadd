import type { Access } from '../access/access.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/client.ts';
import type { Actor } from '../access/policy.ts';
import type { AuditEventView, AuditRepository } from './audit.repository.ts';

export interface AuditEntry {
  action: string;
  outcome?: 'allowed' | 'denied' | 'failed';
  actorRole?: string | null;
  municipalityId?: string | null;
  targetType?: string;
  targetId?: string;
  subjectUserId?: string | null;
  details?: Record<string, unknown>;
}

/** Context of one request or job: who acts, and the request id for the logs. */
export interface Context {
  actor: Actor | null;
  requestId?: string;
}

/** Appends to the audit log. There is deliberately no update or delete. */
export class AuditService {
  constructor(
    private readonly repo: AuditRepository,
    private readonly clock: Clock,
  ) {}

  async record(ctx: Context, entries: AuditEntry | AuditEntry[], db?: Db): Promise<void> {
    const list = Array.isArray(entries) ? entries : [entries];
    const at = this.clock.now();
    await this.repo.insert(
      list.map((e) => ({
        at,
        actorUserId: ctx.actor?.userId ?? null,
        actorRole: e.actorRole ?? null,
        municipalityId: e.municipalityId ?? null,
        action: e.action,
        outcome: e.outcome ?? 'allowed',
        targetType: e.targetType ?? null,
        targetId: e.targetId ?? null,
        subjectUserId: e.subjectUserId ?? null,
        requestId: ctx.requestId ?? null,
        details: e.details ?? null,
      })),
      db,
    );
  }
}

/** Reading the audit log: the team's view of its municipality, and each person's view of themselves. */
export class AuditLogService {
  constructor(
    private readonly repo: AuditRepository,
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
