import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { memberships, users } from '../accounts/accounts.schema.ts';
import { companies, companyContacts, openings } from '../companies/companies.schema.ts';
import { internships } from '../internships/internships.schema.ts';
import { wishes } from '../matching/matching.schema.ts';
import { youth } from '../youth/youth.schema.ts';
import { passportConsents, passports } from './passport.schema.ts';
import type { RecipientKind } from './passport.values.ts';

export type Passport = typeof passports.$inferSelect;
export type PassportWrite = Pick<Passport, 'strengths' | 'support' | 'accommodations' | 'notWorking' | 'ownWords'>;

/** The young person a passport is about: enough for the permission check and the audit trail. */
export interface PassportYouth {
  id: string;
  municipalityId: string;
  userId: string | null;
  firstName: string;
  lastName: string;
}

/** Someone the young person may name as a reader: who they are to them. */
export interface Recipient {
  userId: string;
  name: string;
  kind: RecipientKind;
  /** The role they would read as (for the label). */
  role: string;
  /** For a company contact: the company. */
  companyName: string | null;
}

/** A consent in force: the recipient and since when. */
export interface Consent extends Recipient {
  grantedAt: Date;
}

/** A passport shared with the signed-in reader. */
export interface SharedPassport {
  passportId: string;
  youthId: string;
  municipalityId: string;
  youthUserId: string | null;
  firstName: string;
  lastName: string;
  grantedAt: Date;
  updatedAt: Date;
}

const youthColumns = {
  id: youth.id,
  municipalityId: youth.municipalityId,
  userId: youth.userId,
  firstName: youth.firstName,
  lastName: youth.lastName,
};

/** Team roles a young person may name: the people who work with them day to day. */
const teamRecipientRoles = ['network_consultant', 'youth_counsellor', 'team_leader'];

/**
 * The competence passport and its consents. Also a read model (decision 0018): the young person
 * (youth), and the people they may name as readers — the contacts of the companies of their
 * internships and wishes (companies, internships, matching), their municipality's team and
 * education contacts (accounts), and their linked caseworker (youth).
 */
export class PassportRepository {
  constructor(private readonly db: Db) {}

  async youthOfUser(userId: string): Promise<PassportYouth | undefined> {
    const [row] = await this.db.select(youthColumns).from(youth).where(eq(youth.userId, userId)).limit(1);
    return row;
  }

  async youthById(id: string): Promise<PassportYouth | undefined> {
    const [row] = await this.db.select(youthColumns).from(youth).where(eq(youth.id, id)).limit(1);
    return row;
  }

  async forYouth(youthId: string): Promise<Passport | undefined> {
    const [row] = await this.db.select().from(passports).where(eq(passports.youthId, youthId)).limit(1);
    return row;
  }

  async find(id: string): Promise<Passport | undefined> {
    const [row] = await this.db.select().from(passports).where(eq(passports.id, id)).limit(1);
    return row;
  }

  /** Writes the passport (the first save creates it). */
  async save(y: PassportYouth, data: PassportWrite, byUserId: string, at: Date): Promise<Passport> {
    const [row] = await this.db
      .insert(passports)
      .values({ municipalityId: y.municipalityId, youthId: y.id, ...data, updatedByUserId: byUserId, createdAt: at, updatedAt: at })
      .onConflictDoUpdate({ target: passports.youthId, set: { ...data, updatedByUserId: byUserId, updatedAt: at } })
      .returning();
    return row!;
  }

  /** The user ids with consent in force: the relation the policy checks ("recipient with consent"). */
  async consentedUserIds(passportId: string): Promise<string[]> {
    const rows = await this.db
      .select({ userId: passportConsents.recipientUserId })
      .from(passportConsents)
      .where(and(eq(passportConsents.passportId, passportId), isNull(passportConsents.withdrawnAt)));
    return rows.map((r) => r.userId);
  }

  /** Consents in force, with who the recipients are to the young person (oldest first). */
  async consents(passportId: string, y: PassportYouth): Promise<Consent[]> {
    const rows = await this.db
      .select({ userId: passportConsents.recipientUserId, grantedAt: passportConsents.grantedAt })
      .from(passportConsents)
      .where(and(eq(passportConsents.passportId, passportId), isNull(passportConsents.withdrawnAt)))
      .orderBy(asc(passportConsents.grantedAt));
    if (!rows.length) return [];
    const known = new Map((await this.recipients(y, { includeAll: true })).map((r) => [r.userId, r]));
    const names = new Map(
      (
        await this.db
          .select({ id: users.id, name: users.name })
          .from(users)
          .where(
            inArray(
              users.id,
              rows.map((r) => r.userId),
            ),
          )
      ).map((u) => [u.id, u.name]),
    );
    return rows.map((r) => ({
      ...(known.get(r.userId) ?? { userId: r.userId, name: names.get(r.userId) ?? '', kind: 'team' as const, role: '', companyName: null }),
      grantedAt: r.grantedAt,
    }));
  }

