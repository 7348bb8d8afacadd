import { aliasedTable, and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { users } from '../accounts/accounts.schema.ts';
import { shownContact } from '../accounts/shown-contact.sql.ts';
import { companies } from '../companies/companies.schema.ts';
import { groupMembers, networkGroups } from '../groups/groups.schema.ts';
import { internships } from '../internships/internships.schema.ts';
import { openStatuses } from '../internships/internships.values.ts';
import { youth } from './youth.schema.ts';

/** A person as the young person sees them: the name, and only the contact details they chose to show. */
export interface ShownPerson {
  userId: string;
  name: string;
  phone: string | null;
  email: string | null;
}

const supervisor = aliasedTable(users, 'supervisor');
const consultant = aliasedTable(users, 'consultant');
const person = (u: typeof users) => ({ userId: u.id, name: u.name, ...shownContact(u) });
const open = sql.join(
  openStatuses.map((s) => sql`${s}`),
  sql`, `,
);

/**
 * A read model (decision 0018): the young person's people — their group's counsellor, and the
 * consultant and supervisor of their internship — read from the groups, internships and accounts
 * tables, with each person's contact details as that person chose to show them.
 */
export class MyPeopleRepository {
  constructor(private readonly db: Db) {}

  async youthOf(userId: string): Promise<{ id: string; municipalityId: string; userId: string | null } | undefined> {
    const [row] = await this.db
      .select({ id: youth.id, municipalityId: youth.municipalityId, userId: youth.userId })
      .from(youth)
      .where(eq(youth.userId, userId))
      .limit(1);
    return row;
  }

  /** The counsellor of the young person's current group. */
  async counsellor(youthId: string): Promise<ShownPerson | undefined> {
    const [row] = await this.db
      .select(person(users))
      .from(groupMembers)
      .innerJoin(networkGroups, eq(networkGroups.id, groupMembers.groupId))
      .innerJoin(users, eq(users.id, networkGroups.counsellorUserId))
      .where(and(eq(groupMembers.youthId, youthId), isNull(groupMembers.leftAt)))
      .limit(1);
    return row;
  }

  /** The open internship's people, else the most recent internship's. */
  async internshipPeople(youthId: string): Promise<
    | {
        open: boolean;
        companyName: string;
        consultant: ShownPerson | null;
        supervisor: ShownPerson | null;
      }
    | undefined
  > {
    const isOpen = sql<boolean>`${internships.status} in (${open})`;
    const [row] = await this.db
      .select({
        open: isOpen,
        companyName: companies.name,
        consultantId: consultant.id,
        consultant: person(consultant),
        supervisorId: supervisor.id,
        supervisor: person(supervisor),
      })
      .from(internships)
      .innerJoin(companies, eq(companies.id, internships.companyId))
      .leftJoin(consultant, eq(consultant.id, internships.consultantUserId))
      .leftJoin(supervisor, eq(supervisor.id, internships.supervisorUserId))
      .where(eq(internships.youthId, youthId))
      .orderBy(desc(isOpen), desc(internships.chosenAt))
      .limit(1);
    if (!row) return undefined;
    return {
      open: Boolean(row.open),
      companyName: row.companyName,
      consultant: row.consultantId ? row.consultant : null,
      supervisor: row.supervisorId ? row.supervisor : null,
    };
  }
}
