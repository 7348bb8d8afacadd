import type { Access } from '../../platform/access/access.ts';
import { actorMunicipalityIds, can } from '../../platform/access/policy.ts';
import type { AuditService, Context } from '../../platform/audit/audit.service.ts';
import type { Clock } from '../../platform/clock.ts';
import { addMonths, daysBetween, localDate, percentile } from '../../platform/dates.ts';
import { notFound } from '../../platform/errors.ts';
import { type ExitKind, exitKinds } from '../youth/youth.values.ts';
import { type ProtectedCell, protect, protectedShare, protectedShares } from './suppression.ts';
import type { ProgrammeFacts, UnitedRepository } from './united.repository.ts';

/** The model's targets over the programme period (#16). */
export const REFERRAL_TARGET = 150;
/** Distinct companies (by CVR) across the municipalities. */
export const CVR_TARGET = 250;
/** The overview covers the last 12 months, the current month included. */
export const MONTHS = 12;

/** One municipality's figures, or the programme's total: counts protected, shares and medians only where safe. */
export interface SummaryRow {
  /** Young people in the network today (not ended), against the capacity. */
  inNetwork: ProtectedCell;
  capacity: number;
  /** Referred in the last 12 months. */
  referred: ProtectedCell;
  /** Referred since the start, against REFERRAL_TARGET per municipality. */
  referredTotal: ProtectedCell;
  referralTarget: number;
  activeCompanies: ProtectedCell;
  companyTarget: number;
  /** Internships started (first day) in the last 12 months. */
  started: ProtectedCell;
  /** Share of those started within the municipality's start rule (14 days). */
  withinRule: number | null;
  medianDays: number | null;
  /** Share of group attendance records "present" in the last 12 months. */
  attendance: number | null;
  /** Extensions agreed, and rotations (an internship following another), in the last 12 months. */
  extensions: ProtectedCell;
  rotations: ProtectedCell;
  /** Follow-ups 6 months after exit, and the share still in job or education. */
  followed6: ProtectedCell;
  retention6: number | null;
}

/** Months × the shown municipalities, with each month's programme total (and, for flows, each municipality's 12 months). */
export interface MonthlyTable {
  rows: { month: string; cells: ProtectedCell[]; total: ProtectedCell }[];
  totals: ProtectedCell[] | null;
  total: ProtectedCell | null;
}

