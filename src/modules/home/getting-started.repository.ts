import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';

/** What a new municipality has set up so far: the counts the getting-started list ticks itself from. */
export interface StartCounts {
  consultants: number;
  counsellors: number;
  entrepreneurs: number;
  /** Companies registered for the network (any status but left). */
  companies: number;
  /** Young people referred and not ended. */
  youth: number;
  matchEvents: number;
  groups: number;
}

/** A read model over accounts, companies, youth, matching and groups (decision 0018): one round trip. */
export class GettingStartedRepository {
  constructor(private readonly db: Db) {}

  async counts(municipalityId: string): Promise<StartCounts> {
    const res = await this.db.execute(sql`
      select
        (select count(*) from memberships where municipality_id = ${municipalityId} and role = 'network_consultant')::int as consultants,
        (select count(*) from memberships where municipality_id = ${municipalityId} and role = 'youth_counsellor')::int as counsellors,
        (select count(*) from memberships where municipality_id = ${municipalityId} and role = 'entrepreneur')::int as entrepreneurs,
        (select count(*) from companies where municipality_id = ${municipalityId} and network_status <> 'left')::int as companies,
        (select count(*) from youth where municipality_id = ${municipalityId} and status <> 'ended')::int as youth,
        (select count(*) from match_events where municipality_id = ${municipalityId})::int as match_events,
        (select count(*) from network_groups where municipality_id = ${municipalityId} and archived_at is null)::int as groups`);
    const r = (res as { rows: Record<string, unknown>[] }).rows[0]!;
    return {
      consultants: Number(r.consultants),
      counsellors: Number(r.counsellors),
      entrepreneurs: Number(r.entrepreneurs),
      companies: Number(r.companies),
      youth: Number(r.youth),
      matchEvents: Number(r.match_events),
      groups: Number(r.groups),
    };
  }
}
