import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { openings, searchWords } from './companies.schema.ts';
import type { DirectoryQuery } from './companies.inputs.ts';
import { PAGE_SIZE } from './companies.repository.ts';
import type { Opening } from './openings.repository.ts';

// Typo tolerance: pg_trgm's word similarity between a typed word and the words of titles and
// company names (search_words), both lower-cased and without accents (nw_unaccent). The `<%`
// operator uses the trigram indexes; its threshold is the session setting
// pg_trgm.word_similarity_threshold, set when a connection opens (WORD_SIMILARITY_THRESHOLD in
// platform/db/client.ts).

/** An opening as lists and the API show it: what the directory reads for each hit. */
export type ListedOpening = Pick<
  Opening,
  | 'id'
  | 'companyId'
  | 'title'
  | 'tasks'
  | 'place'
  | 'weeklyHours'
  | 'durationMonths'
  | 'seats'
  | 'startFrom'
  | 'learning'
  | 'supervisorUserId'
  | 'published'
  | 'companyName'
  | 'companyTrade'
  | 'companyArea'
>;
export interface DirectoryHit {
  opening: ListedOpening;
  companyName: string;
  tradeSection: string;
  area: string;
}
export interface DirectoryPage {
  hits: DirectoryHit[];
  total: number;
  fuzzy: boolean;
}

/** The parts a search has, which decide its statement: words (as typed, corrected, none) and filters. */
interface Shape {
  text: 'none' | 'exact' | 'corrected';
  trade: boolean;
  area: boolean;
  hours: boolean;
  startBy: boolean;
}

/** The columns a hit is read with (not the search documents, not the unused ones). */
const listed = {
  id: openings.id,
  companyId: openings.companyId,
  title: openings.title,
  tasks: openings.tasks,
  place: openings.place,
  weeklyHours: openings.weeklyHours,
  durationMonths: openings.durationMonths,
  seats: openings.seats,
  startFrom: openings.startFrom,
  learning: openings.learning,
  supervisorUserId: openings.supervisorUserId,
  published: openings.published,
  companyName: openings.companyName,
  companyTrade: openings.companyTrade,
  companyArea: openings.companyArea,
} satisfies Record<keyof ListedOpening, unknown>;
const p = (name: string) => sql.placeholder(name);

/**
 * The directory: published openings of companies in the network. Each shape of search (at most
 * 3 × 16) is built once and prepared by name, so a request neither builds SQL nor sends it: each
 * connection parses a statement once, then only binds values (decision 0010). Plans stay custom
 * (plan_cache_mode, platform/db/client.ts): how many openings a word matches varies too much for
 * one plan.
 */
export class DirectoryRepository {
  readonly #statements = new Map<string, ReturnType<DirectoryRepository['prepare']>>();

  constructor(private readonly db: Db) {}

  /** The areas of the companies with openings in the directory, for the area filter. */
  async areas(municipalityId: string): Promise<string[]> {
    const rows = await this.db
      .selectDistinct({ area: openings.companyArea })
      .from(openings)
      .where(and(eq(openings.municipalityId, municipalityId), eq(openings.published, true), eq(openings.companyListed, true)));
    return rows.map((r) => r.area);
  }

