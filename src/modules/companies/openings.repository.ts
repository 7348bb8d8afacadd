import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { companies, openings } from './companies.schema.ts';
import type { DirectoryQuery, OpeningInput } from './companies.inputs.ts';
import { PAGE_SIZE } from './companies.repository.ts';

export type Opening = typeof openings.$inferSelect;
export interface DirectoryHit {
  opening: Opening;
  companyName: string;
  tradeSection: string;
  area: string;
}

/**
 * Typo tolerance: pg_trgm's word similarity between the search and a title or company name, both
 * lower-cased and without accents (nw_unaccent). The `<%` operator uses the trigram indexes; its
 * threshold is the session setting pg_trgm.word_similarity_threshold, set when a connection opens
 * (see platform/db/client.ts).
 */
export const TYPO_SIMILARITY = 0.45;

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

  /**
   * The directory: published openings of companies in the network. Danish full-text search first
   * (stems, so "kraftvarmeværker" finds "kraftvarmeværket"); only when that finds nothing, trigram
   * similarity for typos on titles and company names (without accents, so "kokkenhjalper" finds
   * "køkkenhjælper"). Best matches first, then names in Danish order.
   */
  async search(municipalityId: string, q: DirectoryQuery): Promise<{ hits: DirectoryHit[]; total: number; fuzzy: boolean }> {
    // One table: each opening carries its company's fields (kept by triggers, drizzle/0012).
    const filters: SQL[] = [eq(openings.municipalityId, municipalityId), eq(openings.published, true), eq(openings.companyListed, true)];
    if (q.trade) filters.push(eq(openings.companyTrade, q.trade));
    if (q.area) filters.push(sql`(${openings.companyArea} ilike ${q.area + '%'} or ${openings.place} ilike ${'%' + q.area + '%'})`);
    if (q.hours !== '') filters.push(sql`${openings.weeklyHours} <= ${q.hours}`);
    if (q.startBy) filters.push(sql`${openings.startFrom} <= ${q.startBy}`);
    const byName = [asc(openings.companyNameSort), asc(openings.title)];
    if (!q.q) return { ...(await this.page(filters, byName, q.page)), fuzzy: false };

    // The opening's own text, or its company's (the few matching companies are found first, and
    // their openings through the company index: the planner combines both indexes in one scan).
    const query = sql`websearch_to_tsquery('danish', ${q.q})`;
    const companyMatches = sql`array(select c.id from ${companies} c where c.municipality_id = ${municipalityId} and c.search @@ ${query})`;
    const words = sql`(${openings.search} @@ ${query} or ${openings.companyId} = any(${companyMatches}))`;
    const rank = sql`ts_rank(${openings.search}, ${query}) + (case when ${openings.companyId} = any(${companyMatches}) then 0.1 else 0 end) desc`;
    const exact = await this.page([...filters, words], [rank, ...byName], q.page);
    if (exact.total > 0 || q.page > 1) return { ...exact, fuzzy: false };

    const typed = sql`nw_unaccent(${q.q})`;
    const companyAlike = sql`array(select c.id from ${companies} c where c.municipality_id = ${municipalityId} and ${typed} <% c.name_plain)`;
    const alike = sql`(${typed} <% ${openings.titlePlain} or ${openings.companyId} = any(${companyAlike}))`;
    const similarity = sql`word_similarity(${typed}, ${openings.titlePlain}) desc`;
    return { ...(await this.page([...filters, alike], [similarity, ...byName], q.page)), fuzzy: true };
  }

  private async page(where: SQL[], order: (SQL | SQL.Aliased)[], page: number): Promise<{ hits: DirectoryHit[]; total: number }> {
    const rows = await this.db
      .select({
        opening: openings,
        companyName: openings.companyName,
        tradeSection: openings.companyTrade,
        area: openings.companyArea,
        total: sql<number>`count(*) over ()`,
      })
      .from(openings)
      .where(and(...where))
      .orderBy(...order)
      .limit(PAGE_SIZE)
      .offset((page - 1) * PAGE_SIZE);
    return { hits: rows.map(({ total: _total, ...hit }) => hit), total: Number(rows[0]?.total ?? 0) };
  }
}
