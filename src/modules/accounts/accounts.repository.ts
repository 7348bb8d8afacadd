import { and, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import type { Membership } from '../../platform/access/policy.ts';
import type { Role } from '../../platform/access/roles.ts';
import { companyContacts } from '../companies/companies.schema.ts';
import { memberships, oneTimeTokens, sessions, signInThrottle, users } from './accounts.schema.ts';
import { type FoundSession, SessionCache } from './session-cache.ts';

export type User = typeof users.$inferSelect;
export type OneTimeToken = typeof oneTimeTokens.$inferSelect;
export type Session = typeof sessions.$inferSelect;

export class AccountsRepository {
  /**
   * @param sessions Sessions read on every request (see SessionCache). This repository evicts on
   * its own writes at once; the database's change notices cover other processes' writes.
   */
  constructor(
    private readonly db: Db,
    private readonly sessions = new SessionCache(0, false),
  ) {}

  /** After a write that may change what sessions resolve to (and is committed, or will be). */
  #changed(): void {
    this.sessions.clear();
  }

  async findUserByEmail(email: string, db: Db = this.db): Promise<User | undefined> {
    const [user] = await db
      .select()
      .from(users)
      .where(eq(sql`lower(${users.email})`, email.toLowerCase()))
      .limit(1);
    return user;
  }

  async findUser(id: string): Promise<User | undefined> {
    const [user] = await this.db.select().from(users).where(eq(users.id, id)).limit(1);
    return user;
  }

  async membershipsOf(userId: string): Promise<Membership[]> {
    const rows = await this.db
      .select({ role: memberships.role, municipalityId: memberships.municipalityId })
      .from(memberships)
      .where(eq(memberships.userId, userId));
    return rows.map((r) => ({ role: r.role as Role, municipalityId: r.municipalityId }));
  }

  /**
   * Every membership an email address holds or has been invited to (unused invitations), for
   * deciding who may read mail to it in the development outbox.
   */
  async membershipsOfAddress(email: string): Promise<Membership[]> {
    const user = await this.findUserByEmail(email);
    const invited = await this.db
      .select({ role: oneTimeTokens.role, municipalityId: oneTimeTokens.municipalityId })
      .from(oneTimeTokens)
      .where(
        and(
          eq(sql`lower(${oneTimeTokens.email})`, email.toLowerCase()),
          eq(oneTimeTokens.purpose, 'invitation'),
          isNull(oneTimeTokens.usedAt),
        ),
      );
    return [
      ...(user ? await this.membershipsOf(user.id) : []),
      ...invited.flatMap((i) => (i.role ? [{ role: i.role as Role, municipalityId: i.municipalityId }] : [])),
    ];
  }

  async createUser(values: typeof users.$inferInsert, db: Db = this.db): Promise<User> {
    const [user] = await db.insert(users).values(values).returning();
    this.#changed();
    return user!;
  }

  async setPassword(userId: string, passwordHash: string, db: Db = this.db): Promise<void> {
    await db.update(users).set({ passwordHash }).where(eq(users.id, userId));
    this.#changed();
  }

  async addMembership(values: typeof memberships.$inferInsert, db: Db = this.db): Promise<void> {
    await db.insert(memberships).values(values).onConflictDoNothing();
    this.#changed();
  }

  async insertSession(values: Session, db: Db = this.db): Promise<void> {
    await db.insert(sessions).values(values);
  }

  /** The session, its user and the user's roles in one round trip (this runs on every request). */
  async findSession(id: string): Promise<FoundSession | undefined> {
    const cached = this.sessions.get(id);
    if (cached) return cached;
    const mark = this.sessions.mark();
    const [row] = await this.db
      .select({
        session: sessions,
        user: users,
        memberships: sql<Membership[]>`coalesce((
          select json_agg(json_build_object('role', m.role, 'municipalityId', m.municipality_id))
          from ${memberships} m where m.user_id = "users"."id"), '[]'::json)`,
        companyIds: sql<
          string[]
        >`coalesce((select json_agg(c.company_id) from ${companyContacts} c where c.user_id = "users"."id"), '[]'::json)`,
      })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(eq(sessions.id, id))
      .limit(1);
    if (row) this.sessions.set(id, row, mark);
    return row;
  }

  async touchSession(id: string, lastSeenAt: Date): Promise<void> {
    await this.db.update(sessions).set({ lastSeenAt }).where(eq(sessions.id, id));
    this.sessions.touched(id, lastSeenAt);
  }

  async deleteSession(id: string): Promise<void> {
    await this.db.delete(sessions).where(eq(sessions.id, id));
    this.sessions.evictSession(id);
  }

  /** Removes sessions past their absolute or idle limit, and spent or expired one-time tokens. */
  async deleteExpired(now: Date, idleCutoff: Date): Promise<{ sessions: number; tokens: number }> {
    const s = await this.db
      .delete(sessions)
      .where(or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, idleCutoff)))
      .returning({ id: sessions.id });
    this.#changed();
    const t = await this.db.delete(oneTimeTokens).where(lt(oneTimeTokens.expiresAt, now)).returning({ id: oneTimeTokens.id });
    return { sessions: s.length, tokens: t.length };
  }

  async insertToken(values: typeof oneTimeTokens.$inferInsert, db: Db = this.db): Promise<void> {
    await db.insert(oneTimeTokens).values(values);
  }

  async findUsableToken(id: string, purpose: string, now: Date): Promise<OneTimeToken | undefined> {
    const [token] = await this.db
      .select()
      .from(oneTimeTokens)
      .where(
        and(eq(oneTimeTokens.id, id), eq(oneTimeTokens.purpose, purpose), isNull(oneTimeTokens.usedAt), gt(oneTimeTokens.expiresAt, now)),
      )
      .limit(1);
    return token;
  }

  /** Marks a token used; false when someone else used it first (single use under concurrency). */
  async consumeToken(id: string, now: Date, db: Db = this.db): Promise<boolean> {
    const rows = await db
      .update(oneTimeTokens)
      .set({ usedAt: now })
      .where(and(eq(oneTimeTokens.id, id), isNull(oneTimeTokens.usedAt), gt(oneTimeTokens.expiresAt, now)))
      .returning({ id: oneTimeTokens.id });
    return rows.length === 1;
  }

  async throttleState(kind: string, key: string) {
    const [row] = await this.db
      .select()
      .from(signInThrottle)
      .where(and(eq(signInThrottle.kind, kind), eq(signInThrottle.key, key)))
      .limit(1);
    return row;
  }

  /** Counts a failure atomically and returns the new count. */
  async recordFailure(kind: string, key: string, now: Date): Promise<number> {
    const [row] = await this.db
      .insert(signInThrottle)
      .values({ kind, key, failures: 1, lastFailureAt: now })
      .onConflictDoUpdate({
        target: [signInThrottle.kind, signInThrottle.key],
        set: { failures: sql`${signInThrottle.failures} + 1`, lastFailureAt: now },
      })
      .returning({ failures: signInThrottle.failures });
    return row!.failures;
  }

  async lockUntil(kind: string, key: string, until: Date): Promise<void> {
    await this.db
      .update(signInThrottle)
      .set({ lockedUntil: until })
      .where(and(eq(signInThrottle.kind, kind), eq(signInThrottle.key, key)));
  }

  async clearFailures(kind: string, key: string): Promise<void> {
    await this.db.delete(signInThrottle).where(and(eq(signInThrottle.kind, kind), eq(signInThrottle.key, key)));
  }
}
