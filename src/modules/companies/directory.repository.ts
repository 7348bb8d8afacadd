import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { openings, searchWords } from './companies.schema.ts';
import type { DirectoryQuery } from './companies.inputs.ts';
import { PAGE_SIZE } from './companies.repository.ts';
import type { Opening } from './openings.repository.ts';

// One search, three kinds of hit ranked together (decision 0025): the words as typed (Danish
// full text, stemmed), words that begin with a typed word (compounds: "lager" finds
// "Lagermedarbejder"), and words close to a typed word (typos: pg_trgm's word similarity between
// the typed word and the words of titles and company names, search_words, both lower-cased and
// without accents, nw_unaccent). The `<%` operator uses the trigram index; its threshold is the
// session setting pg_trgm.word_similarity_threshold, set when a connection opens
// (WORD_SIMILARITY_THRESHOLD in platform/db/client.ts).

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

/** The parts a search has, which decide its statement: words or none, and filters. */
interface Shape {
  text: 'none' | 'words';
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
   * Words and filters in one statement. An opening matches when each typed word is in it as typed
   * (Danish stems, so "kraftvarmeværker" finds "kraftvarmeværket"), begins one of its words
   * ("lager" finds "Lagerhjælper", "dyr" finds "Dyrepasser") or is close to one of them ("kokkenhjalper"
   * finds "køkkenhjælper"). Hits as typed come first, then those found by beginnings, then the
   * close ones; within each, best matches first, then names in Danish order. `fuzzy`: only close
   * ones were found.
   */
  async search(municipalityId: string, q: DirectoryQuery): Promise<DirectoryPage> {
    const shape: Shape = {
      text: q.q ? 'words' : 'none',
      trade: q.trade !== '',
      area: q.area !== '',
      hours: q.hours !== '',
      startBy: q.startBy !== '',
    };
    const values = {
      m: municipalityId,
      trade: q.trade,
      area: q.area,
      hours: q.hours,
      startBy: q.startBy,
      q: q.q,
      words: typedWords(q.q).join(' '),
      offset: (q.page - 1) * PAGE_SIZE,
      fence: 0,
    };
    return this.run(shape, values);
  }

  private async run(shape: Shape, values: Record<string, unknown>): Promise<DirectoryPage> {
    const name = `directory_${shape.text}_${[shape.trade, shape.area, shape.hours, shape.startBy].map(Number).join('')}`;
    let statement = this.#statements.get(name);
    if (!statement) {
      statement = this.prepare(shape, name);
      this.#statements.set(name, statement);
    }
    const rows = await statement.execute(values);
    const hits = rows.map(({ o }) => ({ opening: o, companyName: o.companyName, tradeSection: o.companyTrade, area: o.companyArea }));
    const first = rows[0];
    return { hits, total: first ? Number(first.total) : 0, fuzzy: first ? Number(first.best) === FUZZY : false };
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
    if (shape.text === 'none') {
      // In name order, straight from the covering index.
      const byName = [asc(openings.companyNameSort), asc(openings.title)];
      const ids = this.db
        .select({
          id: sql<string>`${openings.id}`.as('page_id'),
          total: sql<number>`count(*) over ()`.as('total'),
          best: sql<number>`${tier(EXACT)}`.as('best'),
        })
        .from(openings)
        .where(and(...filters))
        .orderBy(...byName)
        .limit(PAGE_SIZE)
        .offset(p('offset'))
        .as('page_ids');
      return this.db
        .select({ o: listed, total: ids.total, best: ids.best })
        .from(ids)
        .innerJoin(openings, eq(openings.id, ids.id))
        .orderBy(...byName)
        .prepare(name);
    }
    const terms = this.terms();
    // As typed: the planner sees the words (custom plans), so it estimates how many openings match.
    const exact = sql`websearch_to_tsquery('danish', ${p('q')})`;
    const prefix = sql`(select "prefix" from ${terms})`;
    const broad = sql`(select "broad" from ${terms})`;
    // The document holds the opening's words and its company's (name, area, why it joined; copied
    // by triggers, drizzle/0020), so a company's words find its openings with the one index.
    filters.push(sql`(${openings.search} @@ ${exact} or ${openings.search} @@ ${broad})`);
    // The matches with their tier, rank and sort keys only: counting and sorting them then handles
    // narrow rows, not rows with the search document (measured: 2.1 → 0.8 ms for 625 matches). An
    // offset (always 0; drizzle leaves out a literal 0) keeps PostgreSQL from merging this into the
    // query around it, which would carry the search documents up again.
    const matches = this.db
      .select({
        id: sql<string>`${openings.id}`.as('page_id'),
        tier: sql<number>`case when ${openings.search} @@ ${exact} then ${tier(EXACT)} when ${openings.search} @@ ${prefix} then ${tier(PREFIX)} else ${tier(FUZZY)} end`.as(
          'tier',
        ),
        rank: sql<number>`ts_rank(${openings.search}, coalesce(${broad}, ${exact}))`.as('rank'),
        nameSort: sql<string>`${openings.companyNameSort}`.as('name_sort'),
        titleKey: sql<string>`${openings.title}`.as('title_key'),
      })
      .from(openings)
      .where(and(...filters))
      .offset(p('fence'))
      .as('matches');
    const byRank = [asc(matches.tier), desc(matches.rank), asc(matches.nameSort), asc(matches.titleKey)];
    const ids = this.db
      .select({
        id: matches.id,
        tier: matches.tier,
        rank: matches.rank,
        nameSort: matches.nameSort,
        titleKey: matches.titleKey,
        total: sql<number>`count(*) over ()`.as('total'),
        best: sql<number>`min(${matches.tier}) over ()`.as('best'),
      })
      .from(matches)
      .orderBy(...byRank)
      .limit(PAGE_SIZE)
      .offset(p('offset'))
      .as('page_ids');
    return (
      this.db
        .with(terms)
        .select({ o: listed, total: ids.total, best: ids.best })
        .from(ids)
        .innerJoin(openings, eq(openings.id, ids.id))
        // The same order again, on the 20 rows only.
        .orderBy(asc(ids.tier), desc(ids.rank), asc(ids.nameSort), asc(ids.titleKey))
        .prepare(name)
    );
  }

