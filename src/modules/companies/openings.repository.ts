import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { companies, openings, searchWords } from './companies.schema.ts';
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
 * Typo tolerance: pg_trgm's word similarity between a typed word and the words of titles and
 * company names (search_words), both lower-cased and without accents (nw_unaccent). The `<%` operator uses the trigram indexes; its
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
   * (stems, so "kraftvarmeværker" finds "kraftvarmeværket"); only when that finds nothing, each
   * word is corrected against the words of titles and company names by trigram similarity (without
   * accents, so "kokkenhjalper" finds "køkkenhjælper") and the search runs again with the
   * corrections. Best matches first, then names in Danish order.
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

    const exact = await this.matching(municipalityId, filters, sql`websearch_to_tsquery('danish', ${q.q})`, q.page);
    if (exact.total > 0 || q.page > 1) return { ...exact, fuzzy: false };
    // Nothing: correct each word against the vocabulary of titles and company names, and search
    // again with the closest words (say so on the page).
    const corrected = await this.corrections(municipalityId, q.q);
    if (!corrected) return { hits: [], total: 0, fuzzy: true };
    return { ...(await this.matching(municipalityId, filters, sql`to_tsquery('danish', ${corrected})`, 1)), fuzzy: true };
  }

  /**
   * Openings whose own text matches, or whose company's does (the few matching companies are found
   * first, and their openings through the company index: the planner combines both indexes).
   */
  private matching(municipalityId: string, filters: SQL[], query: SQL, page: number) {
    const companyMatches = sql`array(select c.id from ${companies} c where c.municipality_id = ${municipalityId} and c.search @@ ${query})`;
    const words = sql`(${openings.search} @@ ${query} or ${openings.companyId} = any(${companyMatches}))`;
    const rank = sql`ts_rank(${openings.search}, ${query}) + (case when ${openings.companyId} = any(${companyMatches}) then 0.1 else 0 end) desc`;
    return this.page([...filters, words], [rank, asc(openings.companyNameSort), asc(openings.title)], page);
  }

  /**
   * A tsquery of the closest known words for each word typed ("kokkenhjalper" → "køkkenhjælper"),
   * by trigram word similarity on the words without accents; the two closest per word are allowed.
   */
  private async corrections(municipalityId: string, typed: string): Promise<string | null> {
    const groups: string[] = [];
    for (const w of typed
      .split(/[\s,.;:!?()"'/&+–—-]+/)
      .filter((x) => x.length >= 3)
      .slice(0, 5)) {
      const rows = await this.db
        .select({ word: searchWords.word })
        .from(searchWords)
        .where(and(eq(searchWords.municipalityId, municipalityId), sql`nw_unaccent(${w}) <% ${searchWords.plain}`))
        .orderBy(sql`word_similarity(nw_unaccent(${w}), ${searchWords.plain}) desc`, asc(searchWords.plain))
        .limit(2);
      const words = rows.map((r) => r.word).filter((x) => /^[\p{L}\p{N}]+$/u.test(x));
      if (!words.length) return null;
      groups.push(`(${words.join(' | ')})`);
    }
    return groups.length ? groups.join(' & ') : null;
  }

  /**
   * One page in one round trip: the ids, sort keys and count come from the covering index
   * (drizzle/0012; no table rows read for the hits off the page), then the page's 20 rows are
   * joined by id. (Each query costs a system call that is slow on these machines, so the two steps
   * share one statement.)
   */
  private async page(where: SQL[], order: (SQL | SQL.Aliased)[], page: number): Promise<{ hits: DirectoryHit[]; total: number }> {
    const ids = this.db
      .select({ id: sql<string>`${openings.id}`.as('page_id'), total: sql<number>`count(*) over ()`.as('total') })
      .from(openings)
      .where(and(...where))
      .orderBy(...order)
      .limit(PAGE_SIZE)
      .offset((page - 1) * PAGE_SIZE)
      .as('page_ids');
    const rows = await this.db
      .select({ o: openings, total: ids.total })
      .from(ids)
      .innerJoin(openings, eq(openings.id, ids.id))
      // The same order again, on the 20 rows only.
      .orderBy(...order);
    const hits = rows.map(({ o }) => ({ opening: o, companyName: o.companyName, tradeSection: o.companyTrade, area: o.companyArea }));
    return { hits, total: rows.length ? Number(rows[0]!.total) : 0 };
  }
}
