import { and, asc, eq, gte, inArray, lte } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { movementAssessments } from './movement.schema.ts';

export type Assessment = typeof movementAssessments.$inferSelect;
export type AssessmentInsert = typeof movementAssessments.$inferInsert;

export class MovementRepository {
  constructor(private readonly db: Db) {}

  /** Every scoring of a young person, oldest first. */
  forYouth(youthId: string): Promise<Assessment[]> {
    return this.db
      .select()
      .from(movementAssessments)
      .where(eq(movementAssessments.youthId, youthId))
      .orderBy(asc(movementAssessments.assessedOn), asc(movementAssessments.source));
  }

  /** Scorings of many young people within a period (for the 6-weekly reports), oldest first. */
  between(youthIds: readonly string[], from: string, to: string, db: Db = this.db): Promise<Assessment[]> {
    if (!youthIds.length) return Promise.resolve([]);
    return db
      .select()
      .from(movementAssessments)
      .where(
        and(
          inArray(movementAssessments.youthId, [...youthIds]),
          gte(movementAssessments.assessedOn, from),
          lte(movementAssessments.assessedOn, to),
        ),
      )
      .orderBy(asc(movementAssessments.assessedOn));
  }

  async find(id: string): Promise<Assessment | undefined> {
    const [row] = await this.db.select().from(movementAssessments).where(eq(movementAssessments.id, id)).limit(1);
    return row;
  }

  /** Saves a scoring; a second one by the same source on the same day replaces the first. */
  async save(row: AssessmentInsert): Promise<Assessment> {
    const [saved] = await this.db
      .insert(movementAssessments)
      .values(row)
      .onConflictDoUpdate({
        target: [movementAssessments.youthId, movementAssessments.assessedOn, movementAssessments.source],
        set: { scores: row.scores, reasons: row.reasons ?? {}, authorUserId: row.authorUserId, createdAt: row.createdAt },
      })
      .returning();
    return saved!;
  }
}
