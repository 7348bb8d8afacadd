import { and, asc, desc, eq, gte, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { users } from '../accounts/accounts.schema.ts';
import { companies, companyContacts, networkMeetingAnswers, networkMeetingCompanies, networkMeetings } from './companies.schema.ts';
import type { NetworkMeetingResponse } from './companies.values.ts';

export type NetworkMeeting = typeof networkMeetings.$inferSelect;

/** A meeting in the team's list, with its counts. */
export interface NetworkMeetingRow extends NetworkMeeting {
  invited: number;
  coming: number;
  notComing: number;
  attended: number;
  /** The names of the companies that came (or, before attendance, none). */
  attendedNames: string[];
}

/** An invited company with its contacts' answers and, afterwards, whether it came. */
export interface InvitedCompany {
  companyId: string;
  name: string;
  attended: boolean | null;
  answers: { userId: string; name: string; response: NetworkMeetingResponse }[];
}

/** An upcoming meeting a company contact is invited to, with their own answer. */
export interface ContactMeeting {
  id: string;
  municipalityId: string;
  theme: string;
  startsAt: Date;
  minutes: number;
  place: string;
  response: NetworkMeetingResponse | null;
}

/** Network meetings planned ahead: invitations, answers per company contact, attendance (decision 0031). */
export class NetworkMeetingsRepository {
  constructor(private readonly db: Db) {}

  async insert(
    values: typeof networkMeetings.$inferInsert,
    companyIds: string[],
    attended: boolean | null = null,
  ): Promise<NetworkMeeting> {
    const [row] = await this.db.insert(networkMeetings).values(values).returning();
    if (companyIds.length)
      await this.db.insert(networkMeetingCompanies).values(companyIds.map((companyId) => ({ meetingId: row!.id, companyId, attended })));
    return row!;
  }

  async find(id: string): Promise<NetworkMeeting | undefined> {
    const [row] = await this.db.select().from(networkMeetings).where(eq(networkMeetings.id, id)).limit(1);
    return row;
  }

  /** Every meeting of a municipality, newest first, with its counts. */
  async list(municipalityId: string): Promise<NetworkMeetingRow[]> {
    const rows = await this.db
      .select({
        m: networkMeetings,
        invited: sql<number>`(select count(*)::int from ${networkMeetingCompanies} mc where mc.meeting_id = ${networkMeetings.id})`,
        coming: sql<number>`(select count(*)::int from ${networkMeetingAnswers} a where a.meeting_id = ${networkMeetings.id} and a.response = 'coming')`,
        notComing: sql<number>`(select count(*)::int from ${networkMeetingAnswers} a where a.meeting_id = ${networkMeetings.id} and a.response = 'not_coming')`,
        attended: sql<number>`(select count(*)::int from ${networkMeetingCompanies} mc where mc.meeting_id = ${networkMeetings.id} and mc.attended)`,
        // Qualified by hand: drizzle writes the outer id unqualified, which the joined companies' id would shadow.
        attendedNames: sql<string[]>`coalesce((select json_agg(c.name order by c.name_sort) from ${networkMeetingCompanies} mc
          join ${companies} c on c.id = mc.company_id where mc.meeting_id = "network_meetings"."id" and mc.attended), '[]'::json)`,
      })
      .from(networkMeetings)
      .where(eq(networkMeetings.municipalityId, municipalityId))
      .orderBy(desc(networkMeetings.startsAt));
    return rows.map((r) => ({
      ...r.m,
      invited: Number(r.invited),
      coming: Number(r.coming),
      notComing: Number(r.notComing),
      attended: Number(r.attended),
      attendedNames: r.attendedNames,
    }));
  }

  /** The invited companies in Danish order, each with its contacts' answers. */
  async invited(meetingId: string): Promise<InvitedCompany[]> {
    const [rows, answers] = await Promise.all([
      this.db
        .select({ companyId: companies.id, name: companies.name, attended: networkMeetingCompanies.attended })
        .from(networkMeetingCompanies)
        .innerJoin(companies, eq(companies.id, networkMeetingCompanies.companyId))
        .where(eq(networkMeetingCompanies.meetingId, meetingId))
        .orderBy(asc(companies.nameSort)),
      this.db
        .select({
          companyId: networkMeetingAnswers.companyId,
          userId: networkMeetingAnswers.userId,
          name: users.name,
          response: networkMeetingAnswers.response,
        })
        .from(networkMeetingAnswers)
        .innerJoin(users, eq(users.id, networkMeetingAnswers.userId))
        .where(eq(networkMeetingAnswers.meetingId, meetingId))
        .orderBy(asc(users.name)),
    ]);
    return rows.map((r) => ({
      ...r,
      answers: answers.filter((a) => a.companyId === r.companyId).map(({ userId, name, response }) => ({ userId, name, response })),
    }));
  }

  /** Of these companies, the ones invited to the meeting. */
  async invitedAmong(meetingId: string, companyIds: readonly string[]): Promise<string[]> {
    if (!companyIds.length) return [];
    const rows = await this.db
      .select({ id: networkMeetingCompanies.companyId })
      .from(networkMeetingCompanies)
      .where(and(eq(networkMeetingCompanies.meetingId, meetingId), inArray(networkMeetingCompanies.companyId, [...companyIds])));
    return rows.map((r) => r.id);
  }

  async answerOf(meetingId: string, userId: string): Promise<NetworkMeetingResponse | null> {
    const [row] = await this.db
      .select({ response: networkMeetingAnswers.response })
      .from(networkMeetingAnswers)
      .where(and(eq(networkMeetingAnswers.meetingId, meetingId), eq(networkMeetingAnswers.userId, userId)));
    return row?.response ?? null;
  }

  async setAnswer(meetingId: string, userId: string, companyId: string, response: NetworkMeetingResponse, at: Date): Promise<void> {
    await this.db
      .insert(networkMeetingAnswers)
      .values({ meetingId, userId, companyId, response, answeredAt: at })
      .onConflictDoUpdate({
        target: [networkMeetingAnswers.meetingId, networkMeetingAnswers.userId],
        set: { companyId, response, answeredAt: at },
      });
  }

  /**
   * Records who came: the chosen companies attended, every other invited company did not. A company
   * that came without an invitation is added as invited and attended.
   */
  async setAttendance(meetingId: string, attendedIds: readonly string[], at: Date): Promise<void> {
    await this.db
      .update(networkMeetingCompanies)
      .set({ attended: attendedIds.length ? inArray(networkMeetingCompanies.companyId, [...attendedIds]) : false })
      .where(eq(networkMeetingCompanies.meetingId, meetingId));
    if (attendedIds.length)
      await this.db
        .insert(networkMeetingCompanies)
        .values(attendedIds.map((companyId) => ({ meetingId, companyId, attended: true })))
        .onConflictDoNothing();
    await this.db.update(networkMeetings).set({ attendanceAt: at }).where(eq(networkMeetings.id, meetingId));
  }

  /** The users who are contacts of these companies (whom an invitation tells). */
  async contactUsers(companyIds: readonly string[]): Promise<{ userId: string; companyId: string }[]> {
    if (!companyIds.length) return [];
    return this.db
      .select({ userId: companyContacts.userId, companyId: companyContacts.companyId })
      .from(companyContacts)
      .where(inArray(companyContacts.companyId, [...companyIds]));
  }

  /** The municipality's active companies (an invitation to all). */
  async activeCompanyIds(municipalityId: string): Promise<string[]> {
    const rows = await this.db
      .select({ id: companies.id })
      .from(companies)
      .where(and(eq(companies.municipalityId, municipalityId), eq(companies.networkStatus, 'active')));
    return rows.map((r) => r.id);
  }

  /** Meetings from `from` on that the user's companies are invited to, with the user's own answer. */
  async forContact(userId: string, from: Date): Promise<ContactMeeting[]> {
    return this.db
      .selectDistinct({
        id: networkMeetings.id,
        municipalityId: networkMeetings.municipalityId,
        theme: networkMeetings.theme,
        startsAt: networkMeetings.startsAt,
        minutes: networkMeetings.minutes,
        place: networkMeetings.place,
        response: sql<NetworkMeetingResponse | null>`(select a.response from ${networkMeetingAnswers} a
          where a.meeting_id = ${networkMeetings.id} and a.user_id = ${userId})`,
      })
      .from(networkMeetings)
      .innerJoin(networkMeetingCompanies, eq(networkMeetingCompanies.meetingId, networkMeetings.id))
      .innerJoin(companyContacts, eq(companyContacts.companyId, networkMeetingCompanies.companyId))
      .where(and(eq(companyContacts.userId, userId), gte(networkMeetings.startsAt, from)))
      .orderBy(asc(networkMeetings.startsAt));
  }
}
