import { randomBytes } from 'node:crypto';
import type { Access } from '../../platform/access/access.ts';
import type { AuditService, Context } from '../../platform/audit/audit.service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Sealer } from '../../platform/crypto/sealed.ts';
import { localDate } from '../../platform/dates.ts';
import type { Transactions } from '../../platform/db/transactions.ts';
import { AppError, conflict, invalid, notFound } from '../../platform/errors.ts';
import type { Locale } from '../../platform/i18n/i18n.ts';
import { parseInput } from '../../platform/validation.ts';
import type { MunicipalitiesRepository } from '../municipalities/municipalities.repository.ts';
import { parseCpr, requireAgeInRange } from '../youth/cpr.ts';
import type { YouthService } from '../youth/youth.service.ts';
import { stratumOf } from './analysis.ts';
import { type Arm, type ChainedRecord, assignmentAt, chain } from './randomisation.ts';
import { intakeInput, trialInput } from './trials.inputs.ts';
import type { Participant, Trial, TrialsRepository } from './trials.repository.ts';

/** The chain record of a participant row (what the hash covers). */
export const chainRecord = (p: Participant): ChainedRecord => ({
  sequence: p.sequence,
  stratum: p.stratum,
  subject: p.subjectHash,
  arm: p.arm,
  at: p.assignedAt.toISOString(),
  previousHash: p.previousHash,
  hash: p.hash,
});

/**
 * Randomised intake. A researcher sets up a municipality's trial (ratio, permuted blocks, strata;
 * the seed is generated and sealed). Frontline staff refer as usual; the assignment is made at
 * referral, concealed until then, and shown only for the person in front of them: NExTWORK (the
 * young person is referred into the network) or the control group (the ordinary offer; only what
 * follow-up needs is kept). No one can reassign: each assignment is a link in a hash chain.
 */
export class TrialsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly repo: TrialsRepository,
    private readonly youth: YouthService,
    private readonly municipalities: MunicipalitiesRepository,
    private readonly sealer: Sealer,
    private readonly access: Access,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async create(ctx: Context, municipalityId: string, input: unknown): Promise<Trial> {
    const grant = await this.access.requireOne(ctx, 'trial.design', { type: 'trial', id: municipalityId, municipalityId });
    if (!(await this.municipalities.find(municipalityId))) throw notFound();
    const data = parseInput(trialInput, input);
    if (await this.repo.recruiting(municipalityId)) throw conflict('errors.trial_running');
    const now = this.clock.now();
    return this.audit.atomically(async () => {
      const trial = await this.repo.insert({
        ...data,
        municipalityId,
        seedSealed: this.sealer.seal(randomBytes(32).toString('hex')),
        startedOn: localDate(now),
        createdByUserId: this.access.requireActor(ctx).userId,
        createdAt: now,
      });
      await this.audit.record(ctx, {
        action: 'trial.create',
        actorRole: grant.role,
        municipalityId,
        targetType: 'trial',
        targetId: trial.id,
      });
      return trial;
    });
  }

  /** Whether the municipality's intake is a trial now (for the referral page). */
  async recruiting(ctx: Context, municipalityId: string): Promise<Trial | undefined> {
    await this.access.require(ctx, 'trial.assign', [{ type: 'trial', id: municipalityId, municipalityId }]);
    return this.repo.recruiting(municipalityId);
  }

  /**
   * Refers a young person under the trial: validates everything, assigns (one at a time, the next
   * in the stratum's concealed sequence), then refers a NExTWORK participant into the network.
   * Returns only this person's assignment.
   */
  async intake(
    ctx: Context,
    municipalityId: string,
    input: unknown,
    locale: Locale,
  ): Promise<{ arm: Arm; youthId?: string; link?: string }> {
    const grant = await this.access.requireOne(ctx, 'trial.assign', { type: 'trial', id: municipalityId, municipalityId });
    const trial = await this.repo.recruiting(municipalityId);
    const m = await this.municipalities.find(municipalityId);
    if (!trial || !m) throw new AppError('conflict', 'errors.no_trial');
    const data = parseInput(intakeInput, input);
    const cpr = parseCpr(data.cpr)!;
    const age = requireAgeInRange(cpr, data.referredOn);
    const subjectHash = this.sealer.lookupHash(cpr.digits);
    if (await this.repo.youthWithCpr(municipalityId, subjectHash)) throw conflict('errors.cpr_taken', { cpr: 'errors.cpr_taken' });
    // Stratified by target group, the intake must give one: an unknown group would be a stratum of its own.
    if (trial.stratifyBy.includes('targetGroup') && !data.targetGroup) throw invalid({ targetGroup: 'validation.target_group' });
    const baseline = {
      age,
      gender: data.gender,
      monthsOnBenefits: data.monthsOnBenefits,
      education: data.education,
      targetGroup: data.targetGroup,
    };
    const stratum = stratumOf(m.code, trial.stratifyBy, baseline);
    const design = {
      seed: this.sealer.open(trial.seedSealed),
      ratio: [trial.ratioTreatment, trial.ratioControl] as [number, number],
      multiplier: trial.blockMultiplier,
    };
    const now = this.clock.now();
    const participant = await this.transactions.transaction(async () => {
      await this.repo.lock(trial.id);
      if (await this.repo.bySubject(trial.id, subjectHash))
        throw conflict('errors.already_randomised', { cpr: 'errors.already_randomised' });
      const n = await this.repo.countInStratum(trial.id, stratum);
      const arm = assignmentAt(design, `${trial.id}/${stratum}`, n);
      const last = await this.repo.last(trial.id);
      const record = chain(last && chainRecord(last), { stratum, subject: subjectHash, arm, at: now.toISOString() });
      const inserted = await this.repo.insertParticipant({
        trialId: trial.id,
        sequence: record.sequence,
        stratum,
        arm,
        assignedAt: now,
        subjectHash,
        previousHash: record.previousHash,
        hash: record.hash,
        cprSealed: this.sealer.seal(cpr.digits),
        baseline,
        assignedByUserId: this.access.requireActor(ctx).userId,
      });
      await this.audit.record(ctx, {
        action: 'trial.assign',
        actorRole: grant.role,
        municipalityId,
        targetType: 'trial_participant',
        targetId: inserted.id,
      });
      return inserted;
    });
    if (participant.arm === 'control') return { arm: 'control' };
    // Randomised is randomised: the assignment stands even if the referral below fails (intention to treat).
    const { youth: y, link } = await this.youth.refer(ctx, municipalityId, data, locale, { randomised: true });
    await this.repo.linkYouth(participant.id, y.id);
    return { arm: 'nextwork', youthId: y.id, link };
  }

  /** The researcher's seed, to reproduce the sequence (audited). */
  async seed(ctx: Context, trialId: string): Promise<string> {
    const trial = await this.repo.find(trialId);
    const grant = await this.access.requireOne(ctx, 'trial.design', {
      type: 'trial',
      id: trialId,
      municipalityId: trial?.municipalityId ?? null,
    });
    if (!trial) throw notFound();
    await this.audit.record(ctx, {
      action: 'trial.seed_read',
      actorRole: grant.role,
      municipalityId: trial.municipalityId,
      targetType: 'trial',
      targetId: trialId,
    });
    return this.sealer.open(trial.seedSealed);
  }
}
