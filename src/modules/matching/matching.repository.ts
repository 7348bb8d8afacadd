import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { users } from '../accounts/accounts.schema.ts';
import { companies, openings } from '../companies/companies.schema.ts';
import { internships } from '../internships/internships.schema.ts';
import { openStatuses } from '../internships/internships.values.ts';
import { youth } from '../youth/youth.schema.ts';
import { municipalities } from '../municipalities/municipalities.schema.ts';
import {
  type AnswerValue,
  type PlacementStatus,
  type RoundInput,
  companyAnswers,
  directInvitations,
  matchingRounds,
  roundPlacements,
  wishes,
} from './matching.schema.ts';

export type Wish = typeof wishes.$inferSelect;
export type Round = typeof matchingRounds.$inferSelect;
export type Placement = typeof roundPlacements.$inferSelect;
export type DirectInvitation = typeof directInvitations.$inferSelect;

/** A wish with what a page shows of its opening. */
export type WishView = Wish & { openingTitle: string; companyId: string; companyName: string; published: boolean };

/** A wish as the company sees it: the young person (profile fields for companyView) and the answer given. */
export interface WishAtCompany {
  openingId: string;
  openingTitle: string;
  companyId: string;
  rank: number;
  reason: string;
  youth: typeof youth.$inferSelect;
  answer: AnswerValue | null;
  tier: number | null;
}

export type PlacementView = Placement & {
  youthFirstName: string;
  youthLastName: string;
  youthUserId: string | null;
  openingTitle: string | null;
  companyName: string | null;
};

/** Young people who can take part in a round: in the network, no internship under way, no open offer. */
const eligibleStatuses = ['starting', 'in_network'] as const;

export class MatchingRepository {
  constructor(private readonly db: Db) {}

  async wishesOf(youthId: string, db: Db = this.db): Promise<WishView[]> {
    return db
      .select({
        id: wishes.id,
        municipalityId: wishes.municipalityId,
        youthId: wishes.youthId,
        openingId: wishes.openingId,
        rank: wishes.rank,
        reason: wishes.reason,
        createdAt: wishes.createdAt,
        updatedAt: wishes.updatedAt,
        openingTitle: openings.title,
        companyId: openings.companyId,
        companyName: companies.name,
        published: openings.published,
      })
      .from(wishes)
      .innerJoin(openings, eq(openings.id, wishes.openingId))
      .innerJoin(companies, eq(companies.id, openings.companyId))
      .where(eq(wishes.youthId, youthId))
      .orderBy(asc(wishes.rank));
  }

  async insertWish(values: typeof wishes.$inferInsert, db: Db = this.db): Promise<void> {
    await db.insert(wishes).values(values);
  }

  async deleteWish(youthId: string, openingId: string, db: Db = this.db): Promise<void> {
    await db.delete(wishes).where(and(eq(wishes.youthId, youthId), eq(wishes.openingId, openingId)));
  }

  async setReason(youthId: string, openingId: string, reason: string, at: Date): Promise<boolean> {
    const rows = await this.db
      .update(wishes)
      .set({ reason, updatedAt: at })
      .where(and(eq(wishes.youthId, youthId), eq(wishes.openingId, openingId)))
      .returning({ id: wishes.id });
    return rows.length > 0;
  }

  /** Numbers the wishes 1…n in the order given (the caller passes exactly the young person's openings). */
  async setRanks(youthId: string, openingIds: string[], at: Date, db: Db = this.db): Promise<void> {
    for (const [i, openingId] of openingIds.entries()) {
      await db
        .update(wishes)
        .set({ rank: i + 1, updatedAt: at })
        .where(and(eq(wishes.youthId, youthId), eq(wishes.openingId, openingId)));
    }
  }

