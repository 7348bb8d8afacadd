import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { memberships } from '../accounts/accounts.schema.ts';
import { companies, openings } from '../companies/companies.schema.ts';
import type { Municipality } from '../municipalities/municipalities.repository.ts';
import { municipalities } from '../municipalities/municipalities.schema.ts';
import { youth } from '../youth/youth.schema.ts';
import { TtlCache } from '../../platform/ttl-cache.ts';

export interface TeamFigures {
  municipality: Municipality;
  roles: Record<string, number>;
  companyStatuses: Record<string, number>;
  /** Young people taking up a place (not ended). */
  youthActive: number;
  /** Published openings of companies in the network, and their seats. */
  publishedOpenings: number;
  seats: number;
  /** Exits (#16): all, and to job or education; 6-month follow-ups: all, and still in job or education. */
  exits: { all: number; jobOrEducation: number; followed6: number; retained6: number };
}

// Drizzle leaves columns unqualified in a one-table select, so the outer row is named in full.
const outerId = sql.raw('"municipalities"."id"');

/** The team dashboard's figures in one round trip: it is the most visited page. */
export class DashboardRepository {
  /**
   * @param cacheMs how long figures may be reused: a few seconds in embedded mode (one process,
   *   and counts a few seconds old are fine on an overview), 0 with a PostgreSQL server.
   */
  readonly #cache: TtlCache<string, TeamFigures>;

  constructor(
    private readonly db: Db,
    cacheMs = 0,
  ) {
    this.#cache = new TtlCache(cacheMs);
  }

  async teamFigures(municipalityId: string): Promise<TeamFigures | undefined> {
    const cached = this.#cache.get(municipalityId);
    if (cached) return cached;
    const figures = await this.queryFigures(municipalityId);
    if (figures) this.#cache.set(municipalityId, figures);
    return figures;
  }

  private async queryFigures(municipalityId: string): Promise<TeamFigures | undefined> {
    const [row] = await this.db
      .select({
        municipality: municipalities,
        roles: sql<Record<string, number> | null>`(
          select json_object_agg(r.role, r.n) from (
            select ${memberships.role} as role, count(*) as n from ${memberships}
            where ${memberships.municipalityId} = ${outerId} group by ${memberships.role}) r)`,
        openings: sql<{ n: number; seats: number } | null>`(
          select json_build_object('n', count(*), 'seats', coalesce(sum(o.seats), 0)) from ${openings} o
          join ${companies} c on c.id = o.company_id
          where o.municipality_id = ${outerId} and o.published and c.network_status in ('active', 'onboarding'))`,
        youthActive: sql<number>`(select count(*)::int from ${youth} where ${youth.municipalityId} = ${outerId} and ${youth.status} <> 'ended')`,
        exits: sql<{ all: number; jobOrEducation: number; followed6: number; retained6: number } | null>`(
          select json_build_object('all', count(*),
            'jobOrEducation', count(*) filter (where e.kind in ('job', 'job_subsidy', 'education')),
            'followed6', (select count(*) from youth_exit_followups f join youth_exits e6 on e6.youth_id = f.youth_id
              where e6.municipality_id = ${outerId} and f.months = 6),
            'retained6', (select count(*) from youth_exit_followups f join youth_exits e6 on e6.youth_id = f.youth_id
              where e6.municipality_id = ${outerId} and f.months = 6 and f.outcome in ('job', 'education')))
          from youth_exits e where e.municipality_id = ${outerId})`,
        companyStatuses: sql<Record<string, number> | null>`(
          select json_object_agg(s.status, s.n) from (
            select ${companies.networkStatus} as status, count(*) as n from ${companies}
            where ${companies.municipalityId} = ${outerId} group by ${companies.networkStatus}) s)`,
      })
      .from(municipalities)
      .where(eq(municipalities.id, municipalityId))
      .limit(1);
    if (!row) return undefined;
    return {
      municipality: row.municipality,
      roles: row.roles ?? {},
      companyStatuses: row.companyStatuses ?? {},
      youthActive: Number(row.youthActive),
      publishedOpenings: Number(row.openings?.n ?? 0),
      seats: Number(row.openings?.seats ?? 0),
      exits: {
        all: Number(row.exits?.all ?? 0),
        jobOrEducation: Number(row.exits?.jobOrEducation ?? 0),
        followed6: Number(row.exits?.followed6 ?? 0),
        retained6: Number(row.exits?.retained6 ?? 0),
      },
    };
  }
}