  /**
   * The people the young person may name: contacts of the companies of their internships and
   * wishes, their municipality's youth team and education contacts, and their linked caseworker.
   * Active accounts with that role in the young person's municipality only. `includeAll` keeps
   * disabled accounts (to name a consent's recipient after the fact).
   */
  async recipients(y: PassportYouth, options: { includeAll?: boolean } = {}): Promise<Recipient[]> {
    const active = options.includeAll ? sql`true` : isNull(users.disabledAt);
    const theirCompanies = sql`(
      select ${internships.companyId} from ${internships} where ${internships.youthId} = ${y.id}
      union
      select ${openings.companyId} from ${wishes} join ${openings} on ${openings.id} = ${wishes.openingId} where ${wishes.youthId} = ${y.id}
    )`;
    const contacts = await this.db
      .selectDistinct({ userId: users.id, name: users.name, companyName: companies.name })
      .from(companyContacts)
      .innerJoin(users, eq(users.id, companyContacts.userId))
      .innerJoin(companies, eq(companies.id, companyContacts.companyId))
      .innerJoin(
        memberships,
        and(eq(memberships.userId, users.id), eq(memberships.municipalityId, y.municipalityId), eq(memberships.role, 'company_contact')),
      )
      .where(and(sql`${companyContacts.companyId} in ${theirCompanies}`, active))
      .orderBy(asc(companies.name), asc(users.name));
    const [caseworker] = await this.db.select({ id: youth.caseworkerUserId }).from(youth).where(eq(youth.id, y.id));
    const staff = await this.db
      .select({ userId: users.id, name: users.name, role: memberships.role })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(
        and(
          eq(memberships.municipalityId, y.municipalityId),
          or(
            inArray(memberships.role, [...teamRecipientRoles, 'education_contact']),
            caseworker?.id ? and(eq(memberships.role, 'caseworker'), eq(users.id, caseworker.id)) : sql`false`,
          ),
          active,
        ),
      )
      .orderBy(asc(users.name));
    const out: Recipient[] = contacts.map((c) => ({ ...c, kind: 'company', role: 'company_contact' }));
    const seen = new Set(out.map((r) => r.userId));
    const kindOf = (role: string): RecipientKind =>
      role === 'caseworker' ? 'caseworker' : role === 'education_contact' ? 'education' : 'team';
    const order: RecipientKind[] = ['team', 'caseworker', 'education'];
    for (const kind of order)
      for (const s of staff.filter((r) => kindOf(r.role) === kind)) {
        if (seen.has(s.userId)) continue;
        seen.add(s.userId);
        out.push({ userId: s.userId, name: s.name, kind, role: s.role, companyName: null });
      }
    return out;
  }

  async userName(userId: string): Promise<string> {
    const [row] = await this.db.select({ name: users.name }).from(users).where(eq(users.id, userId)).limit(1);
    return row?.name ?? '';
  }

  /** Gives consent to one recipient; a consent already in force stays as it is. */
  async grant(passportId: string, recipientUserId: string, at: Date): Promise<void> {
    await this.db
      .insert(passportConsents)
      .values({ passportId, recipientUserId, grantedAt: at })
      .onConflictDoNothing({ target: [passportConsents.passportId, passportConsents.recipientUserId], where: sql`withdrawn_at is null` });
  }

  /** Withdraws the consent in force; false when there was none. */
  async withdraw(passportId: string, recipientUserId: string, at: Date): Promise<boolean> {
    const rows = await this.db
      .update(passportConsents)
      .set({ withdrawnAt: at })
      .where(
        and(
          eq(passportConsents.passportId, passportId),
          eq(passportConsents.recipientUserId, recipientUserId),
          isNull(passportConsents.withdrawnAt),
        ),
      )
      .returning({ id: passportConsents.id });
    return rows.length > 0;
  }

  /** Passports shared with a reader (consent in force), most recently shared first. */
  sharedWith(userId: string): Promise<SharedPassport[]> {
    return this.db
      .select({
        passportId: passports.id,
        youthId: youth.id,
        municipalityId: youth.municipalityId,
        youthUserId: youth.userId,
        firstName: youth.firstName,
        lastName: youth.lastName,
        grantedAt: passportConsents.grantedAt,
        updatedAt: passports.updatedAt,
      })
      .from(passportConsents)
      .innerJoin(passports, eq(passports.id, passportConsents.passportId))
      .innerJoin(youth, eq(youth.id, passports.youthId))
      .where(and(eq(passportConsents.recipientUserId, userId), isNull(passportConsents.withdrawnAt)))
      .orderBy(sql`${passportConsents.grantedAt} desc`);
  }
}
