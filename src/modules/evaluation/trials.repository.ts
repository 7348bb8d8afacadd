import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { memberships } from '../accounts/accounts.schema.ts';
import { youth, youthStatusHistory } from '../youth/youth.schema.ts';
import { trialOutcomes, trialParticipants, trials } from './trials.schema.ts';

export type Trial = typeof trials.$inferSelect;
export type Participant = typeof trialParticipants.$inferSelect;
export type Outcome = typeof trialOutcomes.$inferSelect;

export class TrialsRepository {
  constructor(private readonly db: Db) {}

  async find(id: string): Promise<Trial | undefined> {
    const [row] = await this.db.select().from(trials).where(eq(trials.id, id)).limit(1);
    return row;
  }

  async recruiting(municipalityId: string): Promise<Trial | undefined> {
    const [row] = await this.db
      .select()
      .from(trials)
      .where(and(eq(trials.municipalityId, municipalityId), eq(trials.status, 'recruiting')))
      .limit(1);
    return row;
  }

  list(municipalityId?: string): Promise<Trial[]> {
    return this.db
      .select()
      .from(trials)
      .where(municipalityId ? eq(trials.municipalityId, municipalityId) : undefined)
      .orderBy(desc(trials.startedOn));
  }

  async insert(values: typeof trials.$inferInsert): Promise<Trial> {
    const [row] = await this.db.insert(trials).values(values).returning();
    return row!;
  }

  /** Every participant in chain order. */
  participants(trialId: string, db: Db = this.db): Promise<Participant[]> {
    return db.select().from(trialParticipants).where(eq(trialParticipants.trialId, trialId)).orderBy(asc(trialParticipants.sequence));
  }

  /**
   * Participants with their outcomes and whether a NExTWORK participant took up the programme
   * (recorded, or seen in their status history as in the network or in an internship).
   */
  async forAnalysis(trialId: string) {
    const rows = await this.db
      .select({
        p: trialParticipants,
        startedInProgramme: sql<boolean>`exists (select 1 from ${youthStatusHistory} h where h.youth_id = ${trialParticipants.youthId} and h.to_status in ('in_network', 'in_internship'))`,
      })
      .from(trialParticipants)
      .where(eq(trialParticipants.trialId, trialId))
      .orderBy(asc(trialParticipants.sequence));
    const outcomes = await this.db
      .select({ participantId: trialOutcomes.participantId, horizon: trialOutcomes.horizon, status: trialOutcomes.status })
      .from(trialOutcomes)
      .innerJoin(trialParticipants, eq(trialParticipants.id, trialOutcomes.participantId))
      .where(eq(trialParticipants.trialId, trialId));
    const byParticipant = new Map<string, Record<number, Outcome['status']>>();
    for (const o of outcomes) byParticipant.set(o.participantId, { ...byParticipant.get(o.participantId), [o.horizon]: o.status });
    return rows.map(({ p, startedInProgramme }) => ({
      ...p,
      tookUp: p.tookUp ?? startedInProgramme,
      outcomes: byParticipant.get(p.id) ?? {},
    }));
  }

  /** Locks the trial for one assignment at a time (the count per stratum and the chain's end must not race). */
  async lock(trialId: string, db: Db = this.db): Promise<void> {
    await db.select({ id: trials.id }).from(trials).where(eq(trials.id, trialId)).for('update');
  }

  async countInStratum(trialId: string, stratum: string, db: Db = this.db): Promise<number> {
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(trialParticipants)
      .where(and(eq(trialParticipants.trialId, trialId), eq(trialParticipants.stratum, stratum)));
    return row?.n ?? 0;
  }

  async last(trialId: string, db: Db = this.db): Promise<Participant | undefined> {
    const [row] = await db
      .select()
      .from(trialParticipants)
      .where(eq(trialParticipants.trialId, trialId))
      .orderBy(desc(trialParticipants.sequence))
      .limit(1);
    return row;
  }

