import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';

/** A municipality in the programme, with its model numbers. */
export interface ProgrammeMunicipality {
  id: string;
  name: string;
  youthCapacity: number;
  companyTarget: number;
  startWithinDays: number;
}

/** The facts the programme overview counts: dates and kinds only, never a name or an id of a person. */
export interface ProgrammeFacts {
  municipalities: ProgrammeMunicipality[];
  /** One row per young person: when referred, and when they left (null while in the programme). */
  youth: { municipalityId: string; referredOn: string; leftOn: string | null }[];
  activeCompanies: { municipalityId: string; n: number }[];
  /** Distinct CVR numbers of active companies, across municipalities. */
  distinctCvr: number;
  /** Internships whose first day is in the window. */
  starts: { municipalityId: string; chosenAt: Date; firstDay: string; rotation: boolean }[];
  /** Extensions agreed, created in the window. */
  extensions: { municipalityId: string; n: number }[];
  /** Group attendance in sessions held in the window. */
  attendance: { municipalityId: string; present: number; all: number }[];
  /** Exits in the window, by kind. */
  exits: { municipalityId: string; kind: string; n: number }[];
  /** Follow-ups 6 months after exit (all recorded): how many, and how many still in job or education. */
  followups: { municipalityId: string; followed: number; retained: number }[];
}

/**
 * A read model (decision 0018): the programme overview's facts (#16), read from the youth, exits,
 * companies, internships and groups tables in one pass per table. Counts and dates only.
 */
export class UnitedRepository {
  constructor(private readonly db: Db) {}

  private async rows<T>(query: SQL): Promise<T[]> {
    const res = await this.db.execute(query);
    return (res as { rows: T[] }).rows;
  }

  /** @param from the window's first day; @param to its last (today). */
  async facts(from: string, to: string): Promise<ProgrammeFacts> {
    const [municipalities, youth, activeCompanies, cvr, starts, extensions, attendance, exits, followups] = await Promise.all([
      this.rows<ProgrammeMunicipality>(sql`
        select id, name, youth_capacity as "youthCapacity", company_target as "companyTarget",
          start_within_days as "startWithinDays"
        from municipalities order by name`),
      this.rows<ProgrammeFacts['youth'][number]>(sql`
        select y.municipality_id as "municipalityId", y.referred_on::text as "referredOn",
          coalesce(e.exited_on, case when y.status = 'ended' then (y.status_since at time zone 'Europe/Copenhagen')::date end)::text
            as "leftOn"
        from youth y left join youth_exits e on e.youth_id = y.id`),
      this.rows<{ municipalityId: string; n: number }>(sql`
        select municipality_id as "municipalityId", count(*)::int as n from companies
        where network_status = 'active' group by municipality_id`),
      this.rows<{ n: number }>(sql`select count(distinct cvr)::int as n from companies where network_status = 'active'`),
      this.rows<{ municipalityId: string; chosenAt: Date | string; firstDay: string; rotation: boolean }>(sql`
        select municipality_id as "municipalityId", chosen_at as "chosenAt", first_day::text as "firstDay",
          previous_id is not null as rotation
        from internships where first_day between ${from}::date and ${to}::date`),
      this.rows<{ municipalityId: string; n: number }>(sql`
        select i.municipality_id as "municipalityId", count(*)::int as n
        from internship_extensions x join internships i on i.id = x.internship_id
        where x.status = 'agreed' and (x.created_at at time zone 'Europe/Copenhagen')::date between ${from}::date and ${to}::date
        group by i.municipality_id`),
      this.rows<ProgrammeFacts['attendance'][number]>(sql`
        select g.municipality_id as "municipalityId", count(*) filter (where a.status = 'present')::int as present,
          count(*)::int as "all"
        from session_attendance a join group_sessions s on s.id = a.session_id join network_groups g on g.id = s.group_id
        where s.held_on between ${from}::date and ${to}::date
        group by g.municipality_id`),
      this.rows<ProgrammeFacts['exits'][number]>(sql`
        select municipality_id as "municipalityId", kind, count(*)::int as n from youth_exits
        where exited_on between ${from}::date and ${to}::date group by municipality_id, kind`),
      this.rows<ProgrammeFacts['followups'][number]>(sql`
        select e.municipality_id as "municipalityId", count(*)::int as followed,
          count(*) filter (where f.outcome in ('job', 'education'))::int as retained
        from youth_exit_followups f join youth_exits e on e.youth_id = f.youth_id
        where f.months = 6 group by e.municipality_id`),
    ]);
    return {
      municipalities,
      youth,
      activeCompanies,
      distinctCvr: cvr[0]?.n ?? 0,
      starts: starts.map((s) => ({ ...s, chosenAt: new Date(s.chosenAt) })),
      extensions,
      attendance,
      exits,
      followups,
    };
  }
}
