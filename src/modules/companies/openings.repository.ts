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

// The same expressions as the GIN indexes in companies.schema.ts, so the planner can use them.
const openingDocument = sql`to_tsvector('danish', ${openings.title} || ' ' || ${openings.tasks} || ' ' || ${openings.place} || ' ' || ${openings.learning})`;
const companyDocument = sql`to_tsvector('danish', ${companies.name} || ' ' || ${companies.area} || ' ' || ${companies.whyJoined})`;
/** How alike a search word must be to a title or company name to count as a typo of it (0–1). */
const TYPO_SIMILARITY = 0.45;

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
   * The directory: published openings of companies in the network. Danish full-text search
   * (stems, so "kraftvarmeværker" finds "kraftvarmeværket") or trigram similarity for typos; best
   * matches first, then names in Danish order.
   */
  async search(municipalityId: string, q: DirectoryQuery): Promise<{ hits: DirectoryHit[]; total: number }> {
    const where: SQL[] = [
      eq(openings.municipalityId, municipalityId),
      eq(openings.published, true),
      sql`${companies.networkStatus} in ('active', 'onboarding')`,
    ];
    const query = sql`websearch_to_tsquery('danish', ${q.q})`;
    if (q.q) {
      where.push(sql`(${openingDocument} @@ ${query} or ${companyDocument} @@ ${query}
        or word_similarity(${q.q}, ${openings.title}) > ${TYPO_SIMILARITY} or word_similarity(${q.q}, ${companies.name}) > ${TYPO_SIMILARITY})`);
    }
    if (q.trade) where.push(eq(companies.tradeSection, q.trade));
    if (q.area) where.push(sql`(${companies.area} ilike ${q.area + '%'} or ${openings.place} ilike ${'%' + q.area + '%'})`);
    if (q.hours !== '') where.push(sql`${openings.weeklyHours} <= ${q.hours}`);
    if (q.startBy) where.push(sql`${openings.startFrom} <= ${q.startBy}`);
    const byName = [asc(companies.nameSort), asc(openings.title)];
    const order = q.q
      ? [
          sql`ts_rank(${openingDocument}, ${query}) + ts_rank(${companyDocument}, ${query})
            + greatest(word_similarity(${q.q}, ${openings.title}), word_similarity(${q.q}, ${companies.name})) desc`,
          ...byName,
        ]
      : byName;
    const rows = await this.db
      .select({
        opening: openings,
        companyName: companies.name,
        tradeSection: companies.tradeSection,
        area: companies.area,
        total: sql<number>`count(*) over ()`,
      })
      .from(openings)
      .innerJoin(companies, eq(companies.id, openings.companyId))
      .where(and(...where))
      .orderBy(...order)
      .limit(PAGE_SIZE)
      .offset((q.page - 1) * PAGE_SIZE);
    return {
      hits: rows.map(({ total: _total, ...hit }) => hit),
      total: Number(rows[0]?.total ?? 0),
    };
  }
}
