import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import type { Role } from '../../platform/access/roles.ts';
import { memberships, users } from '../accounts/accounts.schema.ts';

export interface PersonRow {
  id: string;
  name: string;
  email: string;
  createdAt: Date;
  roles: Role[];
}

export class PeopleRepository {
  constructor(private readonly db: Db) {}

  /** People holding any of the given roles in a municipality. */
  async listInMunicipality(municipalityId: string, roles: readonly Role[]): Promise<PersonRow[]> {
    if (!roles.length) return [];
    const rows = await this.db
      .select({ id: users.id, name: users.name, email: users.email, createdAt: users.createdAt, role: memberships.role })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.municipalityId, municipalityId), inArray(memberships.role, [...roles])));
    const byId = new Map<string, PersonRow>();
    for (const r of rows) {
      const p = byId.get(r.id) ?? { id: r.id, name: r.name, email: r.email, createdAt: r.createdAt, roles: [] };
      p.roles.push(r.role as Role);
      byId.set(r.id, p);
    }
    return [...byId.values()];
  }

  /** The person's roles in one municipality, or undefined when they have none there. */
  async findInMunicipality(id: string, municipalityId: string): Promise<PersonRow | undefined> {
    const rows = await this.db
      .select({ id: users.id, name: users.name, email: users.email, createdAt: users.createdAt, role: memberships.role })
      .from(users)
      .innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.municipalityId, municipalityId)))
      .where(eq(users.id, id));
    if (!rows.length) return undefined;
    const first = rows[0]!;
    return { id: first.id, name: first.name, email: first.email, createdAt: first.createdAt, roles: rows.map((r) => r.role as Role) };
  }
}
