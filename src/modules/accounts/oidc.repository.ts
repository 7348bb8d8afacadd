import { and, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { oidcIdentities } from './accounts.schema.ts';

export type OidcIdentity = typeof oidcIdentities.$inferSelect;

/** Accounts' identities at OpenID Connect providers (issuer + subject), decision 0028. */
export class OidcRepository {
  constructor(private readonly db: Db) {}

  async findBySubject(issuer: string, subject: string): Promise<OidcIdentity | undefined> {
    const [row] = await this.db
      .select()
      .from(oidcIdentities)
      .where(and(eq(oidcIdentities.issuer, issuer), eq(oidcIdentities.subject, subject)))
      .limit(1);
    return row;
  }

  async findByUser(userId: string, issuer: string): Promise<OidcIdentity | undefined> {
    const [row] = await this.db
      .select()
      .from(oidcIdentities)
      .where(and(eq(oidcIdentities.userId, userId), eq(oidcIdentities.issuer, issuer)))
      .limit(1);
    return row;
  }

  /** False when the subject or the account is already linked at this issuer (nothing written). */
  async insert(values: { userId: string; issuer: string; subject: string; linkedBy: 'link' | 'cpr'; at: Date }): Promise<boolean> {
    const rows = await this.db
      .insert(oidcIdentities)
      .values({ ...values, createdAt: values.at, lastUsedAt: values.at })
      .onConflictDoNothing()
      .returning({ id: oidcIdentities.id });
    return rows.length === 1;
  }

  async touch(id: string, at: Date): Promise<void> {
    await this.db.update(oidcIdentities).set({ lastUsedAt: at }).where(eq(oidcIdentities.id, id));
  }

  async remove(userId: string, issuer: string): Promise<boolean> {
    const rows = await this.db
      .delete(oidcIdentities)
      .where(and(eq(oidcIdentities.userId, userId), eq(oidcIdentities.issuer, issuer)))
      .returning({ id: oidcIdentities.id });
    return rows.length === 1;
  }
}