  /** Wishes for the openings of these companies (a company contact), or of a whole municipality (the team). */
  async wishesAt(where: { companyIds?: string[]; municipalityId?: string }): Promise<WishAtCompany[]> {
    const condition = where.companyIds
      ? inArray(openings.companyId, where.companyIds.length ? where.companyIds : ['00000000-0000-0000-0000-000000000000'])
      : eq(wishes.municipalityId, where.municipalityId!);
    const rows = await this.db
      .select({
        openingId: wishes.openingId,
        openingTitle: openings.title,
        companyId: openings.companyId,
        rank: wishes.rank,
        reason: wishes.reason,
        youth,
        answer: companyAnswers.answer,
        tier: companyAnswers.tier,
      })
      .from(wishes)
      .innerJoin(openings, eq(openings.id, wishes.openingId))
      .innerJoin(youth, eq(youth.id, wishes.youthId))
      .leftJoin(companyAnswers, and(eq(companyAnswers.openingId, wishes.openingId), eq(companyAnswers.youthId, wishes.youthId)))
      .where(and(condition, inArray(youth.status, [...eligibleStatuses])))
      .orderBy(asc(openings.title), asc(youth.firstName));
    return rows;
  }

  async wishExists(openingId: string, youthId: string): Promise<boolean> {
    const [row] = await this.db
      .select({ id: wishes.id })
      .from(wishes)
      .where(and(eq(wishes.openingId, openingId), eq(wishes.youthId, youthId)))
      .limit(1);
    return !!row;
  }

  async saveAnswer(values: typeof companyAnswers.$inferInsert): Promise<void> {
    await this.db
      .insert(companyAnswers)
      .values(values)
      .onConflictDoUpdate({
        target: [companyAnswers.openingId, companyAnswers.youthId],
        set: { answer: values.answer, tier: values.tier, answeredAt: values.answeredAt, byUserId: values.byUserId },
      });
  }

  async insertDirectInvitation(values: typeof directInvitations.$inferInsert): Promise<void> {
    await this.db.insert(directInvitations).values(values);
  }

  async directInvitationsFor(youthId: string): Promise<(DirectInvitation & { companyName: string; openingTitle: string | null })[]> {
    return this.db
      .select({
        id: directInvitations.id,
        municipalityId: directInvitations.municipalityId,
        companyId: directInvitations.companyId,
        openingId: directInvitations.openingId,
        youthId: directInvitations.youthId,
        channel: directInvitations.channel,
        message: directInvitations.message,
        at: directInvitations.at,
        byUserId: directInvitations.byUserId,
        companyName: companies.name,
        openingTitle: openings.title,
      })
      .from(directInvitations)
      .innerJoin(companies, eq(companies.id, directInvitations.companyId))
      .leftJoin(openings, eq(openings.id, directInvitations.openingId))
      .where(eq(directInvitations.youthId, youthId))
      .orderBy(desc(directInvitations.at));
  }

  /**
   * Everything a round needs, read in one transaction: the wishes of eligible young people (ranked),
   * each wished opening's free seats (seats less internships under way, placements and direct offers
   * not yet answered; none when unpublished), and the companies' answers. Young people with an open
   * direct offer still take part: the offer holds its own seat, and they may get a better wish.
   */
  async roundInput(municipalityId: string, today: string, db: Db = this.db): Promise<RoundInput> {
    const wishRows = await db
      .select({ youthId: wishes.youthId, openingId: wishes.openingId })
      .from(wishes)
      .innerJoin(youth, eq(youth.id, wishes.youthId))
      .where(
        and(
          eq(wishes.municipalityId, municipalityId),
          inArray(youth.status, [...eligibleStatuses]),
          sql`not exists (select 1 from ${internships} i where i.youth_id = ${wishes.youthId} and i.status in (${sql.join(
            openStatuses.map((s) => sql`${s}`),
            sql`, `,
          )}))`,
          sql`not exists (select 1 from ${roundPlacements} p join ${matchingRounds} r on r.id = p.round_id
                where p.youth_id = ${wishes.youthId} and p.status = 'offered' and r.status = 'published')`,
        ),
      )
      .orderBy(asc(wishes.youthId), asc(wishes.rank));
    const input: RoundInput = { youth: {}, openings: {}, answers: {} };
    for (const w of wishRows) (input.youth[w.youthId] ??= []).push(w.openingId);
    const openingIds = [...new Set(wishRows.map((w) => w.openingId))];
    if (!openingIds.length) return input;
    const seatRows = await db
      .select({
        id: openings.id,
        // Seats taken by internships, offered placements and open direct offers: one rule (drizzle/0025).
        // An opening whose first day is past the municipality's start-within days has none: accepting
        // its placement could not keep the start promise (issue #15).
        seats:
          sql<number>`case when ${openings.published} and ${openings.startFrom} <= ${today}::date + (select m.start_within_days from ${municipalities} m where m.id = ${openings.municipalityId})
            then greatest(0, ${openings.seats} - public.nw_seats_taken(${openings.id}, ${today}::date)) else 0 end`.mapWith(Number),
      })
      .from(openings)
      .where(inArray(openings.id, openingIds));
    const answerRows = await db
      .select({
        openingId: companyAnswers.openingId,
        youthId: companyAnswers.youthId,
        answer: companyAnswers.answer,
        tier: companyAnswers.tier,
      })
      .from(companyAnswers)
      .where(inArray(companyAnswers.openingId, openingIds));
    const inRound = new Set(Object.keys(input.youth));
    for (const s of seatRows) input.openings[s.id] = { seats: s.seats, accepts: [] };
    const tiers: Record<string, string[][]> = {};
    for (const a of answerRows) {
      if (!inRound.has(a.youthId)) continue;
      (input.answers[a.openingId] ??= {})[a.youthId] = { answer: a.answer, tier: a.tier };
      if (a.answer === 'can_take') ((tiers[a.openingId] ??= [])[a.tier - 1] ??= []).push(a.youthId);
    }
    for (const [openingId, list] of Object.entries(tiers)) {
      input.openings[openingId]!.accepts = list.filter((tier) => tier?.length).map((tier) => [...tier].sort());
    }
    return input;
  }

