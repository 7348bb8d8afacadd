import { and, asc, desc, eq, gte, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { companies, companyContacts, openings } from '../companies/companies.schema.ts';
import { youth } from '../youth/youth.schema.ts';
import { type EventResponse, matchEventCompanies, matchEventOpenings, matchEventYouth, matchEvents } from './matching.schema.ts';

export type MatchEvent = typeof matchEvents.$inferSelect;
export type EventSummary = MatchEvent & { youthInvited: number; youthComing: number; companiesInvited: number; companiesComing: number };
/** An event as one invitee sees it, with their own answer. */
export type MyEvent = MatchEvent & { response: EventResponse; companyId?: string };

const count = (table: typeof matchEventYouth | typeof matchEventCompanies, coming: boolean) =>
  sql<number>`(select count(*) from ${table} x where x.event_id = match_events.id ${coming ? sql`and x.response = 'coming'` : sql``})`.mapWith(
    Number,
  );

export class EventsRepository {
  constructor(private readonly db: Db) {}

  async insert(
    values: typeof matchEvents.$inferInsert,
    openingIds: string[],
    companyIds: string[],
    youthIds: string[],
    db: Db = this.db,
  ): Promise<MatchEvent> {
    const [event] = await db.insert(matchEvents).values(values).returning();
    const eventId = event!.id;
    await db.insert(matchEventOpenings).values(openingIds.map((openingId) => ({ eventId, openingId })));
    await db.insert(matchEventCompanies).values(companyIds.map((companyId) => ({ eventId, companyId })));
    await db.insert(matchEventYouth).values(youthIds.map((youthId) => ({ eventId, youthId })));
    return event!;
  }

  async find(id: string): Promise<MatchEvent | undefined> {
    const [row] = await this.db.select().from(matchEvents).where(eq(matchEvents.id, id)).limit(1);
    return row;
  }

  /** The municipality's events, newest first, with how many are invited and coming (one-table select: subqueries name match_events). */
  async list(municipalityId: string): Promise<EventSummary[]> {
    return this.db
      .select({
        id: matchEvents.id,
        municipalityId: matchEvents.municipalityId,
        title: matchEvents.title,
        startsAt: matchEvents.startsAt,
        endsAt: matchEvents.endsAt,
        place: matchEvents.place,
        programme: matchEvents.programme,
        createdByUserId: matchEvents.createdByUserId,
        createdAt: matchEvents.createdAt,
        youthInvited: count(matchEventYouth, false),
        youthComing: count(matchEventYouth, true),
        companiesInvited: count(matchEventCompanies, false),
        companiesComing: count(matchEventCompanies, true),
      })
      .from(matchEvents)
      .where(eq(matchEvents.municipalityId, municipalityId))
      .orderBy(desc(matchEvents.startsAt))
      .limit(50);
  }

  async openings(eventId: string) {
    return this.db
      .select({ id: openings.id, title: openings.title, companyId: openings.companyId, companyName: companies.name })
      .from(matchEventOpenings)
      .innerJoin(openings, eq(openings.id, matchEventOpenings.openingId))
      .innerJoin(companies, eq(companies.id, openings.companyId))
      .where(eq(matchEventOpenings.eventId, eventId))
      .orderBy(asc(companies.nameSort), asc(openings.title));
  }

  async companies(eventId: string) {
    return this.db
      .select({
        id: companies.id,
        name: companies.name,
        response: matchEventCompanies.response,
        respondedAt: matchEventCompanies.respondedAt,
      })
      .from(matchEventCompanies)
      .innerJoin(companies, eq(companies.id, matchEventCompanies.companyId))
      .where(eq(matchEventCompanies.eventId, eventId))
      .orderBy(asc(companies.nameSort));
  }

  async youth(eventId: string) {
    return this.db
      .select({
        id: youth.id,
        firstName: youth.firstName,
        lastName: youth.lastName,
        userId: youth.userId,
        response: matchEventYouth.response,
        respondedAt: matchEventYouth.respondedAt,
      })
      .from(matchEventYouth)
      .innerJoin(youth, eq(youth.id, matchEventYouth.youthId))
      .where(eq(matchEventYouth.eventId, eventId))
      .orderBy(asc(youth.firstName), asc(youth.lastName));
  }

  /** The user accounts to tell: invited young people and the contact persons of invited companies. */
  async inviteeUsers(eventId: string): Promise<{ userId: string; side: 'youth' | 'company' }[]> {
    const young = await this.db
      .select({ userId: youth.userId })
      .from(matchEventYouth)
      .innerJoin(youth, eq(youth.id, matchEventYouth.youthId))
      .where(eq(matchEventYouth.eventId, eventId));
    const contacts = await this.db
      .select({ userId: companyContacts.userId })
      .from(matchEventCompanies)
      .innerJoin(companyContacts, eq(companyContacts.companyId, matchEventCompanies.companyId))
      .where(eq(matchEventCompanies.eventId, eventId));
    return [
      ...young.flatMap((y) => (y.userId ? [{ userId: y.userId, side: 'youth' as const }] : [])),
      ...contacts.map((c) => ({ userId: c.userId, side: 'company' as const })),
    ];
  }

  async forYouth(youthId: string, from: Date): Promise<MyEvent[]> {
    const rows = await this.db
      .select({ e: matchEvents, response: matchEventYouth.response })
      .from(matchEventYouth)
      .innerJoin(matchEvents, eq(matchEvents.id, matchEventYouth.eventId))
      .where(and(eq(matchEventYouth.youthId, youthId), gte(matchEvents.endsAt, from)))
      .orderBy(asc(matchEvents.startsAt));
    return rows.map(({ e, response }) => ({ ...e, response }));
  }

  async forCompanies(companyIds: string[], from: Date): Promise<MyEvent[]> {
    if (!companyIds.length) return [];
    const rows = await this.db
      .select({ e: matchEvents, response: matchEventCompanies.response, companyId: matchEventCompanies.companyId })
      .from(matchEventCompanies)
      .innerJoin(matchEvents, eq(matchEvents.id, matchEventCompanies.eventId))
      .where(and(inArray(matchEventCompanies.companyId, companyIds), gte(matchEvents.endsAt, from)))
      .orderBy(asc(matchEvents.startsAt));
    return rows.map(({ e, response, companyId }) => ({ ...e, response, companyId }));
  }

  /** Events of the companies a user is contact person for (their calendar feed). */
  async forContact(userId: string): Promise<MyEvent[]> {
    const rows = await this.db
      .select({ e: matchEvents, response: matchEventCompanies.response, companyId: matchEventCompanies.companyId })
      .from(companyContacts)
      .innerJoin(matchEventCompanies, eq(matchEventCompanies.companyId, companyContacts.companyId))
      .innerJoin(matchEvents, eq(matchEvents.id, matchEventCompanies.eventId))
      .where(eq(companyContacts.userId, userId));
    return rows.map(({ e, response, companyId }) => ({ ...e, response, companyId }));
  }

  async youthResponse(eventId: string, youthId: string): Promise<EventResponse | undefined> {
    const [row] = await this.db
      .select({ response: matchEventYouth.response })
      .from(matchEventYouth)
      .where(and(eq(matchEventYouth.eventId, eventId), eq(matchEventYouth.youthId, youthId)));
    return row?.response;
  }

  async companyResponse(eventId: string, companyId: string): Promise<EventResponse | undefined> {
    const [row] = await this.db
      .select({ response: matchEventCompanies.response })
      .from(matchEventCompanies)
      .where(and(eq(matchEventCompanies.eventId, eventId), eq(matchEventCompanies.companyId, companyId)));
    return row?.response;
  }

  async setYouthResponse(eventId: string, youthId: string, response: EventResponse, at: Date): Promise<void> {
    await this.db
      .update(matchEventYouth)
      .set({ response, respondedAt: at })
      .where(and(eq(matchEventYouth.eventId, eventId), eq(matchEventYouth.youthId, youthId)));
  }

  async setCompanyResponse(eventId: string, companyId: string, response: EventResponse, at: Date): Promise<void> {
    await this.db
      .update(matchEventCompanies)
      .set({ response, respondedAt: at })
      .where(and(eq(matchEventCompanies.eventId, eventId), eq(matchEventCompanies.companyId, companyId)));
  }

  /** For a round at one event: its invited young people who did not say no, and its openings. */
  async scope(eventId: string, db: Db = this.db): Promise<{ youthIds: string[]; openingIds: string[] }> {
    const y = await db
      .select({ id: matchEventYouth.youthId })
      .from(matchEventYouth)
      .where(and(eq(matchEventYouth.eventId, eventId), sql`${matchEventYouth.response} <> 'not_coming'`));
    const o = await db.select({ id: matchEventOpenings.openingId }).from(matchEventOpenings).where(eq(matchEventOpenings.eventId, eventId));
    return { youthIds: y.map((r) => r.id), openingIds: o.map((r) => r.id) };
  }
}
