import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { companies, openings } from './companies.schema.ts';
import type { OpeningInput } from './companies.inputs.ts';

export type Opening = typeof openings.$inferSelect;

export class OpeningsRepository {
  constructor(private readonly db: Db) {}

  async find(id: string): Promise<(Opening & { companyName: string }) | undefined> {
    const [row] = await this.db
      .select({ opening: openings, companyName: companies.name })
      .from(openings)
      .innerJoin(companies, eq(companies.id, openings.companyId))
      .where(eq(openings.id, id))
      .limit(1);
    return row ? { ...row.opening, companyName: row.companyName } : undefined;
  }

  /** Every opening of a municipality, by company name (exports). */
  async all(municipalityId: string): Promise<(Opening & { companyName: string })[]> {
    const rows = await this.db
      .select({ opening: openings, companyName: companies.name })
      .from(openings)
      .innerJoin(companies, eq(companies.id, openings.companyId))
      .where(eq(openings.municipalityId, municipalityId))
      .orderBy(asc(companies.nameSort), asc(openings.title));
    return rows.map((r) => ({ ...r.opening, companyName: r.companyName }));
  }

  async insert(municipalityId: string, companyId: string, input: OpeningInput, at: Date): Promise<Opening> {
    const [row] = await this.db
      .insert(openings)
      .values({ ...input, municipalityId, companyId, createdAt: at, updatedAt: at })
      .returning();
    return row!;
  }

  async update(id: string, input: OpeningInput, at: Date): Promise<void> {
    await this.db
      .update(openings)
      .set({ ...input, updatedAt: at })
      .where(eq(openings.id, id));
  }
}