  async insertRound(
    values: typeof matchingRounds.$inferInsert,
    placements: Omit<Placement, 'roundId'>[],
    db: Db = this.db,
  ): Promise<Round> {
    const [round] = await db.insert(matchingRounds).values(values).returning();
    if (placements.length) await db.insert(roundPlacements).values(placements.map((p) => ({ ...p, roundId: round!.id })));
    return round!;
  }

  async rounds(municipalityId: string): Promise<(Round & { runByName: string | null })[]> {
    const rows = await this.db
      .select({ r: matchingRounds, runByName: users.name })
      .from(matchingRounds)
      .leftJoin(users, eq(users.id, matchingRounds.runByUserId))
      .where(eq(matchingRounds.municipalityId, municipalityId))
      .orderBy(desc(matchingRounds.runAt))
      .limit(50);
    return rows.map(({ r, runByName }) => ({ ...r, runByName }));
  }

  async round(id: string): Promise<(Round & { runByName: string | null }) | undefined> {
    const [row] = await this.db
      .select({ r: matchingRounds, runByName: users.name })
      .from(matchingRounds)
      .leftJoin(users, eq(users.id, matchingRounds.runByUserId))
      .where(eq(matchingRounds.id, id))
      .limit(1);
    return row && { ...row.r, runByName: row.runByName };
  }

  async setRoundStatus(id: string, from: Round['status'], to: Round['status'], at: Date, db: Db = this.db): Promise<boolean> {
    const rows = await db
      .update(matchingRounds)
      .set({ status: to, ...(to === 'published' ? { publishedAt: at } : {}) })
      .where(and(eq(matchingRounds.id, id), eq(matchingRounds.status, from)))
      .returning({ id: matchingRounds.id });
    return rows.length > 0;
  }

  /** Placements with the names a page needs and their round. */
  private placementViews() {
    return this.db
      .select({
        p: roundPlacements,
        round: matchingRounds,
        youthFirstName: youth.firstName,
        youthLastName: youth.lastName,
        youthUserId: youth.userId,
        openingTitle: openings.title,
        companyName: companies.name,
      })
      .from(roundPlacements)
      .innerJoin(matchingRounds, eq(matchingRounds.id, roundPlacements.roundId))
      .innerJoin(youth, eq(youth.id, roundPlacements.youthId))
      .leftJoin(openings, eq(openings.id, roundPlacements.openingId))
      .leftJoin(companies, eq(companies.id, openings.companyId))
      .$dynamic();
  }

  async placements(roundId: string): Promise<PlacementView[]> {
    const rows = await this.placementViews().where(eq(roundPlacements.roundId, roundId)).orderBy(asc(youth.firstName), asc(youth.lastName));
    return rows.map(({ p, round: _round, ...names }) => ({ ...p, ...names }));
  }

