import type { Access } from '../../platform/access/access.ts';
import type { AuditService, Context } from '../../platform/audit/audit.service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Sealer } from '../../platform/crypto/sealed.ts';
import { readCsvTable } from '../../platform/csv.ts';
import { addMonths, localDate, weekStart } from '../../platform/dates.ts';
import type { Transactions } from '../../platform/db/transactions.ts';
import { invalid, notFound } from '../../platform/errors.ts';
import type { NotificationsService } from '../notifications/notifications.service.ts';
import { fieldErrors } from '../../platform/validation.ts';
import { outcomeInput } from './trials.inputs.ts';
import type { Participant, TrialsRepository } from './trials.repository.ts';
import { horizons } from './trials.values.ts';
import type { OutcomeStatus } from './trials.values.ts';

export const MAX_OUTCOME_ROWS = 50_000;

/** Follow-ups whose time has come without a status, per horizon. */
export function dueCounts(rows: readonly { assignedAt: Date; outcomes: Partial<Record<number, string>> }[], today: string) {
  return horizons.map((h) => ({
    horizon: h,
    due: rows.filter((r) => addMonths(localDate(r.assignedAt), h) <= today && !r.outcomes[h]).length,
  }));
}

/**
 * Outcomes over time: the team leader brings in the jobcentre's status at 3, 6, 12 and 24 months
 * (a CSV file, all or nothing with every error by line, or one status by hand), matched to the
 * participant by the keyed CPR hash; and the weekly reminder of follow-ups due. No list of
 * participants leaves this service.
 */
export class TrialOutcomesService {
  constructor(
    private readonly transactions: Transactions,
    private readonly repo: TrialsRepository,
    private readonly sealer: Sealer,
    private readonly notifications: NotificationsService,
    private readonly access: Access,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  private async load(ctx: Context, trialId: string) {
    const trial = await this.repo.find(trialId);
    const grant = await this.access.requireOne(ctx, 'trial.outcomes', {
      type: 'trial',
      id: trialId,
      municipalityId: trial?.municipalityId ?? null,
    });
    if (!trial) throw notFound();
    return { trial, grant };
  }

  /** The trial whose outcomes the team leader imports (no participants shown). */
  async forOutcomes(ctx: Context, trialId: string) {
    return (await this.load(ctx, trialId)).trial;
  }
  /**
   * The weekly reminder: for every trial with follow-ups due, the municipality's team leaders and
   * administrators are told how many and where to bring in the jobcentre's status. Returns how many
   * people were told.
   */
  async followUpReminders(): Promise<number> {
    const today = localDate(this.clock.now());
    let told = 0;
    for (const trial of await this.repo.list()) {
      const due = dueCounts(await this.repo.forAnalysis(trial.id), today).filter((d) => d.due > 0);
      if (!due.length) continue;
      const n = due.reduce((s, d) => s + d.due, 0);
      const horizonsDue = due.map((d) => d.horizon).join(', ');
      const users = await this.repo.usersWithRole(trial.municipalityId, ['team_leader', 'municipality_admin']);
      const created = await this.notifications.notify(
        users.map((userId) => ({
          userId,
          key: `trial-due:${trial.id}:${weekStart(today)}:${userId}`,
          kind: 'trial_follow_ups',
          params: { trial: trial.name, n, horizons: horizonsDue },
          link: `/trials/${trial.id}/outcomes`,
        })),
      );
      told += created.length;
    }
    return told;
  }

  /** One status entered by the team (by CPR number, as in the jobcentre's file). */
  async recordOutcome(ctx: Context, trialId: string, input: unknown): Promise<void> {
    const { trial, grant } = await this.load(ctx, trialId);
    const values = (input ?? {}) as Record<string, string>;
    const participants = new Map((await this.repo.participants(trialId)).map((p) => [p.subjectHash, p]));
    const { errors, valid } = this.checkRow(participants, values, localDate(this.clock.now()));
    if (Object.keys(errors).length) throw invalid(errors);
    await this.transactions.transaction(async () => {
      await this.repo.saveOutcomes([{ ...valid!, source: 'team', recordedAt: this.clock.now() }]);
      await this.audit.record(ctx, {
        action: 'trial.outcome_record',
        actorRole: grant.role,
        municipalityId: trial.municipalityId,
        targetType: 'trial_participant',
        targetId: valid!.participantId,
      });
    });
  }

  /** One outcome row checked: a participant by CPR, a horizon that has come, a known status. */
  private checkRow(participants: Map<string, Participant>, values: Record<string, string | undefined>, today: string) {
    const errors: Record<string, string> = {};
    const parsed = outcomeInput.safeParse({ horizon: (values.horizon ?? '').trim(), status: (values.status ?? '').trim() });
    if (!parsed.success) Object.assign(errors, fieldErrors(parsed.error));
    const digits = (values.cpr ?? '').trim().replace('-', '');
    const p = /^\d{10}$/.test(digits) ? participants.get(this.sealer.lookupHash(digits)) : undefined;
    if (!p) errors.cpr = 'validation.trial_cpr_unknown';
    if (!p || !parsed.success) return { errors, valid: undefined };
    if (addMonths(localDate(p.assignedAt), parsed.data.horizon) > today) errors.horizon = 'validation.horizon_future';
    return { errors, valid: { participantId: p.id, horizon: parsed.data.horizon, status: parsed.data.status } };
  }
  /**
   * Outcomes from the jobcentre as CSV (cpr;horizon;status): every row validated and matched to a
   * participant by the keyed CPR hash; the whole file refused, with every error by line, if any row
   * is wrong. A later value for the same horizon replaces the earlier one.
   */
  async importOutcomes(ctx: Context, trialId: string, text: string): Promise<{ imported: number }> {
    const { trial, grant } = await this.load(ctx, trialId);
    const { headings, rows } = readCsvTable(text, { required: ['cpr', 'horizon', 'status'], maxRows: MAX_OUTCOME_ROWS });
    const errors: Record<string, string> = {};
    const participants = new Map((await this.repo.participants(trialId)).map((p) => [p.subjectHash, p]));
    const now = this.clock.now();
    const today = localDate(now);
    const seen = new Set<string>();
    const valid: { participantId: string; horizon: number; status: OutcomeStatus }[] = [];
    for (const row of rows) {
      const get = (h: string) => row.fields[headings.indexOf(h)];
      const checked = this.checkRow(participants, { cpr: get('cpr'), horizon: get('horizon'), status: get('status') }, today);
      for (const [field, key] of Object.entries(checked.errors)) errors[`line.${row.line}.${field}`] = key;
      if (!checked.valid) continue;
      const key = `${checked.valid.participantId}/${checked.valid.horizon}`;
      if (seen.has(key)) errors[`line.${row.line}.horizon`] = 'validation.csv_duplicate';
      seen.add(key);
      valid.push(checked.valid);
    }
    if (Object.keys(errors).length) throw invalid(errors, 'errors.import');
    await this.transactions.transaction(async () => {
      await this.repo.saveOutcomes(valid.map((v) => ({ ...v, source: 'import' as const, recordedAt: now })));
      await this.audit.record(ctx, {
        action: 'trial.outcomes_import',
        actorRole: grant.role,
        municipalityId: trial.municipalityId,
        targetType: 'trial',
        targetId: trialId,
        details: { rows: valid.length },
      });
    });
    return { imported: valid.length };
  }
}
