import { randomInt } from 'node:crypto';
import type { Access } from '../../platform/access/access.ts';
import type { AuditService, Context } from '../../platform/audit/audit.service.ts';
import type { Clock } from '../../platform/clock.ts';
import { localDate } from '../../platform/dates.ts';
import type { Transactions } from '../../platform/db/transactions.ts';
import { AppError, conflict, invalid, isUniqueViolation, notFound } from '../../platform/errors.ts';
import type { NotificationsService } from '../notifications/notifications.service.ts';
import { isUuid, parseInput } from '../../platform/validation.ts';
import type { InternshipsService } from '../internships/internships.service.ts';
import type { OpeningsRepository } from '../companies/openings.repository.ts';
import type { YouthRepository } from '../youth/youth.repository.ts';
import { match } from './deferred-acceptance.ts';
import { type WishExplanation, explainWishes } from './explain.ts';
import { respondInput, runRoundInput } from './matching.inputs.ts';
import type { EventsRepository } from './events.repository.ts';
import type { RoundInput } from './matching.schema.ts';
import type { MatchingRepository, PlacementView, Round } from './matching.repository.ts';

/** What a round achieved: the figures the consultant reviews and the team reports. */
export interface RoundReport {
  youth: number;
  placed: number;
  firstWish: number;
  /** Shares of the young people in the round (0–1). */
  placedShare: number;
  firstWishShare: number;
  /** How many got their 1st, 2nd, … wish. */
  rankDistribution: number[];
  seats: number;
  seatsFree: number;
  /** Openings with seats left after the round. */
  openingsLeftFree: { openingId: string; free: number }[];
  accepted: number;
  declined: number;
  waiting: number;
}

export function reportOf(round: Round, placements: PlacementView[]): RoundReport {
  const { stats, input } = round;
  const taken = new Map<string, number>();
  for (const p of placements) if (p.openingId) taken.set(p.openingId, (taken.get(p.openingId) ?? 0) + 1);
  const openingsLeftFree = Object.entries(input.openings)
    .map(([openingId, o]) => ({ openingId, free: o.seats - (taken.get(openingId) ?? 0) }))
    .filter((o) => o.free > 0);
  const count = (s: string) => placements.filter((p) => p.status === s).length;
  return {
    youth: stats.youth,
    placed: stats.matched,
    firstWish: stats.firstChoice,
    placedShare: stats.youth ? stats.matched / stats.youth : 0,
    firstWishShare: stats.youth ? stats.firstChoice / stats.youth : 0,
    rankDistribution: stats.rankDistribution,
    seats: stats.seats,
    seatsFree: stats.seatsFree,
    openingsLeftFree,
    accepted: count('accepted'),
    declined: count('declined'),
    waiting: count('offered'),
  };
}

/** A round at one event: its young people, each wishing only among its openings. */
export function restrictToEvent(input: RoundInput, scope: { youthIds: string[]; openingIds: string[] }): RoundInput {
  const youth = new Set(scope.youthIds);
  const openings = new Set(scope.openingIds);
  const out: RoundInput = { youth: {}, openings: {}, answers: {} };
  for (const [y, list] of Object.entries(input.youth)) {
    const kept = list.filter((o) => openings.has(o));
    if (youth.has(y) && kept.length) out.youth[y] = kept;
  }
  for (const [o, v] of Object.entries(input.openings)) {
    if (!openings.has(o)) continue;
    out.openings[o] = {
      seats: v.seats,
      accepts: v.accepts
        .map((tier) => (Array.isArray(tier) ? tier.filter((y) => youth.has(y)) : tier))
        .filter((t) => (Array.isArray(t) ? t.length : youth.has(t))),
    };
    out.answers[o] = Object.fromEntries(Object.entries(input.answers[o] ?? {}).filter(([y]) => youth.has(y)));
  }
  return out;
}

/**
 * Matching rounds: the network consultant runs youth-proposing deferred acceptance over the
 * municipality's wishes and answers, reviews the proposal, and publishes it; each young person then
 * accepts (an internship is planned, the two-week clock starts) or declines (the seat goes back).
 */