  /**
   * Danish full-text search first (stems, so "kraftvarmeværker" finds "kraftvarmeværket"); only
   * when that finds nothing, each word is corrected against the words of titles and company names
   * by trigram similarity (without accents, so "kokkenhjalper" finds "køkkenhjælper") and the
   * search runs again with the corrections, in one statement. Best matches first, then names in
   * Danish order.
   */
  async search(municipalityId: string, q: DirectoryQuery): Promise<DirectoryPage> {
    const shape: Shape = { text: 'none', trade: q.trade !== '', area: q.area !== '', hours: q.hours !== '', startBy: q.startBy !== '' };
    const values = {
      m: municipalityId,
      trade: q.trade,
      area: q.area,
      hours: q.hours,
      startBy: q.startBy,
      q: q.q,
      offset: (q.page - 1) * PAGE_SIZE,
      fence: 0,
    };
    if (!q.q) return { ...(await this.run(shape, values)), fuzzy: false };
    const exact = await this.run({ ...shape, text: 'exact' }, values);
    if (exact.total > 0 || q.page > 1) return { ...exact, fuzzy: false };
    const typed = q.q
      .split(/[\s,.;:!?()"'/&+–—-]+/)
      .filter((w) => w.length >= 3)
      .slice(0, 5);
    if (!typed.length) return { hits: [], total: 0, fuzzy: true };
    const corrected = { ...values, words: typed.join(' '), count: typed.length, offset: 0 };
    return { ...(await this.run({ ...shape, text: 'corrected' }, corrected)), fuzzy: true };
  }

  private async run(shape: Shape, values: Record<string, unknown>): Promise<{ hits: DirectoryHit[]; total: number }> {
    const name = `directory_${shape.text}_${[shape.trade, shape.area, shape.hours, shape.startBy].map(Number).join('')}`;
    let statement = this.#statements.get(name);
    if (!statement) {
      statement = this.prepare(shape, name);
      this.#statements.set(name, statement);
    }
    const rows = await statement.execute(values);
    const hits = rows.map(({ o }) => ({ opening: o, companyName: o.companyName, tradeSection: o.companyTrade, area: o.companyArea }));
    return { hits, total: rows.length ? Number(rows[0]!.total) : 0 };
  }

  /**
   * One page in one statement: the ids, sort keys and count come from the covering indexes
   * (drizzle/0012, 0018; no table rows read for the hits off the page), then the page's 20 rows
   * are joined by id. Each opening carries its company's fields (kept by triggers), so one table.
   */
  private prepare(shape: Shape, name: string) {
    const filters: SQL[] = [eq(openings.municipalityId, p('m')), eq(openings.published, true), eq(openings.companyListed, true)];
    if (shape.trade) filters.push(eq(openings.companyTrade, p('trade')));
    // The area is one of the municipality's areas (a choice on the page, see areas()), matched exactly.
    if (shape.area) filters.push(eq(openings.companyArea, p('area')));
    if (shape.hours) filters.push(sql`${openings.weeklyHours} <= ${p('hours')}`);
    if (shape.startBy) filters.push(sql`${openings.startFrom} <= ${p('startBy')}`);
    const corrected = shape.text === 'corrected' ? this.corrected() : undefined;
    const db = corrected ? this.db.with(corrected) : this.db;
    if (shape.text === 'none') {
      // In name order, straight from the covering index.
      const byName = [asc(openings.companyNameSort), asc(openings.title)];
      const ids = this.db
        .select({ id: sql<string>`${openings.id}`.as('page_id'), total: sql<number>`count(*) over ()`.as('total') })
        .from(openings)
        .where(and(...filters))
        .orderBy(...byName)
        .limit(PAGE_SIZE)
        .offset(p('offset'))
        .as('page_ids');
      return db
        .select({ o: listed, total: ids.total })
        .from(ids)
        .innerJoin(openings, eq(openings.id, ids.id))
        .orderBy(...byName)
        .prepare(name);
    }
    const query = corrected ? sql`(select "query" from ${corrected})` : sql`websearch_to_tsquery('danish', ${p('q')})`;
    // The document holds the opening's words and its company's (name, area, why it joined; copied
    // by triggers, drizzle/0020), so a company's words find its openings with the one index.
    filters.push(sql`${openings.search} @@ ${query}`);
    // The matches with their rank and sort keys only: counting and sorting them then handles narrow
    // rows, not rows with the search document (measured: 2.1 → 0.8 ms for 625 matches). An offset
    // (always 0; drizzle leaves out a literal 0) keeps PostgreSQL from merging this into the query
    // around it, which would carry the search documents up again.
    const matches = this.db
      .select({
        id: sql<string>`${openings.id}`.as('page_id'),
        rank: sql<number>`ts_rank(${openings.search}, ${query})`.as('rank'),
        nameSort: sql<string>`${openings.companyNameSort}`.as('name_sort'),
        titleKey: sql<string>`${openings.title}`.as('title_key'),
      })
      .from(openings)
      .where(and(...filters))
      .offset(p('fence'))
      .as('matches');
    const byRank = [desc(matches.rank), asc(matches.nameSort), asc(matches.titleKey)];
    const ids = this.db
      .select({
        id: matches.id,
        rank: matches.rank,
        nameSort: matches.nameSort,
        titleKey: matches.titleKey,
        total: sql<number>`count(*) over ()`.as('total'),
      })
      .from(matches)
      .orderBy(...byRank)
      .limit(PAGE_SIZE)
      .offset(p('offset'))
      .as('page_ids');
    return (
      db
        .select({ o: listed, total: ids.total })
        .from(ids)
        .innerJoin(openings, eq(openings.id, ids.id))
        // The same order again, on the 20 rows only.
        .orderBy(desc(ids.rank), asc(ids.nameSort), asc(ids.titleKey))
        .prepare(name)
    );
  }

  /**
   * A tsquery of the closest known words for each word typed ("kokkenhjalper" → "køkkenhjælper"),
   * by trigram word similarity on the words without accents; the two closest per word are allowed,
   * and every word must have one (else the query is null and nothing matches). Words with
   * punctuation (the tsquery's operators among it) are skipped, so the query always parses.
   */
  private corrected() {
    return this.db.$with('corrected', { query: sql<string>`query` }).as(sql`
      select to_tsquery('danish', string_agg(alternatives, ' & ' order by ord)) as query
      from (
        select t.ord, '(' || string_agg(w.word, ' | ') || ')' as alternatives
        from unnest(string_to_array(${p('words')}, ' ')) with ordinality as t(typed, ord)
        cross join lateral (
          select s.word from ${searchWords} s
          where s.municipality_id = ${p('m')} and nw_unaccent(t.typed) <% s.plain and s.word !~ '[[:space:][:punct:]]'
          order by word_similarity(nw_unaccent(t.typed), s.plain) desc, s.plain
          limit 2
        ) w
        group by t.ord
      ) per_word
      having count(*) = ${p('count')}`);
  }
}
