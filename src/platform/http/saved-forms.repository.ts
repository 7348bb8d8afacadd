import { eq, lte } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { savedForms } from './saved-forms.schema.ts';

export type SavedFormRow = typeof savedForms.$inferSelect;

/** Forms kept over an expired session (saved-forms.schema.ts). */
export class SavedFormsRepository {
  constructor(private readonly db: Db) {}

  async insert(values: SavedFormRow): Promise<void> {
    await this.db.insert(savedForms).values(values);
  }

  async find(id: string): Promise<SavedFormRow | undefined> {
    const [row] = await this.db.select().from(savedForms).where(eq(savedForms.id, id)).limit(1);
    return row;
  }

  /** Deletes the row and returns it; undefined when it was already taken (used once only). */
  async take(id: string): Promise<SavedFormRow | undefined> {
    const [row] = await this.db.delete(savedForms).where(eq(savedForms.id, id)).returning();
    return row;
  }

  async deleteExpired(now: Date): Promise<number> {
    const rows = await this.db.delete(savedForms).where(lte(savedForms.expiresAt, now)).returning({ id: savedForms.id });
    return rows.length;
  }
}