  /**
   * The typed words as two tsqueries, built per word from its alternatives: as typed (stemmed), as
   * the beginning of a word (`'lager':*`, not stemmed, so it is what was typed), and the two closest
   * known words that do not begin with it as written (so "bornehave" still reaches "børnehave"); of equally close words the shortest, by trigram word similarity without accents
   * ("lagermedarbjder" → "lagermedarbejder", "lager" → "varelager"). `prefix`: every word as typed or
   * as a beginning; `broad`: every word by any of the three. A word with none of them finds nothing;
   * stop words are left out, as the full-text search leaves them out. Words are letters and digits
   * only (typedWords), so the text always parses as a tsquery.
   */
  private terms() {
    return this.db.$with('terms', { prefix: sql<string>`prefix`, broad: sql<string>`broad` }).as(sql`
      select
        string_agg('(' || as_typed || ' | ' || beginning || ')', ' & ' order by ord)::tsquery as prefix,
        string_agg('(' || concat_ws(' | ', as_typed, beginning, close_words) || ')', ' & ' order by ord)::tsquery as broad
      from (
        select t.ord,
          nullif(plainto_tsquery('danish', t.typed)::text, '') as as_typed,
          to_tsquery('simple', t.typed || ':*')::text as beginning,
          (
            select string_agg(nullif(to_tsquery('danish', w.word)::text, ''), ' | ')
            from (
              select s.word from ${searchWords} s
              where s.municipality_id = ${p('m')} and nw_unaccent(t.typed) <% s.plain and s.word !~ '[[:space:][:punct:]]'
                and not starts_with(s.word, t.typed)
              order by word_similarity(nw_unaccent(t.typed), s.plain) desc, length(s.plain), s.plain
              limit 2
            ) w
          ) as close_words
        from unnest(string_to_array(${p('words')}, ' ')) with ordinality as t(typed, ord)
      ) per_word
      where as_typed is not null`);
  }
}

/** Tiers of a hit: the words as typed, as beginnings of words, or close to words. */
const EXACT = 0;
const PREFIX = 1;
const FUZZY = 2;
const tier = (n: number) => sql.raw(String(n));

/**
 * The words of a search that are looked up one by one (beginnings, close words): letters and
 * digits, at least 3 of them ("dyr"), at most 5 words.
 */
export function typedWords(q: string): string[] {
  return q
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 3)
    .slice(0, 5);
}
