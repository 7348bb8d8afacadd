import { and, asc, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { memberships, users } from '../accounts/accounts.schema.ts';
import { movementAssessments } from '../movement/movement.schema.ts';
import { passportConsents, passports } from '../passport/passport.schema.ts';
import { youth } from '../youth/youth.schema.ts';
import { educationInstitutions, institutionContacts, partnershipHandovers, partnershipYouth, partnerships } from './partners.schema.ts';

export type Institution = typeof educationInstitutions.$inferSelect;
export type Partnership = typeof partnerships.$inferSelect;
export type PartnershipInsert = typeof partnerships.$inferInsert;
export type Handover = typeof partnershipHandovers.$inferSelect;
export type HandoverInsert = typeof partnershipHandovers.$inferInsert;

export interface InstitutionView extends Institution {
  contacts: { userId: string; name: string }[];
}

export interface PartnershipView extends Partnership {
  institutionName: string;
  contactUserIds: string[];
  youthCount: number;
  closerCount: number;
}

/** A young person in a partnership, as the partnership page lists them. */
export interface PartnershipMember {
  youthId: string;
  userId: string | null;
  firstName: string;
  lastName: string;
  status: string;
  addedAt: Date;
  /** Closer to the labour market: their own latest "direction" score above their first (movement). */
  closer: boolean;
  /** A passport shared with the reader (consent in force), to link to. */
  sharedPassportId: string | null;
}

/**
 * Institutions, their contacts and partnership agreements. Also a read model (decision 0018): the
 * young people of a partnership (youth), whether each is closer to the labour market by their own
 * movement scores (movement), and the passports they have shared with the reader (passport).
 */
export class PartnersRepository {
  constructor(private readonly db: Db) {}

  async institutions(municipalityId: string): Promise<InstitutionView[]> {
    const rows = await this.db
      .select()
      .from(educationInstitutions)
      .where(eq(educationInstitutions.municipalityId, municipalityId))
      .orderBy(asc(educationInstitutions.name));
    if (!rows.length) return [];
    const contacts = await this.db
      .select({ institutionId: institutionContacts.institutionId, userId: users.id, name: users.name })
      .from(institutionContacts)
      .innerJoin(users, eq(users.id, institutionContacts.userId))
      .where(
        inArray(
          institutionContacts.institutionId,
          rows.map((r) => r.id),
        ),
      )
      .orderBy(asc(users.name));
    return rows.map((r) => ({
      ...r,
      contacts: contacts.filter((c) => c.institutionId === r.id).map((c) => ({ userId: c.userId, name: c.name })),
    }));
  }

  async institution(id: string): Promise<Institution | undefined> {
    const [row] = await this.db.select().from(educationInstitutions).where(eq(educationInstitutions.id, id)).limit(1);
    return row;
  }

  async createInstitution(municipalityId: string, name: string, at: Date): Promise<Institution> {
    const [row] = await this.db.insert(educationInstitutions).values({ municipalityId, name, createdAt: at }).returning();
    return row!;
  }

  /** The municipality's users with the education-contact role (to link to an institution). */
  educationContacts(municipalityId: string): Promise<{ userId: string; name: string }[]> {
    return this.db
      .select({ userId: users.id, name: users.name })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.municipalityId, municipalityId), eq(memberships.role, 'education_contact')))
      .orderBy(asc(users.name));
  }

  async addContact(institutionId: string, userId: string): Promise<void> {
    await this.db.insert(institutionContacts).values({ institutionId, userId }).onConflictDoNothing();
  }

  async createPartnership(row: PartnershipInsert): Promise<Partnership> {
    const [saved] = await this.db.insert(partnerships).values(row).returning();
    return saved!;
  }

  /** Partnerships in these municipalities, with their institution's contacts and counts. */
  async partnerships(municipalityIds: readonly string[], id?: string): Promise<PartnershipView[]> {
    if (!municipalityIds.length && !id) return [];
    const rows = await this.db
      .select({ p: partnerships, institutionName: educationInstitutions.name })
      .from(partnerships)
      .innerJoin(educationInstitutions, eq(educationInstitutions.id, partnerships.institutionId))
      .where(id ? eq(partnerships.id, id) : inArray(partnerships.municipalityId, [...municipalityIds]))
      .orderBy(asc(educationInstitutions.name), asc(partnerships.startsOn));
    if (!rows.length) return [];
    const ids = rows.map((r) => r.p.id);
    const contacts = await this.db
      .select({ institutionId: institutionContacts.institutionId, userId: institutionContacts.userId })
      .from(institutionContacts)
      .where(
        inArray(
          institutionContacts.institutionId,
          rows.map((r) => r.p.institutionId),
        ),
      );
    const members = await this.db
      .select({ partnershipId: partnershipYouth.partnershipId, youthId: partnershipYouth.youthId })
      .from(partnershipYouth)
      .where(inArray(partnershipYouth.partnershipId, ids));
    const closer = await this.closer(members.map((m) => m.youthId));
    return rows.map(({ p, institutionName }) => {
      const mine = members.filter((m) => m.partnershipId === p.id);
      return {
        ...p,
        institutionName,
        contactUserIds: contacts.filter((c) => c.institutionId === p.institutionId).map((c) => c.userId),
        youthCount: mine.length,
        closerCount: mine.filter((m) => closer.has(m.youthId)).length,
      };
    });
  }

  /**
   * The young people whose own latest "direction" score (movement, source youth) is above their
   * first: closer to the labour market by their own assessment, until the partnership's own
   * questions exist (#17 part 4).
   */
  private async closer(youthIds: readonly string[]): Promise<Set<string>> {
    if (!youthIds.length) return new Set();
    const rows = await this.db
      .select({
        youthId: movementAssessments.youthId,
        on: movementAssessments.assessedOn,
        direction: sql<number>`(${movementAssessments.scores}->>'direction')::int`,
      })
      .from(movementAssessments)
      .where(and(inArray(movementAssessments.youthId, [...youthIds]), eq(movementAssessments.source, 'youth')))
      .orderBy(asc(movementAssessments.assessedOn));
    const byYouth = new Map<string, number[]>();
    for (const r of rows) byYouth.set(r.youthId, [...(byYouth.get(r.youthId) ?? []), Number(r.direction)]);
    return new Set([...byYouth].filter(([, s]) => s.length > 1 && s.at(-1)! > s[0]!).map(([id]) => id));
  }

  async members(partnershipId: string, readerUserId: string): Promise<PartnershipMember[]> {
    const rows = await this.db
      .select({
        youthId: youth.id,
        userId: youth.userId,
        firstName: youth.firstName,
        lastName: youth.lastName,
        status: youth.status,
        addedAt: partnershipYouth.addedAt,
        sharedPassportId: sql<string | null>`(
          select ${passports.id} from ${passports}
          join ${passportConsents} on ${passportConsents.passportId} = ${passports.id}
          where ${passports.youthId} = ${youth.id} and ${passportConsents.recipientUserId} = ${readerUserId}
            and ${passportConsents.withdrawnAt} is null
          limit 1)`,
      })
      .from(partnershipYouth)
      .innerJoin(youth, eq(youth.id, partnershipYouth.youthId))
      .where(eq(partnershipYouth.partnershipId, partnershipId))
      .orderBy(asc(youth.firstName), asc(youth.lastName));
    const closer = await this.closer(rows.map((r) => r.youthId));
    return rows.map((r) => ({ ...r, closer: closer.has(r.youthId) }));
  }

  /** The municipality's young people not yet in the partnership (to add). */
  addable(municipalityId: string, partnershipId: string): Promise<{ id: string; firstName: string; lastName: string }[]> {
    const inIt = this.db
      .select({ id: partnershipYouth.youthId })
      .from(partnershipYouth)
      .where(eq(partnershipYouth.partnershipId, partnershipId));
    return this.db
      .select({ id: youth.id, firstName: youth.firstName, lastName: youth.lastName })
      .from(youth)
      .where(and(eq(youth.municipalityId, municipalityId), notInArray(youth.id, inIt)))
      .orderBy(asc(youth.firstName), asc(youth.lastName));
  }

  async youthMunicipality(youthId: string): Promise<{ municipalityId: string; userId: string | null } | undefined> {
    const [row] = await this.db
      .select({ municipalityId: youth.municipalityId, userId: youth.userId })
      .from(youth)
      .where(eq(youth.id, youthId))
      .limit(1);
    return row;
  }

  async addYouth(partnershipId: string, youthId: string, byUserId: string, at: Date): Promise<void> {
    await this.db.insert(partnershipYouth).values({ partnershipId, youthId, addedAt: at, addedByUserId: byUserId }).onConflictDoNothing();
  }

  async insertHandover(row: HandoverInsert): Promise<Handover> {
    const [saved] = await this.db.insert(partnershipHandovers).values(row).returning();
    return saved!;
  }

  async handover(id: string): Promise<Handover | undefined> {
    const [row] = await this.db.select().from(partnershipHandovers).where(eq(partnershipHandovers.id, id)).limit(1);
    return row;
  }

  /** The hand-overs waiting for the team, oldest first. */
  pendingHandovers(partnershipIds: readonly string[]): Promise<Handover[]> {
    if (!partnershipIds.length) return Promise.resolve([]);
    return this.db
      .select()
      .from(partnershipHandovers)
      .where(and(inArray(partnershipHandovers.partnershipId, [...partnershipIds]), eq(partnershipHandovers.status, 'pending')))
      .orderBy(asc(partnershipHandovers.requestedAt));
  }

  /** Marks a pending hand-over accepted; false when it was not pending (taken by someone else). */
  async accept(id: string, youthId: string, byUserId: string, at: Date): Promise<boolean> {
    const rows = await this.db
      .update(partnershipHandovers)
      .set({ status: 'accepted', youthId, decidedByUserId: byUserId, decidedAt: at })
      .where(and(eq(partnershipHandovers.id, id), eq(partnershipHandovers.status, 'pending')))
      .returning({ id: partnershipHandovers.id });
    return rows.length > 0;
  }
}