  /** The young person's placements in published rounds, newest first, with the round. */
  async placementsOf(youthId: string): Promise<{ placement: PlacementView; round: Round }[]> {
    const rows = await this.placementViews()
      .where(and(eq(roundPlacements.youthId, youthId), eq(matchingRounds.status, 'published')))
      .orderBy(desc(matchingRounds.publishedAt))
      .limit(10);
    return rows.map(({ p, round, ...names }) => ({ placement: { ...p, ...names }, round }));
  }

  async assignments(roundId: string): Promise<Record<string, string | null>> {
    const rows = await this.db
      .select({ youthId: roundPlacements.youthId, openingId: roundPlacements.openingId })
      .from(roundPlacements)
      .where(eq(roundPlacements.roundId, roundId));
    return Object.fromEntries(rows.map((r) => [r.youthId, r.openingId]));
  }

  /** Titles of openings with their company, for explanations. */
  async openingTitles(ids: string[]): Promise<Record<string, string>> {
    if (!ids.length) return {};
    const rows = await this.db
      .select({ id: openings.id, title: openings.title, company: companies.name })
      .from(openings)
      .innerJoin(companies, eq(companies.id, openings.companyId))
      .where(inArray(openings.id, [...new Set(ids)]));
    return Object.fromEntries(rows.map((r) => [r.id, `${r.title}, ${r.company}`]));
  }

  async removeWishAndRenumber(youthId: string, openingId: string, at: Date, db: Db = this.db): Promise<void> {
    await this.deleteWish(youthId, openingId, db);
    const rest = (await this.wishesOf(youthId, db)).map((w) => w.openingId);
    await this.setRanks(youthId, rest, at, db);
  }

  /** Compare-and-set on the placement's status, so two clicks never plan two internships. */
  async decide(
    roundId: string,
    youthId: string,
    to: PlacementStatus,
    at: Date,
    internshipId: string | null,
    db: Db = this.db,
  ): Promise<boolean> {
    const rows = await db
      .update(roundPlacements)
      .set({ status: to, decidedAt: at, internshipId })
      .where(and(eq(roundPlacements.roundId, roundId), eq(roundPlacements.youthId, youthId), eq(roundPlacements.status, 'offered')))
      .returning({ youthId: roundPlacements.youthId });
    return rows.length > 0;
  }

  /** A young person who accepted a direct offer declines their open placements: the seats go back. */
  async declineOffered(youthId: string, at: Date): Promise<number> {
    const rows = await this.db
      .update(roundPlacements)
      .set({ status: 'declined', decidedAt: at })
      .where(and(eq(roundPlacements.youthId, youthId), eq(roundPlacements.status, 'offered')))
      .returning({ youthId: roundPlacements.youthId });
    return rows.length;
  }

  /**
   * Whether a proposed round still fits: each opening has the seats its placements need (offers and
   * other rounds may have taken some since the run) and no placed young person has started an
   * internship meanwhile. The openings are locked first, so nothing takes a seat while publishing.
   */
  async stillFits(roundId: string, today: string): Promise<boolean> {
    const placed = this.db
      .select({ openingId: roundPlacements.openingId })
      .from(roundPlacements)
      .where(and(eq(roundPlacements.roundId, roundId), sql`${roundPlacements.openingId} is not null`));
    await this.db.select({ id: openings.id }).from(openings).where(inArray(openings.id, placed)).for('update');
    const [row] = await this.db
      .select({
        full: sql<number>`(select count(*) from (select p.opening_id, count(*) as n from ${roundPlacements} p
            where p.round_id = ${roundId} and p.opening_id is not null group by p.opening_id) x
          join ${openings} o on o.id = x.opening_id
          where not o.published or x.n > greatest(0, o.seats - public.nw_seats_taken(o.id, ${today}::date)))`.mapWith(Number),
        busy: sql<number>`(select count(*) from ${roundPlacements} p where p.round_id = ${roundId} and p.opening_id is not null
          and exists (select 1 from ${internships} i where i.youth_id = p.youth_id and i.status in (${sql.join(
            openStatuses.map((s) => sql`${s}`),
            sql`, `,
          )})))`.mapWith(Number),
      })
      .from(sql`(select 1) as one`);
    return !row || (row.full === 0 && row.busy === 0);
  }
}
