import { AppError, notFound } from '../errors.ts';
import type { AuditService, Context } from '../audit/audit.service.ts';
import { type Action, type Actor, type Membership, type Target, grantingMembership } from './policy.ts';

export interface AccessTarget extends Target {
  type: string;
  id: string;
  /** The person the record is about, for the audit trail. */
  subjectUserId?: string | null;
}

/**
 * The one permission check, called first in every service method. Set-based: all targets or
 * nothing. Forbidden looks like not found, and every denial is audited.
 */
export class Access {
  constructor(private readonly audit: AuditService) {}

  requireActor(ctx: Context): Actor {
    if (!ctx.actor) throw new AppError('unauthenticated', 'errors.unauthenticated');
    return ctx.actor;
  }

  /** Returns the granting membership per target (same order). Throws not_found if any is denied. */
  async require(ctx: Context, action: Action, targets: readonly AccessTarget[]): Promise<Membership[]> {
    const actor = this.requireActor(ctx);
    const grants = targets.map((t) => grantingMembership(actor, action, t));
    const denied = targets.filter((_, i) => !grants[i]);
    if (denied.length) {
      await this.audit.record(
        ctx,
        denied.map((t) => ({
          action,
          outcome: 'denied' as const,
          municipalityId: t.municipalityId,
          targetType: t.type,
          targetId: t.id,
          subjectUserId: t.subjectUserId ?? null,
        })),
      );
      throw notFound();
    }
    return grants as Membership[];
  }

  /** One target: its one granting membership (no array to unpack, nothing undefined to assert). */
  async requireOne(ctx: Context, action: Action, target: AccessTarget): Promise<Membership> {
    const [grant] = await this.require(ctx, action, [target]);
    return grant!;
  }

  /** For actions without a particular record (e.g. create a municipality). */
  async requireAction(ctx: Context, action: Action, target: Omit<AccessTarget, 'id'> & { id?: string }): Promise<Membership> {
    return this.requireOne(ctx, action, { ...target, id: target.id ?? '' });
  }
}