  async bySubject(trialId: string, subjectHash: string, db: Db = this.db): Promise<Participant | undefined> {
    const [row] = await db
      .select()
      .from(trialParticipants)
      .where(and(eq(trialParticipants.trialId, trialId), eq(trialParticipants.subjectHash, subjectHash)))
      .limit(1);
    return row;
  }

  async insertParticipant(values: typeof trialParticipants.$inferInsert, db: Db = this.db): Promise<Participant> {
    const [row] = await db.insert(trialParticipants).values(values).returning();
    return row!;
  }

  /** The people in a municipality who hold one of these roles (for reminders). */
  async usersWithRole(municipalityId: string, roles: readonly string[]): Promise<string[]> {
    const rows = await this.db
      .selectDistinct({ userId: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.municipalityId, municipalityId), inArray(memberships.role, [...roles])));
    return rows.map((r) => r.userId);
  }

  async linkYouth(participantId: string, youthId: string): Promise<void> {
    await this.db.update(trialParticipants).set({ youthId }).where(eq(trialParticipants.id, participantId));
  }

  async youthWithCpr(municipalityId: string, cprHash: string): Promise<boolean> {
    const [row] = await this.db
      .select({ id: youth.id })
      .from(youth)
      .where(and(eq(youth.municipalityId, municipalityId), eq(youth.cprHash, cprHash)))
      .limit(1);
    return !!row;
  }

  async saveOutcomes(rows: (typeof trialOutcomes.$inferInsert)[], db: Db = this.db): Promise<void> {
    if (!rows.length) return;
    await db
      .insert(trialOutcomes)
      .values(rows)
      .onConflictDoUpdate({
        target: [trialOutcomes.participantId, trialOutcomes.horizon],
        set: { status: sql`excluded.status`, source: sql`excluded.source`, recordedAt: sql`excluded.recorded_at` },
      });
  }

  /**
   * Programme dose per NExTWORK participant with a record: weeks in a group, group sessions
   * attended, match events they came to, internships and their weeks, and days from the first
   * choice to the first day.
   */
  async dose(youthIds: readonly string[], today: string): Promise<Dose[]> {
    if (!youthIds.length) return [];
    const ids = sql.join(
      youthIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    );
    const res = await this.db.execute(sql`
      select y.id as youth_id,
        coalesce((select sum(extract(epoch from (coalesce(m.left_at, ${today}::date::timestamptz) - m.joined_at)) / 604800)
          from group_members m where m.youth_id = y.id), 0)::float as weeks_in_group,
        (select count(*) from session_attendance a where a.youth_id = y.id and a.status = 'present')::int as sessions,
        (select count(*) from match_event_youth e where e.youth_id = y.id and e.response = 'coming')::int as match_events,
        (select count(*) from internships i where i.youth_id = y.id and i.first_day is not null)::int as internships,
        coalesce((select sum(coalesce(i.actual_end, ${today}::date) - i.first_day) / 7.0
          from internships i where i.youth_id = y.id and i.first_day is not null), 0)::float as internship_weeks,
        (select i.first_day - (i.chosen_at at time zone 'Europe/Copenhagen')::date from internships i
          where i.youth_id = y.id and i.first_day is not null order by i.first_day limit 1) as days_to_start
      from youth y where y.id in (${ids})`);
    return (res as { rows: Record<string, unknown>[] }).rows.map((r) => ({
      youthId: String(r.youth_id),
      weeksInGroup: Number(r.weeks_in_group),
      sessions: Number(r.sessions),
      matchEvents: Number(r.match_events),
      internships: Number(r.internships),
      internshipWeeks: Number(r.internship_weeks),
      daysToStart: r.days_to_start === null ? null : Number(r.days_to_start),
    }));
  }
}

export interface Dose {
  youthId: string;
  weeksInGroup: number;
  sessions: number;
  matchEvents: number;
  internships: number;
  internshipWeeks: number;
  daysToStart: number | null;
}