export interface ProgrammeOverview {
  /** 'programme': every municipality (the programme lead); 'municipality': one, beside the programme's totals. */
  scope: 'programme' | 'municipality';
  asOf: string;
  from: string;
  months: string[];
  municipalities: { id: string; name: string }[];
  summary: { rows: (SummaryRow & { municipalityId: string; name: string })[]; total: SummaryRow };
  exitKinds: readonly ExitKind[];
  /** Exits in the last 12 months by kind: a row per shown municipality, the programme's total row. */
  exits: { rows: { cells: ProtectedCell[]; total: ProtectedCell }[]; totals: ProtectedCell[]; total: ProtectedCell };
  monthly: { inNetwork: MonthlyTable; referred: MonthlyTable; started: MonthlyTable };
  distinctCvr: ProtectedCell;
  cvrTarget: number;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** A column of counts with its published total, protected. */
function column(values: number[]): { cells: ProtectedCell[]; total: ProtectedCell } {
  if (!values.length) return { cells: [], total: { value: 0, hidden: null } };
  const t = protect(
    values.map((v) => [v]),
    { rowTotals: false, colTotals: true },
  );
  return { cells: t.cells.map((r) => r[0]!), total: t.colTotals![0]! };
}

/**
 * The programme's overview (#16): the municipalities side by side and in total, month by month,
 * counts and rates only, small counts protected (decision 0029). The programme lead sees every
 * municipality; a labour-market leader sees their own beside the programme's totals.
 */
export class UnitedService {
  constructor(
    private readonly repo: UnitedRepository,
    private readonly access: Access,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** @param municipalityId for someone with the overview in several municipalities: which one. */
  async overview(ctx: Context, municipalityId?: string): Promise<ProgrammeOverview> {
    const actor = this.access.requireActor(ctx);
    const programme = can(actor, 'programme.overview', [{ municipalityId: null }]);
    const own = programme
      ? null
      : (municipalityId ?? actorMunicipalityIds(actor).find((m) => can(actor, 'programme.overview', [{ municipalityId: m }])) ?? '');
    const grant = await this.access.requireOne(ctx, 'programme.overview', {
      type: 'programme_overview',
      id: own ?? '',
      municipalityId: own,
    });
    const overview = this.compute(await this.read(), own);
    if (own && !overview.municipalities.length) throw notFound();
    await this.audit.record(ctx, {
      action: 'programme.overview',
      actorRole: grant.role,
      municipalityId: own,
      targetType: 'programme_overview',
      targetId: own ?? '',
    });
    return overview;
  }

  private async read() {
    const today = localDate(this.clock.now());
    const from = addMonths(`${today.slice(0, 7)}-01`, -(MONTHS - 1));
    return { today, from, facts: await this.repo.facts(from, today) };
  }

  /** Pure over the facts: protects the full table, then keeps the shown municipality (or all). */
  private compute({ today, from, facts }: { today: string; from: string; facts: ProgrammeFacts }, own: string | null): ProgrammeOverview {
    const ms = facts.municipalities;
    const months = Array.from({ length: MONTHS }, (_, k) => addMonths(from, k).slice(0, 7));
    const monthEnd = (month: string) => {
      const last = addMonths(`${month}-01`, 1);
      const end = new Date(Date.parse(`${last}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
      return end < today ? end : today;
    };
    const byM =
      <T extends { municipalityId: string }>(rows: T[]) =>
      (id: string) =>
        rows.filter((r) => r.municipalityId === id);

    // Monthly tables over every municipality.
    const youthOf = byM(facts.youth);
    const startsOf = byM(facts.starts);
    const inNetworkAt = (id: string, d: string) => youthOf(id).filter((y) => y.referredOn <= d && (!y.leftOn || y.leftOn > d)).length;
    const inNetwork = protect(
      months.map((mo) => ms.map((m) => inNetworkAt(m.id, monthEnd(mo)))),
      { rowTotals: true, colTotals: false },
    );
    const referred = protect(
      months.map((mo) => ms.map((m) => youthOf(m.id).filter((y) => y.referredOn.startsWith(mo)).length)),
      { rowTotals: true, colTotals: true },
    );
    const started = protect(
      months.map((mo) => ms.map((m) => startsOf(m.id).filter((s) => s.firstDay.startsWith(mo)).length)),
      { rowTotals: true, colTotals: true },
    );
    const current = MONTHS - 1;

    // Columns of the side-by-side table that no other table publishes.
    const count = (rows: { municipalityId: string; n: number }[]) => ms.map((m) => sum(byM(rows)(m.id).map((r) => r.n)));
    const referredTotal = column(ms.map((m) => youthOf(m.id).length));
    const companies = column(count(facts.activeCompanies));
    const extensions = column(count(facts.extensions));
    const rotations = column(ms.map((m) => startsOf(m.id).filter((s) => s.rotation).length));
    const followed = column(ms.map((m) => sum(byM(facts.followups)(m.id).map((f) => f.followed))));
    const exits = protect(
      ms.map((m) =>
        exitKinds.map((k) =>
          sum(
            byM(facts.exits)(m.id)
              .filter((e) => e.kind === k)
              .map((e) => e.n),
          ),
        ),
      ),
      { rowTotals: true, colTotals: true },
    );

    const ruleOf = (id: string) => ms.find((m) => m.id === id)?.startWithinDays ?? 14;
    const daysOf = (s: ProgrammeFacts['starts'][number]) => daysBetween(localDate(s.chosenAt), s.firstDay);
    const median = (rows: ProgrammeFacts['starts'], startedCell: ProtectedCell) =>
      !startedCell.hidden && rows.length >= 5 ? percentile(rows.map(daysOf), 50) : null;
    // Shares side by side with a total share are protected together (suppression.ts: protectedShares).
    const within = protectedShares(
      ms.map((m) => startsOf(m.id).filter((s) => daysOf(s) <= ruleOf(s.municipalityId)).length),
      ms.map((m) => startsOf(m.id).length),
      ms.map((_, j) => !!started.colTotals![j]!.hidden),
      !!started.total!.hidden,
    );
    const retention = protectedShares(
      ms.map((m) => sum(byM(facts.followups)(m.id).map((f) => f.retained))),
      ms.map((m) => sum(byM(facts.followups)(m.id).map((f) => f.followed))),
      followed.cells.map((c) => !!c.hidden),
      !!followed.total.hidden,
    );
    const attendanceShare = (rows: ProgrammeFacts['attendance']) =>
      protectedShare(sum(rows.map((r) => r.present)), sum(rows.map((r) => r.all)));

    const rows = ms.map((m, j) => ({
      municipalityId: m.id,
      name: m.name,
      inNetwork: inNetwork.cells[current]![j]!,
      capacity: m.youthCapacity,
      referred: referred.colTotals![j]!,
      referredTotal: referredTotal.cells[j]!,
      referralTarget: REFERRAL_TARGET,
      activeCompanies: companies.cells[j]!,
      companyTarget: m.companyTarget,
      started: started.colTotals![j]!,
      withinRule: within.shares[j] ?? null,
      medianDays: median(startsOf(m.id), started.colTotals![j]!),
      attendance: attendanceShare(byM(facts.attendance)(m.id)),
      extensions: extensions.cells[j]!,
      rotations: rotations.cells[j]!,
      followed6: followed.cells[j]!,
      retention6: retention.shares[j] ?? null,
    }));
    const total: SummaryRow = {
      inNetwork: inNetwork.rowTotals![current]!,
      capacity: sum(ms.map((m) => m.youthCapacity)),
      referred: referred.total!,
      referredTotal: referredTotal.total,
      referralTarget: REFERRAL_TARGET * ms.length,
      activeCompanies: companies.total,
      companyTarget: sum(ms.map((m) => m.companyTarget)),
      started: started.total!,
      withinRule: within.total,
      medianDays: median(facts.starts, started.total!),
      attendance: attendanceShare(facts.attendance),
      extensions: extensions.total,
      rotations: rotations.total,
      followed6: followed.total,
      retention6: retention.total,
    };

    // What this reader sees: every municipality, or their own beside the totals (a subset of one protected table).
    const shown = ms.flatMap((m, j) => (own === null || m.id === own ? [j] : []));
    const monthly = (t: ReturnType<typeof protect>): MonthlyTable => ({
      rows: months.map((month, i) => ({ month, cells: shown.map((j) => t.cells[i]![j]!), total: t.rowTotals![i]! })),
      totals: t.colTotals ? shown.map((j) => t.colTotals![j]!) : null,
      total: t.total,
    });
    const cvr = protect([[facts.distinctCvr]], { rowTotals: false, colTotals: false }).cells[0]![0]!;
    return {
      scope: own === null ? 'programme' : 'municipality',
      asOf: today,
      from,
      months,
      municipalities: shown.map((j) => ({ id: ms[j]!.id, name: ms[j]!.name })),
      summary: { rows: shown.map((j) => rows[j]!), total },
      exitKinds,
      exits: {
        rows: shown.map((j) => ({ cells: exits.cells[j]!, total: exits.rowTotals![j]! })),
        totals: exits.colTotals ?? [],
        total: exits.total!,
      },
      monthly: { inNetwork: monthly(inNetwork), referred: monthly(referred), started: monthly(started) },
      distinctCvr: cvr,
      cvrTarget: CVR_TARGET,
    };
  }

  /** For pages: may this actor see the overview (anywhere)? */
  canSee(ctx: Context): boolean {
    const actor = ctx.actor;
    if (!actor) return false;
    return [null, ...actorMunicipalityIds(actor)].some((m) => can(actor, 'programme.overview', [{ municipalityId: m }]));
  }
}
