import { and, count, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { companies } from './companies.schema.ts';

export class CompaniesRepository {
  constructor(private readonly db: Db) {}

  async countByStatus(municipalityId: string): Promise<Map<string, number>> {
    const rows = await this.db
      .select({ status: companies.networkStatus, n: count() })
      .from(companies)
      .where(and(eq(companies.municipalityId, municipalityId)))
      .groupBy(companies.networkStatus);
    return new Map(rows.map((r) => [r.status, Number(r.n)]));
  }
}
