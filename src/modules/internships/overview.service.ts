import type { Access } from '../../platform/access/access.ts';
import type { AuditService, Context } from '../../platform/audit/audit.service.ts';
import type { Clock } from '../../platform/clock.ts';
import { addDays, daysBetween, localDate, percentile } from '../../platform/dates.ts';
import type { InternshipsRepository } from './internships.repository.ts';
import { type CheckinFacts, type FeedbackFacts, type FlagReason, STABILITY_RULES, stabilityReasons } from './stability.ts';
import { TtlCache } from '../../platform/ttl-cache.ts';

/** Days to start are summarised over starts in the last year. */
const STARTS_WINDOW_DAYS = 365;

export interface StartClock {
  id: string;
  youthName: string;
  companyName: string;
  chosenOn: string;
  agreedStart: string;
  daysElapsed: number;
  daysLeft: number;
  overdue: boolean;
}

export interface Flag {
  youthId: string;
  youthName: string;
  reasons: FlagReason[];
}

export interface StartFigures {
  openClocks: number;
  overdue: number;
  /** Days from choice to first day, over starts in the last year. */
  median: number | null;
  p90: number | null;
  starts: number;
}

export interface TeamOverview extends StartFigures {
  clocks: StartClock[];
  flags: Flag[];
  /** Active companies without a young person for more than IDLE_COMPANY_DAYS. */
  idleCompanies: { id: string; name: string; lastEnd: string | null }[];
}

/** A company in the network with no young person for this long is listed for the team to call. */
export const IDLE_COMPANY_DAYS = 60;

export interface NationalRow extends StartFigures {
  municipalityId: string;
  flagged: number;
}

/** The team's view of starts and stability: open clocks, overdue starts, medians, flags. */
export class OverviewService {
  /** Overviews reused by the dashboard, by municipality and day (see glance). */
  readonly #glances: TtlCache<string, { overview: TeamOverview; flaggedUsers: Map<string, string | null> }>;

  /**
   * @param glanceCacheMs how long the dashboard may reuse a municipality's overview: a few seconds
   * in embedded mode, where every query costs the single event loop (decision 0004); 0 with a
   * PostgreSQL server. The internships page, the API and the counsellor's week always read afresh.
   */
  constructor(
    private readonly repo: InternshipsRepository,
    private readonly access: Access,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    glanceCacheMs = 0,
  ) {
    this.#glances = new TtlCache(glanceCacheMs);
  }

  async team(ctx: Context, municipalityId: string): Promise<TeamOverview> {
    return this.view(ctx, municipalityId, false);
  }

  /** The team overview on the dashboard: figures up to glanceCacheMs old; access checked and audited every time. */
  async glance(ctx: Context, municipalityId: string): Promise<TeamOverview> {
    return this.view(ctx, municipalityId, true);
  }

  private async view(ctx: Context, municipalityId: string, reuse: boolean): Promise<TeamOverview> {
    const grant = await this.access.requireOne(ctx, 'internship.read_concerns', {
      type: 'internship_overview',
      id: municipalityId,
      municipalityId,
    });
    const today = localDate(this.clock.now());
    const key = `${municipalityId}/${today}`;
    let found = reuse ? this.#glances.get(key) : undefined;
    if (!found) {
      found = await this.read(municipalityId, today);
      this.#glances.set(key, found);
    }
    const { overview, flaggedUsers } = found;
    // Reading the flags shows the team who is struggling: audited as a read of each flagged person.
    await this.audit.record(
      ctx,
      overview.flags.map((f) => ({
        action: 'internship.flag_read',
        actorRole: grant.role,
        municipalityId,
        targetType: 'youth',
        targetId: f.youthId,
        subjectUserId: flaggedUsers.get(f.youthId) ?? null,
      })),
    );
    return overview;
  }