export class RoundsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly repo: MatchingRepository,
    private readonly youth: YouthRepository,
    private readonly openings: OpeningsRepository,
    private readonly internships: InternshipsService,
    private readonly events: EventsRepository,
    private readonly notifications: NotificationsService,
    private readonly access: Access,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(ctx: Context, municipalityId: string) {
    await this.access.require(ctx, 'match.read', [{ type: 'matching', id: municipalityId, municipalityId }]);
    const [rounds, wishes] = await Promise.all([this.repo.rounds(municipalityId), this.repo.wishesAt({ municipalityId })]);
    const youthWithWishes = new Set(wishes.map((w) => w.youth.id)).size;
    const unanswered = wishes.filter((w) => !w.answer).length;
    return { rounds, wishes: wishes.length, youthWithWishes, unanswered };
  }

  /** Runs a round for the municipality and stores it as a proposal, with its inputs and seed. */
  async run(ctx: Context, municipalityId: string, input: unknown): Promise<Round> {
    const grant = await this.access.requireOne(ctx, 'match.run', { type: 'matching', id: municipalityId, municipalityId });
    const { seed: given, eventId } = parseInput(runRoundInput, input);
    if (eventId && (await this.events.find(eventId))?.municipalityId !== municipalityId) throw invalid({ eventId: 'validation.event' });
    const actor = this.access.requireActor(ctx);
    const seed = given ?? randomInt(0, 2 ** 31 - 1);
    try {
      return await this.transactions.transaction(async () => {
        const all = await this.repo.roundInput(municipalityId, localDate(this.clock.now()));
        const roundInput = eventId ? restrictToEvent(all, await this.events.scope(eventId)) : all;
        if (!Object.keys(roundInput.youth).length) throw new AppError('invalid', 'errors.round_empty');
        const result = match({ youth: roundInput.youth, openings: roundInput.openings, seed });
        const placements = Object.entries(result.assignments).map(([youthId, openingId]) => ({
          youthId,
          openingId,
          wishRank: openingId ? roundInput.youth[youthId]!.indexOf(openingId) + 1 : null,
          status: openingId ? ('offered' as const) : ('unplaced' as const),
          decidedAt: null,
          internshipId: null,
        }));
        const round = await this.repo.insertRound(
          {
            municipalityId,
            eventId,
            status: 'proposed',
            seed,
            input: roundInput,
            stats: result.stats,
            runAt: this.clock.now(),
            runByUserId: actor.userId,
          },
          placements,
        );
        await this.audit.record(ctx, {
          action: 'match.run',
          actorRole: grant.role,
          municipalityId,
          targetType: 'matching_round',
          targetId: round.id,
          details: { seed, youth: round.stats.youth, matched: round.stats.matched },
        });
        return round;
      });
    } catch (err) {
      // Mapped once the transaction has ended: on PostgreSQL the failed insert aborted it.
      if (isUniqueViolation(err)) throw conflict('errors.round_waiting');
      throw err;
    }
  }

  private async load(ctx: Context, id: string, action: 'match.read' | 'match.run') {
    const round = isUuid(id) ? await this.repo.round(id) : undefined;
    const grant = await this.access.requireOne(ctx, action, { type: 'matching_round', id, municipalityId: round?.municipalityId ?? null });
    if (!round) throw notFound();
    return { round, grant };
  }

  /** The round for the team: the report, every placement and why each young person got what they got. Audited. */
  async get(ctx: Context, id: string) {
    const { round, grant } = await this.load(ctx, id, 'match.read');
    const placements = await this.repo.placements(id);
    await this.audit.record(ctx, {
      action: 'match.read_round',
      actorRole: grant.role,
      municipalityId: round.municipalityId,
      targetType: 'matching_round',
      targetId: id,
    });
    const facts = { ...round.input, assignments: Object.fromEntries(placements.map((p) => [p.youthId, p.openingId])) };
    return {
      round,
      placements: placements.map((p) => ({ ...p, explanation: explainWishes(facts, p.youthId) })),
      report: reportOf(round, placements),
      titles: await this.repo.openingTitles(Object.keys(round.input.openings)),
    };
  }

  /** Shows the proposal to the young people: each is told their placement (or that there was none this time). */
  async publish(ctx: Context, id: string): Promise<void> {
    const { round, grant } = await this.load(ctx, id, 'match.run');
    await this.audit.atomically(async () => {
      // Seats may have gone to direct offers or another round since the run: then it must run again.
      if (round.status === 'proposed' && !(await this.repo.stillFits(id, localDate(this.clock.now()))))
        throw conflict('errors.round_stale');
      if (!(await this.repo.setRoundStatus(id, 'proposed', 'published', this.clock.now()))) throw conflict('errors.round_state');
      const placements = await this.repo.placements(id);
      await this.audit.record(ctx, {
        action: 'match.publish',
        actorRole: grant.role,
        municipalityId: round.municipalityId,
        targetType: 'matching_round',
        targetId: id,
      });
      await this.notifications.notify(
        placements
          .filter((p) => p.youthUserId)
          .map((p) => ({
            userId: p.youthUserId!,
            key: `round:${id}:${p.youthId}`,
            kind: p.openingId ? 'placement_offered' : 'placement_none',
            params: { company: p.companyName ?? '' },
            link: '/me/wishes',
          })),
      );
    });
  }

  /** Throws the proposal away (e.g. to wait for more answers); the wishes and answers stay. */
  async discard(ctx: Context, id: string): Promise<void> {
    const { round, grant } = await this.load(ctx, id, 'match.run');
    await this.audit.atomically(async () => {
      if (!(await this.repo.setRoundStatus(id, 'proposed', 'discarded', this.clock.now()))) throw conflict('errors.round_state');
      await this.audit.record(ctx, {
        action: 'match.discard',
        actorRole: grant.role,
        municipalityId: round.municipalityId,
        targetType: 'matching_round',
        targetId: id,
      });
    });
  }

  readonly #onAccept: ((youthId: string) => Promise<unknown>)[] = [];
  /** Run in the acceptance's transaction, once a young person has accepted a placement (their open offers end). */
  onAccept(hook: (youthId: string) => Promise<unknown>): void {
    this.#onAccept.push(hook);
  }

  /** My placements in published rounds, each with why I did not get the wishes above it. */
  async mine(
    ctx: Context,
  ): Promise<{ placement: PlacementView; round: Round; explanation: WishExplanation[]; titles: Record<string, string> }[]> {
    const actor = this.access.requireActor(ctx);
    const y = await this.youth.findByUser(actor.userId);
    await this.access.require(ctx, 'match.wish', [
      { type: 'youth', id: y?.id ?? '', municipalityId: y?.municipalityId ?? null, ownerUserId: y?.userId ?? null },
    ]);
    if (!y) throw notFound();
    const rows = await this.repo.placementsOf(y.id);
    const titles = await this.repo.openingTitles(rows.flatMap((r) => r.round.input.youth[y.id] ?? []));
    return Promise.all(
      rows.map(async ({ placement, round }) => {
        const assignments = await this.repo.assignments(round.id);
        return { placement, round, explanation: explainWishes({ ...round.input, assignments }, y.id), titles };
      }),
    );
  }

  /** The young person accepts (an internship is planned, the start clock runs) or declines (the seat returns). */
  async respond(ctx: Context, roundId: string, input: unknown): Promise<{ internshipId: string | null }> {
    const actor = this.access.requireActor(ctx);
    const y = await this.youth.findByUser(actor.userId);
    const grant = await this.access.requireOne(ctx, 'match.wish', {
      type: 'youth',
      id: y?.id ?? '',
      municipalityId: y?.municipalityId ?? null,
      ownerUserId: y?.userId ?? null,
    });
    if (!y) throw notFound();
    const { decision } = parseInput(respondInput, input);
    const round = isUuid(roundId) ? await this.repo.round(roundId) : undefined;
    const placement =
      round?.status === 'published' ? (await this.repo.placementsOf(y.id)).find((r) => r.round.id === roundId)?.placement : undefined;
    if (!round || !placement?.openingId) throw notFound();
    if (placement.status !== 'offered') throw conflict('errors.placement_decided');
    const opening = await this.openings.find(placement.openingId);
    if (!opening) throw notFound();
    const now = this.clock.now();
    // One transaction for the decision, the internship, their audit entries and notifications.
    return this.transactions.transaction(async () => {
      let created: string | null = null;
      if (decision === 'accept') {
        const internship = await this.internships.planAccepted({
          municipalityId: y.municipalityId,
          youthId: y.id,
          opening,
          consultantUserId: round.runByUserId,
          byUserId: actor.userId,
        });
        created = internship.id;
      }
      const to = decision === 'accept' ? 'accepted' : 'declined';
      if (!(await this.repo.decide(roundId, y.id, to, now, created))) throw conflict('errors.placement_decided');
      // Declining says no to that opening: it leaves the list, and the seat goes back to the pool.
      if (decision === 'decline') await this.repo.removeWishAndRenumber(y.id, placement.openingId!, now);
      await this.audit.record(ctx, {
        action: `match.${decision}`,
        actorRole: grant.role,
        municipalityId: y.municipalityId,
        targetType: 'matching_round',
        targetId: roundId,
        subjectUserId: y.userId,
        details: { openingId: placement.openingId, internshipId: created },
      });
      if (created) {
        await this.internships.announcePlanned(ctx, created, grant.role);
        for (const hook of this.#onAccept) await hook(y.id);
      }
      return { internshipId: created };
    });
  }
}
