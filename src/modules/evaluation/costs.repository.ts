import { and, desc, eq, gte, lte, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { staffTime, trialEconomics } from './costs.schema.ts';

export type StaffTimeEntry = typeof staffTime.$inferSelect;
export type TrialEconomics = typeof trialEconomics.$inferSelect;
export type TrialEconomicsValues = Omit<typeof trialEconomics.$inferInsert, 'trialId'>;

const totalMinutes = sql<number>`coalesce(sum(${staffTime.minutes}), 0)::int`;

/** What the programme costs: staff time logged by the team, and the prices a trial's cost-effectiveness rests on. */
export class CostsRepository {
  constructor(private readonly db: Db) {}

  async insertStaffTime(values: typeof staffTime.$inferInsert): Promise<StaffTimeEntry> {
    const [row] = await this.db.insert(staffTime).values(values).returning();
    return row!;
  }

  /** A person's latest 30 entries in a municipality, newest first. */
  latestStaffTime(municipalityId: string, userId: string): Promise<StaffTimeEntry[]> {
    return this.db
      .select()
      .from(staffTime)
      .where(and(eq(staffTime.municipalityId, municipalityId), eq(staffTime.userId, userId)))
      .orderBy(desc(staffTime.on), desc(staffTime.createdAt))
      .limit(30);
  }

  /** A person's minutes in a municipality from a day on. */
  async staffMinutesOf(municipalityId: string, userId: string, from: string): Promise<number> {
    const [row] = await this.db
      .select({ minutes: totalMinutes })
      .from(staffTime)
      .where(and(eq(staffTime.municipalityId, municipalityId), eq(staffTime.userId, userId), gte(staffTime.on, from)));
    return row?.minutes ?? 0;
  }

  /** Total staff minutes in a municipality over a period (for the trial's cost). */
  async staffMinutes(municipalityId: string, from: string, to: string): Promise<number> {
    const [row] = await this.db
      .select({ minutes: totalMinutes })
      .from(staffTime)
      .where(and(eq(staffTime.municipalityId, municipalityId), gte(staffTime.on, from), lte(staffTime.on, to)));
    return row?.minutes ?? 0;
  }

  async economics(trialId: string): Promise<TrialEconomics | undefined> {
    const [prices] = await this.db.select().from(trialEconomics).where(eq(trialEconomics.trialId, trialId)).limit(1);
    return prices;
  }

  async saveEconomics(trialId: string, values: TrialEconomicsValues): Promise<void> {
    await this.db
      .insert(trialEconomics)
      .values({ trialId, ...values })
      .onConflictDoUpdate({ target: trialEconomics.trialId, set: values });
  }
}
