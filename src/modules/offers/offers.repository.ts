import { aliasedTable, and, asc, desc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { memberships, users } from '../accounts/accounts.schema.ts';
import { internships } from '../internships/internships.schema.ts';
import { openStatuses } from '../internships/internships.values.ts';
import { companies, openings } from '../companies/companies.schema.ts';
import { youth } from '../youth/youth.schema.ts';
import { internshipOffers } from './offers.schema.ts';
import type { OfferStatus } from './offers.values.ts';

export type Offer = typeof internshipOffers.$inferSelect;

/** An offer with the names and facts a page needs. */
export type OfferView = Offer & {
  companyName: string;
  openingTitle: string;
  openingPlace: string;
  openingHours: number;
  openingMonths: number;
  openingStartFrom: string;
  youthFirstName: string;
  youthLastName: string;
  youthUserId: string | null;
  madeByName: string | null;
};

const maker = aliasedTable(users, 'maker');
const viewColumns = {
  o: internshipOffers,
  companyName: companies.name,
  openingTitle: openings.title,
  openingPlace: openings.place,
  openingHours: openings.weeklyHours,
  openingMonths: openings.durationMonths,
  openingStartFrom: openings.startFrom,
  youthFirstName: youth.firstName,
  youthLastName: youth.lastName,
  youthUserId: youth.userId,
  madeByName: maker.name,
};

type Row = { o: Offer } & Omit<OfferView, keyof Offer>;
const toView = ({ o, ...rest }: Row): OfferView => ({ ...o, ...rest });

/** The free-seat rule lives in one SQL function (drizzle/0025), used by every list and by rounds. */
export const seatsTaken = (openingId: unknown, today: string) => sql<number>`public.nw_seats_taken(${openingId}, ${today}::date)`;

export class OffersRepository {
  constructor(private readonly db: Db) {}

  private view() {
    return this.db
      .select(viewColumns)
      .from(internshipOffers)
      .innerJoin(companies, eq(companies.id, internshipOffers.companyId))
      .innerJoin(openings, eq(openings.id, internshipOffers.openingId))
      .innerJoin(youth, eq(youth.id, internshipOffers.youthId))
      .leftJoin(maker, eq(maker.id, internshipOffers.madeByUserId));
  }

  async find(id: string): Promise<OfferView | undefined> {
    const [row] = await this.view().where(eq(internshipOffers.id, id)).limit(1);
    return row ? toView(row) : undefined;
  }

  /** A young person's offers: open ones first (soonest answer-by date), then the rest, newest first. */
  async forYouth(youthId: string): Promise<OfferView[]> {
    const rows = await this.view()
      .where(eq(internshipOffers.youthId, youthId))
      .orderBy(sql`${internshipOffers.status} = 'open' desc`, asc(internshipOffers.answerBy), desc(internshipOffers.madeAt));
    return rows.map(toView);
  }

  async forCompanies(companyIds: string[]): Promise<OfferView[]> {
    if (!companyIds.length) return [];
    const rows = await this.view()
      .where(inArray(internshipOffers.companyId, companyIds))
      .orderBy(sql`${internshipOffers.status} = 'open' desc`, desc(internshipOffers.madeAt))
      .limit(200);
    return rows.map(toView);
  }

  /** Open offers of a municipality, still within their answer-by date (the team's list). */
  async openIn(municipalityId: string, today: string): Promise<OfferView[]> {
    const rows = await this.view()
      .where(
        and(
          eq(internshipOffers.municipalityId, municipalityId),
          eq(internshipOffers.status, 'open'),
          gte(internshipOffers.answerBy, today),
        ),
      )
      .orderBy(asc(internshipOffers.answerBy));
    return rows.map(toView);
  }

  /**
   * The opening's free seats, with the opening's row locked until the transaction ends: two offers
   * (or an offer and a round's acceptance) for the last seat are made one after the other.
   */
  async lockFreeSeats(openingId: string, today: string): Promise<number> {
    // Two statements: the count must see what a transaction that held the lock before us committed,
    // and a STABLE function inside the locking statement would use that statement's older snapshot.
    await this.db.select({ id: openings.id }).from(openings).where(eq(openings.id, openingId)).for('update');
    const [row] = await this.db
      .select({ free: sql<number>`greatest(0, ${openings.seats} - ${seatsTaken(openings.id, today)})`.mapWith(Number) })
      .from(openings)
      .where(eq(openings.id, openingId));
    return row?.free ?? 0;
  }

  async insert(values: typeof internshipOffers.$inferInsert): Promise<Offer> {
    const [row] = await this.db.insert(internshipOffers).values(values).returning();
    return row!;
  }

  /** Compare-and-set from open: false when someone else decided first, or the date has passed. */
  async close(
    id: string,
    to: Exclude<OfferStatus, 'open'>,
    set: Partial<Pick<Offer, 'answeredAt' | 'closedByUserId' | 'declineReason' | 'internshipId'>>,
    today: string,
  ): Promise<boolean> {
    const rows = await this.db
      .update(internshipOffers)
      .set({ ...set, status: to })
      .where(and(eq(internshipOffers.id, id), eq(internshipOffers.status, 'open'), gte(internshipOffers.answerBy, today)))
      .returning({ id: internshipOffers.id });
    return rows.length === 1;
  }

  /** Offers past their answer-by date become expired; returns them, for the notices. */
  async expire(today: string): Promise<OfferView[]> {
    const ids = await this.db
      .update(internshipOffers)
      .set({ status: 'expired' })
      .where(and(eq(internshipOffers.status, 'open'), lt(internshipOffers.answerBy, today)))
      .returning({ id: internshipOffers.id });
    if (!ids.length) return [];
    const rows = await this.view().where(
      inArray(
        internshipOffers.id,
        ids.map((r) => r.id),
      ),
    );
    return rows.map(toView);
  }

  /** Other open offers to the same young person, withdrawn once they accept one. */
  async closeOthers(youthId: string, exceptId: string | null, at: Date, today: string): Promise<OfferView[]> {
    const ids = await this.db
      .update(internshipOffers)
      .set({ status: 'withdrawn', answeredAt: at })
      .where(
        and(
          eq(internshipOffers.youthId, youthId),
          eq(internshipOffers.status, 'open'),
          gte(internshipOffers.answerBy, today),
          exceptId ? sql`${internshipOffers.id} <> ${exceptId}` : undefined,
        ),
      )
      .returning({ id: internshipOffers.id });
    if (!ids.length) return [];
    return (
      await this.view().where(
        inArray(
          internshipOffers.id,
          ids.map((r) => r.id),
        ),
      )
    ).map(toView);
  }

  /** An open offer still within its date; one past it is marked expired here and does not count. */
  async hasOpenOffer(youthId: string, openingId: string, today: string): Promise<boolean> {
    await this.db
      .update(internshipOffers)
      .set({ status: 'expired' })
      .where(
        and(
          eq(internshipOffers.youthId, youthId),
          eq(internshipOffers.openingId, openingId),
          eq(internshipOffers.status, 'open'),
          lt(internshipOffers.answerBy, today),
        ),
      );
    const [row] = await this.db
      .select({ id: internshipOffers.id })
      .from(internshipOffers)
      .where(and(eq(internshipOffers.youthId, youthId), eq(internshipOffers.openingId, openingId), eq(internshipOffers.status, 'open')))
      .limit(1);
    return !!row;
  }

  /** A company's published openings with their seats and free seats today, by title. */
  async openingsWithSeats(
    companyId: string,
    today: string,
  ): Promise<{ id: string; title: string; seats: number; free: number; startFrom: string }[]> {
    return this.db
      .select({
        id: openings.id,
        title: openings.title,
        seats: openings.seats,
        startFrom: openings.startFrom,
        free: sql<number>`greatest(0, ${openings.seats} - ${seatsTaken(openings.id, today)})`.mapWith(Number),
      })
      .from(openings)
      .where(and(eq(openings.companyId, companyId), eq(openings.published, true)))
      .orderBy(asc(openings.title));
  }

  /** Free seats today of the given openings (unpublished ones too: the seats, less those taken). */
  async freeSeatsOf(openingIds: string[], today: string): Promise<Map<string, { free: number; seats: number }>> {
    if (!openingIds.length) return new Map();
    const rows = await this.db
      .select({
        id: openings.id,
        seats: openings.seats,
        free: sql<number>`greatest(0, ${openings.seats} - ${seatsTaken(openings.id, today)})`.mapWith(Number),
      })
      .from(openings)
      .where(inArray(openings.id, openingIds));
    return new Map(rows.map((r) => [r.id, { free: r.free, seats: r.seats }]));
  }

  async linkInternship(id: string, internshipId: string): Promise<void> {
    await this.db.update(internshipOffers).set({ internshipId }).where(eq(internshipOffers.id, id));
  }

  async hasOpenInternship(youthId: string): Promise<boolean> {
    const [row] = await this.db
      .select({ id: internships.id })
      .from(internships)
      .where(and(eq(internships.youthId, youthId), inArray(internships.status, [...openStatuses])))
      .limit(1);
    return !!row;
  }

  async isTeamMember(userId: string, municipalityId: string, roles: string[]): Promise<boolean> {
    const [row] = await this.db
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.userId, userId), eq(memberships.municipalityId, municipalityId), inArray(memberships.role, roles)))
      .limit(1);
    return !!row;
  }

  /**
   * The consultant for an internship a company offered: the young person's last consultant, else the
   * municipality's network consultant with the fewest starts under way.
   */
  async consultantFor(municipalityId: string, youthId: string): Promise<string | null> {
    const [last] = await this.db
      .select({ id: internships.consultantUserId })
      .from(internships)
      .where(and(eq(internships.youthId, youthId), sql`${internships.consultantUserId} is not null`))
      .orderBy(desc(internships.createdAt))
      .limit(1);
    if (last?.id) return last.id;
    const [least] = await this.db
      .select({ id: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.municipalityId, municipalityId), eq(memberships.role, 'network_consultant')))
      .orderBy(
        sql`(select count(*) from ${internships} i where i.consultant_user_id = ${memberships.userId} and i.status in ('planned', 'awaiting_approval'))`,
        asc(memberships.userId),
      )
      .limit(1);
    return least?.id ?? null;
  }
}
