import type { Access } from '../../platform/access/access.ts';
import type { AuditService, Context } from '../../platform/audit/audit.service.ts';
import type { Clock } from '../../platform/clock.ts';
import { localDate } from '../../platform/dates.ts';
import { invalid, notFound } from '../../platform/errors.ts';
import { isUuid, parseInput } from '../../platform/validation.ts';
import type { Youth, YouthRepository } from '../youth/youth.repository.ts';
import { counsellorAssessmentInput, ownAssessmentInput } from './movement.inputs.ts';
import type { Assessment, AssessmentInsert, MovementRepository } from './movement.repository.ts';

/**
 * Movement tracking: every few weeks the counsellor scores a young person's direction,
 * persistence, curiosity, resilience and self-esteem (1–10, each with a short reason); the young
 * person can put their own scores beside the counsellor's. Reads are audited with the young
 * person as subject.
 */
export class MovementService {
  constructor(
    private readonly repo: MovementRepository,
    private readonly youth: YouthRepository,
    private readonly access: Access,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  private async young(youthId: string) {
    return isUuid(youthId) ? this.youth.find(youthId) : undefined;
  }

  private target(youthId: string, y: Youth | undefined) {
    return {
      type: 'youth',
      id: youthId,
      municipalityId: y?.municipalityId ?? null,
      subjectUserId: y?.userId ?? null,
      ownerUserId: y?.userId ?? null,
    };
  }

  /** A young person's scorings over time, the counsellor's and their own. */
  async history(ctx: Context, youthId: string): Promise<{ youth: Youth; assessments: Assessment[] }> {
    const y = await this.young(youthId);
    const grant = await this.access.requireOne(ctx, 'movement.read', this.target(youthId, y));
    if (!y) throw notFound();
    const assessments = await this.repo.forYouth(y.id);
    await this.audit.record(ctx, {
      action: 'movement.read',
      actorRole: grant.role,
      municipalityId: y.municipalityId,
      targetType: 'youth',
      targetId: y.id,
      subjectUserId: y.userId,
    });
    return { youth: y, assessments };
  }

  /** The counsellor's scoring of a day (not in the future); scoring the same day again replaces it. */
  async score(ctx: Context, youthId: string, input: unknown): Promise<Assessment> {
    const y = await this.young(youthId);
    const grant = await this.access.requireOne(ctx, 'movement.score', this.target(youthId, y));
    if (!y) throw notFound();
    const data = parseInput(counsellorAssessmentInput, input);
    if (data.assessedOn > localDate(this.clock.now())) throw invalid({ assessedOn: 'validation.date_future' });
    const row = {
      municipalityId: y.municipalityId,
      youthId: y.id,
      assessedOn: data.assessedOn,
      source: 'counsellor' as const,
      scores: data.scores,
      reasons: data.reasons,
      authorUserId: this.access.requireActor(ctx).userId,
      createdAt: this.clock.now(),
    };
    return this.saveAudited(ctx, row, y, grant.role, 'movement.score');
  }

  private async own(ctx: Context) {
    const actor = this.access.requireActor(ctx);
    const y = await this.youth.findByUser(actor.userId);
    const grant = await this.access.requireOne(ctx, 'movement.own', this.target(y?.id ?? '', y));
    if (!y) throw notFound();
    return { y, grant };
  }

  /** My scorings: the counsellor's with their reasons, and mine beside them. */
  async mine(ctx: Context): Promise<Assessment[]> {
    const { y } = await this.own(ctx);
    return this.repo.forYouth(y.id);
  }

  /** My own scores beside one of the counsellor's scorings of me. */
  async scoreOwn(ctx: Context, assessmentId: string, input: unknown): Promise<Assessment> {
    const { y, grant } = await this.own(ctx);
    const beside = isUuid(assessmentId) ? await this.repo.find(assessmentId) : undefined;
    if (!beside || beside.youthId !== y.id || beside.source !== 'counsellor') throw notFound();
    const data = parseInput(ownAssessmentInput, input);
    const row = {
      municipalityId: y.municipalityId,
      youthId: y.id,
      assessedOn: beside.assessedOn,
      source: 'youth' as const,
      scores: data.scores,
      reasons: {},
      authorUserId: y.userId,
      createdAt: this.clock.now(),
    };
    return this.saveAudited(ctx, row, y, grant.role, 'movement.score_own');
  }

  /** Saves a scoring and its audit entry in one transaction: both are kept, or neither (#19.10). */
  private saveAudited(ctx: Context, row: AssessmentInsert, y: Youth, role: string, action: string): Promise<Assessment> {
    return this.audit.atomically(async () => {
      const saved = await this.repo.save(row);
      await this.audit.record(ctx, {
        action,
        actorRole: role,
        municipalityId: y.municipalityId,
        targetType: 'movement_assessment',
        targetId: saved.id,
        subjectUserId: y.userId,
      });
      return saved;
    });
  }
}
