import type { Access } from '../../platform/access/access.ts';
import type { AuditService, Context } from '../../platform/audit/audit.service.ts';
import type { Clock } from '../../platform/clock.ts';
import { invalid, notFound } from '../../platform/errors.ts';
import { isUuid, parseInput } from '../../platform/validation.ts';
import { caseworkerInput } from './caseworker.inputs.ts';
import type { Youth, YouthRepository } from './youth.repository.ts';

export interface CaseworkerChoice {
  id: string;
  name: string;
  email: string;
}

/**
 * The young person's jobcentre caseworker as a user: the team chooses them among the
 * municipality's caseworkers (or invites one). The free-text name written at referral stays as
 * history and is shown while nobody is linked. The linked caseworker is the one person the
 * 6-weekly reports go to and who approves internships for the jobcentre.
 */
export class CaseworkerLinkService {
  constructor(
    private readonly repo: YouthRepository,
    private readonly access: Access,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    /**
     * Runs in the same transaction when a caseworker is linked: the reports the young person has
     * read and agreed to send, which waited only for a caseworker, go to them now (wired to the
     * reports in the composition root).
     */
    private readonly onLinked: (youthId: string, at: Date) => Promise<void> = async () => {},
  ) {}

  private async load(ctx: Context, id: string): Promise<{ y: Youth; role: string }> {
    const y = isUuid(id) ? await this.repo.find(id) : undefined;
    const grant = await this.access.requireOne(ctx, 'youth.link_caseworker', {
      type: 'youth',
      id,
      municipalityId: y?.municipalityId ?? null,
      subjectUserId: y?.userId ?? null,
    });
    if (!y) throw notFound();
    return { y, role: grant.role };
  }

  /** The municipality's caseworkers to choose from, and the one linked now. */
  async choices(ctx: Context, youthId: string): Promise<{ linked: CaseworkerChoice | null; caseworkers: CaseworkerChoice[] }> {
    const { y } = await this.load(ctx, youthId);
    const caseworkers = await this.repo.caseworkers(y.municipalityId);
    return { linked: caseworkers.find((c) => c.id === y.caseworkerUserId) ?? null, caseworkers };
  }

  /** Links the chosen caseworker (one of the municipality's), or unlinks; audited with the young person as subject. */
  async link(ctx: Context, youthId: string, input: unknown): Promise<void> {
    const { y, role } = await this.load(ctx, youthId);
    const { caseworkerUserId } = parseInput(caseworkerInput, input);
    if (caseworkerUserId && !(await this.repo.caseworkers(y.municipalityId)).some((c) => c.id === caseworkerUserId))
      throw invalid({ caseworkerUserId: 'validation.caseworker_user' });
    const now = this.clock.now();
    await this.audit.atomically(async () => {
      await this.repo.setCaseworker(y.id, caseworkerUserId, now);
      if (caseworkerUserId) await this.onLinked(y.id, now);
      await this.audit.record(ctx, {
        action: caseworkerUserId ? 'youth.link_caseworker' : 'youth.unlink_caseworker',
        actorRole: role,
        municipalityId: y.municipalityId,
        targetType: 'youth',
        targetId: y.id,
        subjectUserId: y.userId,
        details: caseworkerUserId ? { caseworkerUserId } : undefined,
      });
    });
  }
}
