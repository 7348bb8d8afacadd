import { and, asc, count, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { memberships, users } from '../accounts/accounts.schema.ts';
import { youth, youthExitFollowups, youthExits, youthPhotos, youthStatusHistory } from './youth.schema.ts';
import type { ExitKind, FollowupOutcome, YouthStatus } from './youth.values.ts';

export type Youth = typeof youth.$inferSelect;
export type YouthInsert = typeof youth.$inferInsert;
export type YouthExit = typeof youthExits.$inferSelect;
export type ExitFollowup = typeof youthExitFollowups.$inferSelect;
export type YouthStatusChange = typeof youthStatusHistory.$inferSelect & { byName: string | null };

export class YouthRepository {
  constructor(private readonly db: Db) {}

  async find(id: string): Promise<Youth | undefined> {
    const [row] = await this.db.select().from(youth).where(eq(youth.id, id)).limit(1);
    return row;
  }

  async findByUser(userId: string): Promise<Youth | undefined> {
    const [row] = await this.db.select().from(youth).where(eq(youth.userId, userId)).limit(1);
    return row;
  }

  /** The accounts of the young people with this keyed CPR hash (in any municipality); for sign-in by CPR claim. */
  async userIdsByCprHash(cprHash: string): Promise<string[]> {
    const rows = await this.db
      .selectDistinct({ userId: youth.userId })
      .from(youth)
      .where(and(eq(youth.cprHash, cprHash), sql`${youth.userId} is not null`));
    return rows.map((r) => r.userId!);
  }

  async insert(values: YouthInsert, byUserId: string, db: Db = this.db): Promise<Youth> {
    const [row] = await db.insert(youth).values(values).returning();
    await db
      .insert(youthStatusHistory)
      .values({ youthId: row!.id, fromStatus: null, toStatus: row!.status, at: values.createdAt, byUserId });
    return row!;
  }

  /** Changes the status and keeps the history; inside the caller's transaction when `db` is one. */
  async setStatus(
    id: string,
    from: YouthStatus,
    to: YouthStatus,
    reason: string,
    at: Date,
    byUserId: string | null,
    db: Db = this.db,
  ): Promise<void> {
    await db.transaction(async (tx) => {
      await tx.update(youth).set({ status: to, statusSince: at, updatedAt: at }).where(eq(youth.id, id));
      await tx.insert(youthStatusHistory).values({ youthId: id, fromStatus: from, toStatus: to, reason, at, byUserId });
    });
  }

  async history(id: string): Promise<YouthStatusChange[]> {
    const rows = await this.db
      .select({ h: youthStatusHistory, byName: users.name })
      .from(youthStatusHistory)
      .leftJoin(users, eq(users.id, youthStatusHistory.byUserId))
      .where(eq(youthStatusHistory.youthId, id))
      .orderBy(desc(youthStatusHistory.at));
    return rows.map((r) => ({ ...r.h, byName: r.byName }));
  }

  async updateProfile(id: string, values: Partial<Youth>, at: Date): Promise<void> {
    await this.db
      .update(youth)
      .set({ ...values, updatedAt: at })
      .where(eq(youth.id, id));
  }

  async savePhoto(id: string, contentType: string, bytes: Buffer, at: Date): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx
        .insert(youthPhotos)
        .values({ youthId: id, contentType, bytes, updatedAt: at })
        .onConflictDoUpdate({ target: youthPhotos.youthId, set: { contentType, bytes, updatedAt: at } });
      await tx.update(youth).set({ photoUpdatedAt: at, updatedAt: at }).where(eq(youth.id, id));
    });
  }

  async deletePhoto(id: string, at: Date): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.delete(youthPhotos).where(eq(youthPhotos.youthId, id));
      await tx.update(youth).set({ photoUpdatedAt: null, updatedAt: at }).where(eq(youth.id, id));
    });
  }

  async photo(id: string): Promise<{ contentType: string; bytes: Buffer } | undefined> {
    const [row] = await this.db
      .select({ contentType: youthPhotos.contentType, bytes: youthPhotos.bytes })
      .from(youthPhotos)
      .where(eq(youthPhotos.youthId, id))
      .limit(1);
    return row;
  }

  /** The municipality's jobcentre caseworkers (users with the caseworker role there), by name. */
  caseworkers(municipalityId: string): Promise<{ id: string; name: string; email: string }[]> {
    return this.db
      .selectDistinct({ id: users.id, name: users.name, email: users.email })
      .from(users)
      .innerJoin(memberships, eq(memberships.userId, users.id))
      .where(and(eq(memberships.role, 'caseworker'), eq(memberships.municipalityId, municipalityId)))
      .orderBy(asc(users.name), asc(users.email));
  }

  /** Links (or unlinks, with null) the young person's caseworker. */
  async setCaseworker(id: string, caseworkerUserId: string | null, at: Date): Promise<void> {
    await this.db.update(youth).set({ caseworkerUserId, updatedAt: at }).where(eq(youth.id, id));
  }

  async linkUser(id: string, userId: string, db: Db = this.db): Promise<void> {
    await db
      .update(youth)
      .set({ userId })
      .where(and(eq(youth.id, id), sql`${youth.userId} is null`));
  }

  async list(municipalityId: string, statuses: readonly YouthStatus[] | null): Promise<Youth[]> {
    const where = [eq(youth.municipalityId, municipalityId)];
    if (statuses) where.push(inArray(youth.status, [...statuses]));
    return this.db
      .select()
      .from(youth)
      .where(and(...where))
      .orderBy(asc(youth.firstName), asc(youth.lastName));
  }

  /** Young people taking up a place: everyone not ended. */
  async countActive(municipalityId: string): Promise<number> {
    const [row] = await this.db
      .select({ n: count() })
      .from(youth)
      .where(and(eq(youth.municipalityId, municipalityId), ne(youth.status, 'ended')));
    return Number(row?.n ?? 0);
  }

  /** Records (or replaces) how and when the young person left; joins the caller's transaction. */
  async recordExit(values: { youthId: string; municipalityId: string; kind: ExitKind; exitedOn: string; at: Date; byUserId: string }) {
    const row = {
      youthId: values.youthId,
      municipalityId: values.municipalityId,
      kind: values.kind,
      exitedOn: values.exitedOn,
      recordedAt: values.at,
      byUserId: values.byUserId,
    };
    await this.db.delete(youthExits).where(eq(youthExits.youthId, values.youthId));
    await this.db.insert(youthExits).values(row);
  }

  /** A young person who comes back is no longer exited: the exit and its follow-ups go. */
  async removeExit(youthId: string): Promise<void> {
    await this.db.delete(youthExits).where(eq(youthExits.youthId, youthId));
  }

  async exit(youthId: string): Promise<(YouthExit & { followups: ExitFollowup[] }) | undefined> {
    const [row] = await this.db.select().from(youthExits).where(eq(youthExits.youthId, youthId)).limit(1);
    if (!row) return undefined;
    const followups = await this.db
      .select()
      .from(youthExitFollowups)
      .where(eq(youthExitFollowups.youthId, youthId))
      .orderBy(asc(youthExitFollowups.months));
    return { ...row, followups };
  }

  /** Records (or corrects) one follow-up. */
  async recordFollowup(youthId: string, months: number, outcome: FollowupOutcome, at: Date, byUserId: string): Promise<void> {
    await this.db
      .insert(youthExitFollowups)
      .values({ youthId, months, outcome, recordedAt: at, byUserId })
      .onConflictDoUpdate({
        target: [youthExitFollowups.youthId, youthExitFollowups.months],
        set: { outcome, recordedAt: at, byUserId },
      });
  }

  /** The exits of a municipality by the keyed CPR hash, for the follow-ups import. */
  exitsByCprHash(municipalityId: string): Promise<(YouthExit & { cprHash: string; userId: string | null })[]> {
    return this.db
      .select({
        youthId: youthExits.youthId,
        municipalityId: youthExits.municipalityId,
        kind: youthExits.kind,
        exitedOn: youthExits.exitedOn,
        recordedAt: youthExits.recordedAt,
        byUserId: youthExits.byUserId,
        cprHash: youth.cprHash,
        userId: youth.userId,
      })
      .from(youthExits)
      .innerJoin(youth, eq(youth.id, youthExits.youthId))
      .where(eq(youthExits.municipalityId, municipalityId));
  }
}
