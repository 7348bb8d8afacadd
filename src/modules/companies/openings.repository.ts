import { and, asc, eq, getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { companies, openings, searchWords } from './companies.schema.ts';
import type { DirectoryQuery, OpeningInput } from './companies.inputs.ts';
import { PAGE_SIZE } from './companies.repository.ts';

export type Opening = typeof openings.$inferSelect;
/** An opening as a list shows it: without the search document and the typo column. */
export type ListedOpening = Omit<Opening, 'search' | 'titlePlain'>;
export interface DirectoryHit {
  opening: ListedOpening;
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

type Corrected = ReturnType<OpeningsRepository['corrected']>;
const { search: _search, titlePlain: _titlePlain, ...listed } = getTableColumns(openings);

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

  /** The areas of the companies with openings in the directory, for the area filter. */
  async areas(municipalityId: string): Promise<string[]> {
    const rows = await this.db
      .selectDistinct({ area: openings.companyArea })
      .from(openings)
      .where(and(eq(openings.municipalityId, municipalityId), eq(openings.published, true), eq(openings.companyListed, true)));
    return rows.map((r) => r.area);
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
    // The area is one of the municipality's areas (a choice on the page, see areas()), matched exactly.
    if (q.area) filters.push(eq(openings.companyArea, q.area));
    if (q.hours !== '') filters.push(sql`${openings.weeklyHours} <= ${q.hours}`);
    if (q.startBy) filters.push(sql`${openings.startFrom} <= ${q.startBy}`);
    const byName = [asc(openings.companyNameSort), asc(openings.title)];
    if (!q.q) return { ...(await this.page(filters, byName, q.page)), fuzzy: false };

    const exact = await this.matching(municipalityId, filters, sql`websearch_to_tsquery('danish', ${q.q})`, q.page);
    if (exact.total > 0 || q.page > 1) return { ...exact, fuzzy: false };
    // Nothing: correct each word against the vocabulary of titles and company names, and search
    // again with the closest words, in one statement (say so on the page).
    const typed = q.q
      .split(/[\s,.;:!?()"'/&+–—-]+/)
      .filter((w) => w.length >= 3)
      .slice(0, 5);
    if (!typed.length) return { hits: [], total: 0, fuzzy: true };
    const corrected = this.corrected(municipalityId, typed);
    return { ...(await this.matching(municipalityId, filters, sql`(select "query" from ${corrected})`, 1, corrected)), fuzzy: true };
  }

  /**
   * Openings whose own text matches, or whose company's does (the few matching companies are found
   * first, and their openings through the company index: the planner combines both indexes).
   */
  private matching(municipalityId: string, filters: SQL[], query: SQL, page: number, corrected?: Corrected) {
    const companyMatches = sql`array(select c.id from ${companies} c where c.municipality_id = ${municipalityId} and c.search @@ ${query})`;
    const words = sql`(${openings.search} @@ ${query} or ${openings.companyId} = any(${companyMatches}))`;
    const rank = sql`ts_rank(${openings.search}, ${query}) + (case when ${openings.companyId} = any(${companyMatches}) then 0.1 else 0 end) desc`;
    return this.page([...filters, words], [rank, asc(openings.companyNameSort), asc(openings.title)], page, corrected);
  }

  /**
   * A tsquery of the closest known words for each word typed ("kokkenhjalper" → "køkkenhjælper"),
   * by trigram word similarity on the words without accents; the two closest per word are allowed,
   * and every word must have one (else the query is null and nothing matches). Words with
   * punctuation (the tsquery's operators among it) are skipped, so the query always parses.
   */
  private corrected(municipalityId: string, typed: string[]) {
    return this.db.$with('corrected', { query: sql<string>`query` }).as(sql`
      select to_tsquery('danish', string_agg(alternatives, ' & ' order by ord)) as query
      from (
        select t.ord, '(' || string_agg(w.word, ' | ') || ')' as alternatives
        from unnest(string_to_array(${typed.join(' ')}, ' ')) with ordinality as t(typed, ord)
        cross join lateral (
          select s.word from ${searchWords} s
          where s.municipality_id = ${municipalityId} and nw_unaccent(t.typed) <% s.plain and s.word !~ '[[:space:][:punct:]]'
          order by word_similarity(nw_unaccent(t.typed), s.plain) desc, s.plain
          limit 2
        ) w
        group by t.ord
      ) per_word
      having count(*) = ${typed.length}`);
  }

  /**
   * One page in one round trip: the ids, sort keys and count come from the covering index
   * (drizzle/0012; no table rows read for the hits off the page), then the page's 20 rows are
   * joined by id. (Each query costs a system call that is slow on these machines, so the two steps
   * share one statement.)
   */
  private async page(
    where: SQL[],
    order: (SQL | SQL.Aliased)[],
    page: number,
    corrected?: Corrected,
  ): Promise<{ hits: DirectoryHit[]; total: number }> {
    const ids = this.db
      .select({ id: sql<string>`${openings.id}`.as('page_id'), total: sql<number>`count(*) over ()`.as('total') })
      .from(openings)
      .where(and(...where))
      .orderBy(...order)
      .limit(PAGE_SIZE)
      .offset((page - 1) * PAGE_SIZE)
      .as('page_ids');
    const rows = await (corrected ? this.db.with(corrected) : this.db)
      .select({ o: listed, total: ids.total })
      .from(ids)
      .innerJoin(openings, eq(openings.id, ids.id))
      // The same order again, on the 20 rows only.
      .orderBy(...order);
    const hits = rows.map(({ o }) => ({ opening: o, companyName: o.companyName, tradeSection: o.companyTrade, area: o.companyArea }));
    return { hits, total: rows.length ? Number(rows[0]!.total) : 0 };
  }
}
