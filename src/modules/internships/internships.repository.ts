import { aliasedTable, and, asc, desc, eq, gte, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { users } from '../accounts/accounts.schema.ts';
import { shownContact } from '../accounts/shown-contact.sql.ts';
import { companies, openings } from '../companies/companies.schema.ts';
import { municipalities } from '../municipalities/municipalities.schema.ts';
import { youth } from '../youth/youth.schema.ts';
import {
  type Attendance,
  feedbackLinks,
  internshipEvents,
  internshipExtensions,
  internshipFeedback,
  internshipMeetings,
  internships,
  youthCheckins,
} from './internships.schema.ts';
import { type InternshipStatus, openStatuses } from './internships.values.ts';

export type Internship = typeof internships.$inferSelect;
export type InternshipInsert = typeof internships.$inferInsert;
export type Meeting = typeof internshipMeetings.$inferSelect;
export type InternshipEvent = typeof internshipEvents.$inferSelect & { byName: string | null };
export type Extension = typeof internshipExtensions.$inferSelect;
export type Feedback = typeof internshipFeedback.$inferSelect;
export type FeedbackLink = typeof feedbackLinks.$inferSelect;
export type Checkin = typeof youthCheckins.$inferSelect;

/** An internship with the names a page needs. */
export type InternshipView = Internship & {
  youthFirstName: string;
  youthLastName: string;
  youthUserId: string | null;
  companyName: string;
  openingTitle: string;
  /** Where the opening's work is: the address for day one unless the internship says otherwise. */
  openingPlace: string;
  supervisorName: string | null;
  supervisorEmail: string | null;
  /** The supervisor's contact details as they chose to show them to the young person (null: not shown). */
  supervisorShownPhone: string | null;
  supervisorShownEmail: string | null;
  consultantName: string | null;
};

export interface NewEvent {
  kind: string;
  fromStatus?: InternshipStatus | null;
  toStatus?: InternshipStatus | null;
  note?: string;
  at: Date;
  byUserId: string | null;
}

const supervisor = aliasedTable(users, 'supervisor');
const consultant = aliasedTable(users, 'consultant');
const viewColumns = {
  i: internships,
  youthFirstName: youth.firstName,
  youthLastName: youth.lastName,
  youthUserId: youth.userId,
  companyName: companies.name,
  openingTitle: openings.title,
  openingPlace: openings.place,
  supervisorName: supervisor.name,
  supervisorEmail: supervisor.email,
  supervisorShownPhone: shownContact(supervisor).phone,
  supervisorShownEmail: shownContact(supervisor).email,
  consultantName: consultant.name,
};
type ViewRow = { i: Internship } & Omit<InternshipView, keyof Internship>;
const toView = ({ i, ...names }: ViewRow): InternshipView => ({ ...i, ...names });

export class InternshipsRepository {
  constructor(private readonly db: Db) {}

  private views(db: Db = this.db) {
    return db
      .select(viewColumns)
      .from(internships)
      .innerJoin(youth, eq(youth.id, internships.youthId))
      .innerJoin(companies, eq(companies.id, internships.companyId))
      .innerJoin(openings, eq(openings.id, internships.openingId))
      .leftJoin(supervisor, eq(supervisor.id, internships.supervisorUserId))
      .leftJoin(consultant, eq(consultant.id, internships.consultantUserId))
      .$dynamic();
  }

  async find(id: string, db: Db = this.db): Promise<InternshipView | undefined> {
    const [row] = await this.views(db).where(eq(internships.id, id)).limit(1);
    return row && toView(row);
  }

  async list(where: { municipalityId?: string; companyIds?: string[]; youthId?: string; statuses?: readonly InternshipStatus[] }) {
    const conditions = [];
    if (where.municipalityId) conditions.push(eq(internships.municipalityId, where.municipalityId));
    if (where.companyIds) conditions.push(inArray(internships.companyId, where.companyIds.length ? where.companyIds : ['']));
    if (where.youthId) conditions.push(eq(internships.youthId, where.youthId));
    if (where.statuses) conditions.push(inArray(internships.status, [...where.statuses]));
    const rows = await this.views()
      .where(and(...conditions))
      .orderBy(desc(internships.chosenAt));
    return rows.map(toView);
  }

  async youthNames(
    ids: string[],
  ): Promise<{ id: string; firstName: string; lastName: string; municipalityId: string; userId: string | null }[]> {
    if (!ids.length) return [];
    return this.db
      .select({
        id: youth.id,
        firstName: youth.firstName,
        lastName: youth.lastName,
        municipalityId: youth.municipalityId,
        userId: youth.userId,
      })
      .from(youth)
      .where(inArray(youth.id, ids));
  }

  /** Internships a person takes part in (as the young person, supervisor or consultant), for their calendar. */
  async forPerson(userId: string): Promise<InternshipView[]> {
    const rows = await this.views()
      .where(
        and(
          sql`(${youth.userId} = ${userId} or ${internships.supervisorUserId} = ${userId} or ${internships.consultantUserId} = ${userId})`,
          inArray(internships.status, [...openStatuses, 'completed']),
        ),
      )
      .orderBy(desc(internships.agreedStart))
      .limit(200);
    return rows.map(toView);
  }

  /**
   * Active companies in the network with no young person now and none since a date: the ones the
   * team should call. `lastEnd` is when their last internship ended (null: never had one).
   */
  async idleCompanies(municipalityId: string, since: string): Promise<{ id: string; name: string; lastEnd: string | null }[]> {
    // Drizzle leaves columns unqualified in a one-table select, so the outer row is named in full.
    const companyId = sql.raw('"companies"."id"');
    const last = sql<
      string | null
    >`(select max(coalesce(i.actual_end, i.planned_end)) from ${internships} i where i.company_id = ${companyId})`;
    const rows = await this.db
      .select({ id: companies.id, name: companies.name, lastEnd: last })
      .from(companies)
      .where(
        and(
          eq(companies.municipalityId, municipalityId),
          eq(companies.networkStatus, 'active'),
          sql`not exists (select 1 from ${internships} i where i.company_id = ${companyId} and i.status in ('planned', 'awaiting_approval', 'active', 'extended'))`,
          sql`coalesce(${last}, ${companies.createdAt}::date) < ${since}`,
        ),
      )
      .orderBy(sql`${last} nulls first`, asc(companies.nameSort));
    return rows;
  }

  async openForYouth(youthId: string, db: Db = this.db): Promise<Internship | undefined> {
    const [row] = await db
      .select()
      .from(internships)
      .where(and(eq(internships.youthId, youthId), inArray(internships.status, [...openStatuses])))
      .limit(1);
    return row;
  }

  async insert(values: InternshipInsert, event: NewEvent, db: Db = this.db): Promise<Internship> {
    const [row] = await db.insert(internships).values(values).returning();
    await db.insert(internshipEvents).values({ ...event, internshipId: row!.id, toStatus: row!.status });
    return row!;
  }

  /** Updates the internship only if it is still in the state the caller read (no lost updates). */
  async update(id: string, expected: InternshipStatus, set: Partial<Internship>, event: NewEvent, db: Db = this.db): Promise<boolean> {
    const rows = await db
      .update(internships)
      .set({ ...set, updatedAt: event.at })
      .where(and(eq(internships.id, id), eq(internships.status, expected)))
      .returning({ id: internships.id });
    if (!rows.length) return false;
    await db.insert(internshipEvents).values({ ...event, internshipId: id });
    return true;
  }

  async events(id: string): Promise<InternshipEvent[]> {
    const rows = await this.db
      .select({ e: internshipEvents, byName: users.name })
      .from(internshipEvents)
      .leftJoin(users, eq(users.id, internshipEvents.byUserId))
      .where(eq(internshipEvents.internshipId, id))
      .orderBy(desc(internshipEvents.at));
    return rows.map((r) => ({ ...r.e, byName: r.byName }));
  }

  async openExtension(internshipId: string, db: Db = this.db): Promise<Extension | undefined> {
    const [row] = await db
      .select()
      .from(internshipExtensions)
      .where(and(eq(internshipExtensions.internshipId, internshipId), eq(internshipExtensions.status, 'requested')))
      .limit(1);
    return row;
  }

  async extensions(internshipId: string): Promise<Extension[]> {
    return this.db
      .select()
      .from(internshipExtensions)
      .where(eq(internshipExtensions.internshipId, internshipId))
      .orderBy(desc(internshipExtensions.createdAt));
  }

  async insertExtension(values: typeof internshipExtensions.$inferInsert, db: Db = this.db): Promise<Extension> {
    const [row] = await db.insert(internshipExtensions).values(values).returning();
    return row!;
  }

  async updateExtension(id: string, set: Partial<Extension>, db: Db = this.db): Promise<Extension> {
    const [row] = await db.update(internshipExtensions).set(set).where(eq(internshipExtensions.id, id)).returning();
    return row!;
  }

  async saveFeedback(
    values: {
      internshipId: string;
      weekStart: string;
      attendance: Attendance;
      didWell: string;
      concern: string;
      submittedAt: Date;
      byUserId: string | null;
      viaLink: string | null;
    },
    db: Db = this.db,
  ): Promise<Feedback> {
    const { internshipId: _i, weekStart: _w, ...changes } = values;
    const [row] = await db
      .insert(internshipFeedback)
      .values(values)
      .onConflictDoUpdate({ target: [internshipFeedback.internshipId, internshipFeedback.weekStart], set: changes })
      .returning();
    return row!;
  }

  async feedback(internshipId: string): Promise<Feedback[]> {
    return this.db
      .select()
      .from(internshipFeedback)
      .where(eq(internshipFeedback.internshipId, internshipId))
      .orderBy(desc(internshipFeedback.weekStart));
  }

  async feedbackFor(internshipId: string, week: string): Promise<Feedback | undefined> {
    const [row] = await this.db
      .select()
      .from(internshipFeedback)
      .where(and(eq(internshipFeedback.internshipId, internshipId), eq(internshipFeedback.weekStart, week)))
      .limit(1);
    return row;
  }

  /** The recognitions a young person has received: what companies said they did well. */
  async recognitions(youthId: string): Promise<{ weekStart: string; didWell: string; companyName: string; internshipId: string }[]> {
    return this.db
      .select({
        weekStart: internshipFeedback.weekStart,
        didWell: internshipFeedback.didWell,
        companyName: companies.name,
        internshipId: internships.id,
      })
      .from(internshipFeedback)
      .innerJoin(internships, eq(internships.id, internshipFeedback.internshipId))
      .innerJoin(companies, eq(companies.id, internships.companyId))
      .where(and(eq(internships.youthId, youthId), sql`${internshipFeedback.didWell} <> ''`))
      .orderBy(desc(internshipFeedback.weekStart));
  }

  /** Creates the link for a week once; a second call returns the existing one. */
  async feedbackLink(internshipId: string, week: string, expiresAt: Date, at: Date, db: Db = this.db): Promise<FeedbackLink> {
    await db.insert(feedbackLinks).values({ internshipId, weekStart: week, expiresAt, createdAt: at }).onConflictDoNothing();
    const [row] = await db
      .select()
      .from(feedbackLinks)
      .where(and(eq(feedbackLinks.internshipId, internshipId), eq(feedbackLinks.weekStart, week)))
      .limit(1);
    return row!;
  }

  async findLink(id: string): Promise<FeedbackLink | undefined> {
    const [row] = await this.db.select().from(feedbackLinks).where(eq(feedbackLinks.id, id)).limit(1);
    return row;
  }

  /** Spends a link: true for the one caller that got it, false if it was already used. */
  async useLink(id: string, at: Date, db: Db = this.db): Promise<boolean> {
    const rows = await db
      .update(feedbackLinks)
      .set({ usedAt: at })
      .where(and(eq(feedbackLinks.id, id), isNull(feedbackLinks.usedAt)))
      .returning({ id: feedbackLinks.id });
    return rows.length === 1;
  }

  async saveCheckin(values: typeof youthCheckins.$inferInsert): Promise<Checkin> {
    const { youthId: _y, weekStart: _w, ...changes } = values;
    const [row] = await this.db
      .insert(youthCheckins)
      .values(values)
      .onConflictDoUpdate({ target: [youthCheckins.youthId, youthCheckins.weekStart], set: changes })
      .returning();
    return row!;
  }

  async checkins(youthId: string, limit = 12): Promise<Checkin[]> {
    return this.db
      .select()
      .from(youthCheckins)
      .where(eq(youthCheckins.youthId, youthId))
      .orderBy(desc(youthCheckins.weekStart))
      .limit(limit);
  }

  /** Feedback since a date for the open internships of some municipalities (all when null): the stability flag's input. */
  async recentFeedback(municipalityIds: string[] | null, since: string) {
    return this.db
      .select({
        youthId: internships.youthId,
        municipalityId: internships.municipalityId,
        weekStart: internshipFeedback.weekStart,
        attendance: internshipFeedback.attendance,
        concern: internshipFeedback.concern,
      })
      .from(internshipFeedback)
      .innerJoin(internships, eq(internships.id, internshipFeedback.internshipId))
      .where(
        and(
          gte(internshipFeedback.weekStart, since),
          municipalityIds ? inArray(internships.municipalityId, municipalityIds) : undefined,
          inArray(internships.status, ['active', 'extended']),
        ),
      );
  }

  /** Check-ins since a date by young people in some municipalities (all when null). */
  async recentCheckins(municipalityIds: string[] | null, since: string) {
    return this.db
      .select({
        youthId: youthCheckins.youthId,
        municipalityId: youth.municipalityId,
        weekStart: youthCheckins.weekStart,
        wellbeing: youthCheckins.wellbeing,
        workplace: youthCheckins.workplace,
        network: youthCheckins.network,
      })
      .from(youthCheckins)
      .innerJoin(youth, eq(youth.id, youthCheckins.youthId))
      .where(
        and(
          gte(youthCheckins.weekStart, since),
          municipalityIds ? inArray(youth.municipalityId, municipalityIds) : undefined,
          sql`${youth.status} <> 'ended'`,
        ),
      );
  }

  /** Start clocks: open ones (no first day yet) and the days to start of those that started since a date. */
  async clocks(municipalityIds: string[] | null, startedSince: string) {
    return this.db
      .select({
        id: internships.id,
        municipalityId: internships.municipalityId,
        youthId: internships.youthId,
        youthFirstName: youth.firstName,
        youthLastName: youth.lastName,
        companyName: companies.name,
        status: internships.status,
        chosenAt: internships.chosenAt,
        firstDay: internships.firstDay,
        agreedStart: internships.agreedStart,
        consultantUserId: internships.consultantUserId,
        /** The municipality's promise: days from the choice to the first day (model rules). */
        startWithinDays: municipalities.startWithinDays,
      })
      .from(internships)
      .innerJoin(youth, eq(youth.id, internships.youthId))
      .innerJoin(companies, eq(companies.id, internships.companyId))
      .innerJoin(municipalities, eq(municipalities.id, internships.municipalityId))
      .where(
        and(
          municipalityIds ? inArray(internships.municipalityId, municipalityIds) : undefined,
          // A clock runs once the young person has confirmed the choice (the team's planning waits for it).
          sql`((${internships.firstDay} is null and ${internships.status} in ('planned', 'awaiting_approval') and ${internships.youthConfirmedAt} is not null) or ${internships.firstDay} >= ${startedSince})`,
        ),
      )
      .orderBy(asc(internships.chosenAt));
  }

  // ---- follow-up meetings ------------------------------------------------------------------

  meetings(internshipId: string): Promise<Meeting[]> {
    return this.db
      .select()
      .from(internshipMeetings)
      .where(eq(internshipMeetings.internshipId, internshipId))
      .orderBy(asc(internshipMeetings.startsAt));
  }

  async insertMeeting(values: typeof internshipMeetings.$inferInsert): Promise<Meeting> {
    const [meeting] = await this.db.insert(internshipMeetings).values(values).returning();
    return meeting!;
  }

  /** Meetings of the open or completed internships a person takes part in (young person, supervisor, consultant). */
  async meetingsForPerson(userId: string) {
    const rows = await this.db
      .select({
        m: internshipMeetings,
        youthFirstName: youth.firstName,
        companyId: internships.companyId,
        companyName: sql<string>`(select name from companies c where c.id = ${internships.companyId})`,
      })
      .from(internshipMeetings)
      .innerJoin(internships, eq(internships.id, internshipMeetings.internshipId))
      .innerJoin(youth, eq(youth.id, internships.youthId))
      .innerJoin(companies, eq(companies.id, internships.companyId))
      .where(
        and(
          sql`(${youth.userId} = ${userId} or ${internships.supervisorUserId} = ${userId} or ${internships.consultantUserId} = ${userId})`,
          inArray(internships.status, [...openStatuses, 'completed']),
        ),
      )
      .orderBy(asc(internshipMeetings.startsAt))
      .limit(200);
    return rows.map(({ m, ...rest }) => ({ ...m, ...rest }));
  }
}