  private async read(municipalityId: string, today: string) {
    const [clockRows, flagged, idleCompanies] = await Promise.all([
      this.repo.clocks([municipalityId], addDays(today, -STARTS_WINDOW_DAYS)),
      this.flags([municipalityId], today),
      this.repo.idleCompanies(municipalityId, addDays(today, -IDLE_COMPANY_DAYS)),
    ]);
    const clocks: StartClock[] = clockRows
      .filter((r) => !r.firstDay)
      .map((r) => {
        const chosenOn = localDate(r.chosenAt);
        const daysElapsed = daysBetween(chosenOn, today);
        return {
          id: r.id,
          youthName: `${r.youthFirstName} ${r.youthLastName}`,
          companyName: r.companyName,
          chosenOn,
          agreedStart: r.agreedStart,
          daysElapsed,
          // The promise is the municipality's rule (start within 14 days by default).
          daysLeft: r.startWithinDays - daysElapsed,
          overdue: daysElapsed > r.startWithinDays,
        };
      })
      .sort((a, b) => a.daysLeft - b.daysLeft);
    const people = new Map((await this.repo.youthNames([...flagged.keys()])).map((y) => [y.id, y]));
    const flags = [...flagged].map(([youthId, reasons]) => {
      const y = people.get(youthId);
      return { youthId, youthName: y ? `${y.firstName} ${y.lastName}` : '', reasons };
    });
    const overview: TeamOverview = { ...startFigures(clockRows, today), clocks, flags, idleCompanies };
    return { overview, flaggedUsers: new Map([...people].map(([id, y]) => [id, y.userId ?? null])) };
  }

  /** Every municipality's start figures and flag count, for the programme lead. Counts only, no names. */
  async national(ctx: Context): Promise<NationalRow[]> {
    await this.access.require(ctx, 'internship.national', [{ type: 'national_overview', id: '', municipalityId: null }]);
    const today = localDate(this.clock.now());
    const [clockRows, flagged] = await Promise.all([this.repo.clocks(null, addDays(today, -STARTS_WINDOW_DAYS)), this.flags(null, today)]);
    const flagCounts = new Map<string, number>();
    const youthMunicipality = new Map((await this.repo.youthNames([...flagged.keys()])).map((y) => [y.id, y.municipalityId]));
    for (const id of flagged.keys()) {
      const m = youthMunicipality.get(id)!;
      flagCounts.set(m, (flagCounts.get(m) ?? 0) + 1);
    }
    const byMunicipality = Map.groupBy(clockRows, (r) => r.municipalityId);
    const ids = new Set([...byMunicipality.keys(), ...flagCounts.keys()]);
    return [...ids].map((municipalityId) => ({
      municipalityId,
      ...startFigures(byMunicipality.get(municipalityId) ?? [], today),
      flagged: flagCounts.get(municipalityId) ?? 0,
    }));
  }

  /** Young people with a reason to be flagged today, with the reasons. */
  private async flags(municipalityIds: string[] | null, today: string): Promise<Map<string, FlagReason[]>> {
    const feedbackSince = addDays(today, -(STABILITY_RULES.windowDays + 7));
    const checkinSince = addDays(today, -STABILITY_RULES.checkinWindowDays);
    const [feedback, checkins] = await Promise.all([
      this.repo.recentFeedback(municipalityIds, feedbackSince),
      this.repo.recentCheckins(municipalityIds, checkinSince),
    ]);
    const feedbackBy = Map.groupBy(feedback, (f) => f.youthId) as Map<string, FeedbackFacts[]>;
    const checkinsBy = Map.groupBy(checkins, (c) => c.youthId) as Map<string, CheckinFacts[]>;
    const result = new Map<string, FlagReason[]>();
    for (const youthId of new Set([...feedbackBy.keys(), ...checkinsBy.keys()])) {
      const reasons = stabilityReasons(today, feedbackBy.get(youthId) ?? [], checkinsBy.get(youthId) ?? []);
      if (reasons.length) result.set(youthId, reasons);
    }
    return result;
  }
}

function startFigures(rows: { chosenAt: Date; firstDay: string | null; startWithinDays: number }[], today: string): StartFigures {
  const open = rows.filter((r) => !r.firstDay);
  const days = rows.filter((r) => r.firstDay).map((r) => daysBetween(localDate(r.chosenAt), r.firstDay!));
  return {
    openClocks: open.length,
    overdue: open.filter((r) => daysBetween(localDate(r.chosenAt), today) > r.startWithinDays).length,
    median: percentile(days, 50),
    p90: percentile(days, 90),
    starts: days.length,
  };
}
