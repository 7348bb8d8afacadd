import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import type { ModelRules } from './model-rules.ts';
import { municipalities } from './municipalities.schema.ts';

export type Municipality = typeof municipalities.$inferSelect;

export class MunicipalitiesRepository {
  constructor(private readonly db: Db) {}

  list(ids?: string[]): Promise<Municipality[]> {
    const q = this.db.select().from(municipalities);
    return (ids ? q.where(inArray(municipalities.id, ids)) : q).orderBy(asc(municipalities.name));
  }

  async find(id: string): Promise<Municipality | undefined> {
    const [row] = await this.db.select().from(municipalities).where(eq(municipalities.id, id)).limit(1);
    return row;
  }

  /** Sets the model's numbers (the table's CHECK keeps them within their bounds). */
  async updateRules(id: string, values: ModelRules): Promise<Municipality | undefined> {
    const [row] = await this.db.update(municipalities).set(values).where(eq(municipalities.id, id)).returning();
    return row;
  }

  async insert(values: typeof municipalities.$inferInsert): Promise<Municipality> {
    const [row] = await this.db.insert(municipalities).values(values).returning();
    return row!;
  }
}
