import { and, asc, count, desc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { danishSortKey } from '../../platform/i18n/sort-key.ts';
import { users } from '../accounts/accounts.schema.ts';
import { municipalities } from '../municipalities/municipalities.schema.ts';
import { companies, companyContactLog, companyContacts, companyStatusHistory, openings } from './companies.schema.ts';
import type { CompanyStatus } from './companies.values.ts';
import type { CompanyInput } from './companies.inputs.ts';

export type Company = typeof companies.$inferSelect;
export type StatusChange = typeof companyStatusHistory.$inferSelect & { byName: string | null };
export type ContactLogEntry = typeof companyContactLog.$inferSelect & { byName: string | null };
export const PAGE_SIZE = 20;

export class CompaniesRepository {
  constructor(private readonly db: Db) {}

  async find(id: string): Promise<Company | undefined> {
    const [row] = await this.db.select().from(companies).where(eq(companies.id, id)).limit(1);
    return row;
  }

  async insert(municipalityId: string, input: CompanyInput, at: Date, byUserId: string, db: Db = this.db): Promise<Company> {
    const [row] = await db
      .insert(companies)
      .values({ ...input, municipalityId, nameSort: danishSortKey(input.name), networkStatus: 'prospect', createdAt: at, updatedAt: at })
      .returning();
    await db.insert(companyStatusHistory).values({ companyId: row!.id, fromStatus: null, toStatus: 'prospect', at, byUserId });
    return row!;
  }

  async update(id: string, input: CompanyInput, at: Date): Promise<void> {
    await this.db
      .update(companies)
      .set({ ...input, nameSort: danishSortKey(input.name), updatedAt: at })
      .where(eq(companies.id, id));
  }

  async setStatus(id: string, from: CompanyStatus, to: CompanyStatus, note: string, at: Date, byUserId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.update(companies).set({ networkStatus: to, updatedAt: at }).where(eq(companies.id, id));
      await tx.insert(companyStatusHistory).values({ companyId: id, fromStatus: from, toStatus: to, note, at, byUserId });
    });
  }

  async history(id: string): Promise<StatusChange[]> {
    const rows = await this.db
      .select({ h: companyStatusHistory, byName: users.name })
      .from(companyStatusHistory)
      .leftJoin(users, eq(users.id, companyStatusHistory.byUserId))
      .where(eq(companyStatusHistory.companyId, id))
      .orderBy(desc(companyStatusHistory.at));
    return rows.map((r) => ({ ...r.h, byName: r.byName }));
  }

  async addContactLog(values: typeof companyContactLog.$inferInsert): Promise<void> {
    await this.db.insert(companyContactLog).values(values);
  }

  async contactLog(id: string): Promise<ContactLogEntry[]> {
    const rows = await this.db
      .select({ e: companyContactLog, byName: users.name })
      .from(companyContactLog)
      .leftJoin(users, eq(users.id, companyContactLog.byUserId))
      .where(eq(companyContactLog.companyId, id))
      .orderBy(desc(companyContactLog.at));
    return rows.map((r) => ({ ...r.e, byName: r.byName }));
  }

  async contacts(id: string): Promise<{ id: string; name: string; email: string }[]> {
    return this.db
      .select({ id: users.id, name: users.name, email: users.email })
      .from(companyContacts)
      .innerJoin(users, eq(users.id, companyContacts.userId))
      .where(eq(companyContacts.companyId, id))
      .orderBy(asc(users.name));
  }

  async addContact(companyId: string, userId: string, db: Db = this.db): Promise<void> {
    await db.insert(companyContacts).values({ companyId, userId }).onConflictDoNothing();
  }

  /** The team's list: every status, filtered, in Danish order, one page. */
  async list(municipalityId: string, filter: { q: string; status: string; trade: string }, page: number) {
    const where: SQL[] = [eq(companies.municipalityId, municipalityId)];
    if (filter.status) where.push(eq(companies.networkStatus, filter.status as CompanyStatus));
    if (filter.trade) where.push(eq(companies.tradeSection, filter.trade));
    if (filter.q)
      where.push(
        sql`(${companies.name} ilike ${'%' + filter.q + '%'} or word_similarity(${filter.q}, ${companies.name}) > 0.4 or ${companies.cvr} = ${filter.q})`,
      );
    const [total] = await this.db
      .select({ n: count() })
      .from(companies)
      .where(and(...where));
    const rows = await this.db
      .select()
      .from(companies)
      .where(and(...where))
      .orderBy(asc(companies.nameSort))
      .limit(PAGE_SIZE)
      .offset((page - 1) * PAGE_SIZE);
    return { rows, total: Number(total?.n ?? 0) };
  }

  /** Every company of a municipality in Danish name order (exports, duplicate checks). */
  all(municipalityId: string): Promise<Company[]> {
    return this.db.select().from(companies).where(eq(companies.municipalityId, municipalityId)).orderBy(asc(companies.nameSort));
  }

  /** Companies still in the network, for choosing among them (e.g. who attended a meeting). */
  async names(municipalityId: string): Promise<{ id: string; name: string }[]> {
    return this.db
      .select({ id: companies.id, name: companies.name })
      .from(companies)
      .where(and(eq(companies.municipalityId, municipalityId), sql`${companies.networkStatus} <> 'left'`))
      .orderBy(asc(companies.nameSort));
  }

  async inMunicipality(municipalityId: string, ids: string[]): Promise<string[]> {
    if (!ids.length) return [];
    const rows = await this.db
      .select({ id: companies.id })
      .from(companies)
      .where(and(eq(companies.municipalityId, municipalityId), inArray(companies.id, ids)));
    return rows.map((r) => r.id);
  }

  /**
   * The names of the other municipalities with a company of this CVR number (the same company in
   * their networks), in Danish order; nothing else of theirs.
   */
  async otherMunicipalitiesWithCvr(cvr: string, municipalityId: string): Promise<string[]> {
    const rows = await this.db
      .selectDistinct({ name: municipalities.name })
      .from(companies)
      .innerJoin(municipalities, eq(municipalities.id, companies.municipalityId))
      .where(and(eq(companies.cvr, cvr), ne(companies.municipalityId, municipalityId), sql`${companies.networkStatus} <> 'left'`))
      .orderBy(asc(municipalities.name));
    return rows.map((r) => r.name);
  }

  /** How many distinct companies (by CVR number) have these statuses, across every municipality. */
  async distinctCvrCount(statuses: readonly CompanyStatus[]): Promise<number> {
    if (!statuses.length) return 0;
    const [row] = await this.db
      .select({ n: sql<number>`count(distinct ${companies.cvr})::int` })
      .from(companies)
      .where(inArray(companies.networkStatus, [...statuses]));
    return Number(row?.n ?? 0);
  }

  openingsOf(companyId: string, includeUnpublished: boolean) {
    const where = [eq(openings.companyId, companyId)];
    if (!includeUnpublished) where.push(eq(openings.published, true));
    return this.db
      .select()
      .from(openings)
      .where(and(...where))
      .orderBy(asc(openings.startFrom), asc(openings.title));
  }
}
