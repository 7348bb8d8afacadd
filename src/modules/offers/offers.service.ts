import type { Access } from '../../platform/access/access.ts';
import { type Membership, can } from '../../platform/access/policy.ts';
import type { AuditService, Context } from '../../platform/audit/audit.service.ts';
import type { Clock } from '../../platform/clock.ts';
import { addDays, localDate } from '../../platform/dates.ts';
import type { Transactions } from '../../platform/db/transactions.ts';
import { conflict, invalid, isUniqueViolation, notFound } from '../../platform/errors.ts';
import { isUuid, parseInput } from '../../platform/validation.ts';
import type { Company } from '../companies/companies.repository.ts';
import type { Opening } from '../companies/openings.repository.ts';
import type { InternshipsService } from '../internships/internships.service.ts';
import { modelRules } from '../municipalities/model-rules.ts';
import type { Municipality } from '../municipalities/municipalities.repository.ts';
import type { NotificationsService } from '../notifications/notifications.service.ts';
import type { Youth } from '../youth/youth.repository.ts';
import { answerOfferInput, makeOfferInput } from './offers.inputs.ts';
import type { Offer, OfferView, OffersRepository } from './offers.repository.ts';
import { defaultOfferAnswerDays, maxOfferAnswerDays } from './offers.values.ts';

/** What the offers need to look up in other modules, handed in by the composition root. */
export interface OfferLookups {
  youth(id: string): Promise<Youth | undefined>;
  youthByUser(userId: string): Promise<Youth | undefined>;
  opening(id: string): Promise<(Opening & { companyName: string }) | undefined>;
  company(id: string): Promise<Company | undefined>;
  /** The company's contact persons' user ids (they are told when the young person answers). */
  contactIds(companyId: string): Promise<string[]>;
  municipality(id: string): Promise<Municipality | undefined>;
  /** Declines the young person's open placements in published rounds (they accepted an offer instead). */
  declinePlacements(youthId: string, at: Date): Promise<number>;
}

/** Young people a company may offer an internship: in the network and without one under way. */
const offerable: readonly Youth['status'][] = ['starting', 'in_network'];
/** Team roles that become the internship's consultant when they make the offer themselves. */
const consultantRoles = new Set(['network_consultant', 'team_leader']);

/**
 * Direct offers: a company (or the team on its behalf, after a phone call) offers a young person an
 * internship in an opening with a free seat; the young person accepts or declines in the app.
 * Accepting plans the internship exactly as accepting a round's placement does.
 */
export class OffersService {
  constructor(
    private readonly transactions: Transactions,
    private readonly repo: OffersRepository,
    private readonly lookups: OfferLookups,
    private readonly internships: InternshipsService,
    private readonly notifications: NotificationsService,
    private readonly access: Access,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  today(): string {
    return localDate(this.clock.now());
  }

  private async companyGrant(ctx: Context, companyId: string) {
    const company = isUuid(companyId) ? await this.lookups.company(companyId) : undefined;
    const grant = await this.access.requireOne(ctx, 'offer.make', {
      type: 'company',
      id: companyId,
      municipalityId: company?.municipalityId ?? null,
      companyId,
    });
    if (!company) throw notFound();
    return { company, grant };
  }

  /** Days from the choice to the first day, as the municipality has set them. */
  private async startWithinDays(municipalityId: string): Promise<number> {
    return modelRules(await this.lookups.municipality(municipalityId)).startWithinDays;
  }

  /** The form's defaults: the answer-by date the municipality gives, and the latest allowed. */
  async answerWindow(municipalityId: string): Promise<{ answerBy: string; latest: string; days: number }> {
    const days = (await this.lookups.municipality(municipalityId))?.offerAnswerDays ?? defaultOfferAnswerDays;
    const today = this.today();
    return { answerBy: addDays(today, days), latest: addDays(today, maxOfferAnswerDays), days };
  }

  /**
   * Free seats today of openings the caller has already been allowed to list (a count, no one's
   * data): every list of openings shows them.
   */
  async freeSeats(openingIds: string[]): Promise<Map<string, number>> {
    const seats = await this.seats(openingIds);
    return new Map([...seats].map(([id, s]) => [id, s.free]));
  }

  /** Seats and free seats today of openings the caller may list. */
  async seats(openingIds: string[]): Promise<Map<string, { free: number; seats: number }>> {
    return this.repo.freeSeatsOf([...new Set(openingIds)], this.today());
  }

  /** What the offer form needs: the young person's first name, the openings with free seats, the dates. */
  async form(ctx: Context, companyId: string, youthId: string) {
    const { company, grant } = await this.companyGrant(ctx, companyId);
    const y = isUuid(youthId) ? await this.lookups.youth(youthId) : undefined;
    // Only young people a company may find in the directory: the form names them.
    if (!y || y.municipalityId !== company.municipalityId || !offerable.includes(y.status)) throw notFound();
    await this.audit.record(ctx, {
      action: 'youth.read_shared',
      actorRole: grant.role,
      municipalityId: y.municipalityId,
      targetType: 'youth',
      targetId: y.id,
      subjectUserId: y.userId,
      details: { via: 'offer_form', companyId },
    });
    const today = this.today();
    const [all, window, within] = await Promise.all([
      this.repo.openingsWithSeats(companyId, today),
      this.answerWindow(company.municipalityId),
      this.startWithinDays(company.municipalityId),
    ]);
    // Only openings an offer can be made for: a free seat, and a first day within the municipality's start promise.
    const openings = all.filter((o) => o.startFrom <= addDays(today, within));
    return { company, youth: { id: y.id, firstName: y.firstName }, openings, window };
  }

  async make(ctx: Context, companyId: string, input: unknown): Promise<Offer> {
    const { company, grant } = await this.companyGrant(ctx, companyId);
    const data = parseInput(makeOfferInput, input);
    const today = this.today();
    const [y, opening, window, within] = await Promise.all([
      this.lookups.youth(data.youthId),
      this.lookups.opening(data.openingId),
      this.answerWindow(company.municipalityId),
      this.startWithinDays(company.municipalityId),
    ]);
    const errors: Record<string, string> = {};
    if (!y || y.municipalityId !== company.municipalityId) errors.youthId = 'validation.offer_youth';
    else if (!offerable.includes(y.status)) errors.youthId = 'validation.offer_youth_status';
    else if (!y.userId) errors.youthId = 'validation.offer_youth_no_account';
    if (!opening || opening.companyId !== companyId || !opening.published) errors.openingId = 'validation.offer_opening';
    // Accepting plans the start within the municipality's days and not before the opening's first day: both must be possible.
    else if (opening.startFrom > addDays(today, within)) errors.openingId = 'validation.offer_start_late';
    const answerBy = data.answerBy ?? window.answerBy;
    if (answerBy < today) errors.answerBy = 'validation.date_past';
    else if (answerBy > window.latest) errors.answerBy = 'validation.offer_answer_by_late';
    if (Object.keys(errors).length) throw invalid(errors);
    const actor = this.access.requireActor(ctx);
    const now = this.clock.now();
    try {
      return await this.audit.atomically(async () => {
        if (await this.repo.hasOpenInternship(y!.id)) throw invalid({ youthId: 'validation.offer_youth_busy' });
        if (await this.repo.hasOpenOffer(y!.id, opening!.id, today))
          throw conflict('errors.offer_exists', { youthId: 'errors.offer_exists' });
        // The opening's row is locked until commit: two offers for its last seat go one at a time.
        if ((await this.repo.lockFreeSeats(opening!.id, today)) < 1) throw invalid({ openingId: 'validation.offer_no_seat' });
        const offer = await this.repo.insert({
          municipalityId: company.municipalityId,
          companyId,
          openingId: opening!.id,
          youthId: y!.id,
          source: data.source,
          message: data.message,
          answerBy,
          madeByUserId: actor.userId,
          madeAt: now,
        });
        await this.audit.record(ctx, {
          action: 'offer.make',
          actorRole: grant.role,
          municipalityId: company.municipalityId,
          targetType: 'offer',
          targetId: offer.id,
          subjectUserId: y!.userId,
          details: { companyId, openingId: opening!.id, answerBy, source: data.source },
        });
        await this.notifications.notify([
          {
            userId: y!.userId!,
            key: `offer:${offer.id}:made`,
            kind: 'offer_received',
            params: { company: company.name, title: opening!.title, answerBy },
            link: `/me/offers#offer-${offer.id}`,
          },
        ]);
        return offer;
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict('errors.offer_exists', { youthId: 'errors.offer_exists' });
      throw err;
    }
  }

  /** The signed-in young person's offers, open ones first. Their own: no audit. */
  async mine(ctx: Context): Promise<{ offers: OfferView[]; today: string }> {
    const y = await this.own(ctx);
    return { offers: await this.repo.forYouth(y.id), today: this.today() };
  }

  private async own(ctx: Context): Promise<Youth> {
    const actor = this.access.requireActor(ctx);
    const y = await this.lookups.youthByUser(actor.userId);
    await this.access.requireOne(ctx, 'offer.answer', {
      type: 'youth',
      id: y?.id ?? '',
      municipalityId: y?.municipalityId ?? null,
      ownerUserId: y?.userId ?? null,
    });
    if (!y) throw notFound();
    return y;
  }

  /**
   * The young person answers. Accepting plans the internship (start within 14 days, not before the
   * opening's first day, the clock running from now), closes their other open offers and tells the
   * company and the consultant; declining frees the seat.
   */
  async answer(ctx: Context, offerId: string, input: unknown): Promise<{ internshipId: string | null }> {
    const offer = isUuid(offerId) ? await this.repo.find(offerId) : undefined;
    const grant = await this.access.requireOne(ctx, 'offer.answer', {
      type: 'offer',
      id: offerId,
      municipalityId: offer?.municipalityId ?? null,
      ownerUserId: offer?.youthUserId ?? null,
    });
    if (!offer) throw notFound();
    const data = parseInput(answerOfferInput, input);
    const today = this.today();
    if (offer.status !== 'open' || offer.answerBy < today) throw conflict('errors.offer_closed');
    if (data.decision === 'accept' && !offerable.includes((await this.lookups.youth(offer.youthId))?.status ?? 'ended'))
      throw conflict('errors.offer_cannot_accept');
    const actor = this.access.requireActor(ctx);
    const now = this.clock.now();
    return this.transactions.transaction(async () => {
      const accept = data.decision === 'accept';
      if (!(await this.repo.close(offer.id, accept ? 'accepted' : 'declined', { answeredAt: now, declineReason: data.reason }, today)))
        throw conflict('errors.offer_closed');
      let internshipId: string | null = null;
      let consultantUserId: string | null = null;
      if (accept) {
        const opening = (await this.lookups.opening(offer.openingId))!;
        const maker = offer.madeByUserId;
        const makerIsConsultant = !!maker && (await this.repo.isTeamMember(maker, offer.municipalityId, [...consultantRoles]));
        consultantUserId = makerIsConsultant ? maker : await this.repo.consultantFor(offer.municipalityId, offer.youthId);
        const internship = await this.internships.planAccepted({
          municipalityId: offer.municipalityId,
          youthId: offer.youthId,
          opening,
          consultantUserId,
          byUserId: actor.userId,
        });
        internshipId = internship.id;
        await this.repo.linkInternship(offer.id, internshipId);
        // One start at a time: the young person's other open offers end, and their companies are told.
        for (const other of await this.repo.closeOthers(offer.youthId, offer.id, now, today))
          await this.tellCompany(other, 'offer_withdrawn');
        // Placements offered to them in published rounds go back to the pool too.
        await this.lookups.declinePlacements(offer.youthId, now);
      }
      await this.audit.record(ctx, {
        action: `offer.${data.decision}`,
        actorRole: grant.role,
        municipalityId: offer.municipalityId,
        targetType: 'offer',
        targetId: offer.id,
        subjectUserId: offer.youthUserId,
        details: { companyId: offer.companyId, openingId: offer.openingId, internshipId },
      });
      await this.tellCompany(offer, accept ? 'offer_accepted' : 'offer_declined', accept ? consultantUserId : null);
      if (internshipId) await this.internships.announcePlanned(ctx, internshipId, grant.role);
      return { internshipId };
    });
  }

  /** The company or the team takes an open offer back; the seat is free again. */
  async withdraw(ctx: Context, offerId: string): Promise<{ companyId: string }> {
    const offer = isUuid(offerId) ? await this.repo.find(offerId) : undefined;
    const grant = await this.access.requireOne(ctx, 'offer.make', {
      type: 'offer',
      id: offerId,
      municipalityId: offer?.municipalityId ?? null,
      companyId: offer?.companyId,
    });
    if (!offer) throw notFound();
    const actor = this.access.requireActor(ctx);
    await this.audit.atomically(async () => {
      if (!(await this.repo.close(offer.id, 'withdrawn', { answeredAt: this.clock.now(), closedByUserId: actor.userId }, this.today())))
        throw conflict('errors.offer_closed');
      await this.audit.record(ctx, {
        action: 'offer.withdraw',
        actorRole: grant.role,
        municipalityId: offer.municipalityId,
        targetType: 'offer',
        targetId: offer.id,
        subjectUserId: offer.youthUserId,
        details: { companyId: offer.companyId },
      });
      if (offer.youthUserId)
        await this.notifications.notify([
          {
            userId: offer.youthUserId,
            key: `offer:${offer.id}:withdrawn`,
            kind: 'offer_taken_back',
            params: { company: offer.companyName, title: offer.openingTitle },
            link: '/me/offers',
          },
        ]);
    });
    return { companyId: offer.companyId };
  }

  /** A company's offers (its contacts, or the team), audited as reads of the young people named. */
  async forCompany(ctx: Context, companyId: string): Promise<OfferView[]> {
    const { grant } = await this.companyGrant(ctx, companyId);
    const rows = await this.repo.forCompanies([companyId]);
    await this.auditList(ctx, rows, grant.role);
    return rows;
  }

  /** Every offer made by the actor's companies (the company contact's home). */
  async forMyCompanies(ctx: Context): Promise<OfferView[]> {
    const actor = this.access.requireActor(ctx);
    // Only the companies the policy lets this person make offers for (a contact's own companies).
    const ids = (actor.companyIds ?? []).filter((companyId) =>
      actor.memberships.some(
        (m) => m.role === 'company_contact' && can(actor, 'offer.make', [{ municipalityId: m.municipalityId, companyId }]),
      ),
    );
    const rows = await this.repo.forCompanies(ids);
    await this.auditList(ctx, rows, 'company_contact');
    return rows;
  }

  /** The team's view: open offers in the municipality, soonest answer-by date first. */
  async openIn(ctx: Context, municipalityId: string): Promise<OfferView[]> {
    const grant = await this.access.requireOne(ctx, 'match.read', { type: 'offer_list', id: municipalityId, municipalityId });
    const rows = await this.repo.openIn(municipalityId, this.today());
    await this.auditList(ctx, rows, grant.role);
    return rows;
  }

  private async auditList(ctx: Context, rows: OfferView[], role: Membership['role']): Promise<void> {
    if (!rows.length) return;
    await this.audit.record(
      ctx,
      rows.map((o) => ({
        action: 'offer.read',
        actorRole: role,
        municipalityId: o.municipalityId,
        targetType: 'offer',
        targetId: o.id,
        subjectUserId: o.youthUserId,
      })),
    );
  }

  /** A young person accepted a round's placement: their open offers end, and the companies are told. */
  async closeOpenFor(youthId: string): Promise<void> {
    for (const o of await this.repo.closeOthers(youthId, null, this.clock.now(), this.today()))
      await this.tellCompany(o, 'offer_withdrawn');
  }

  /** Daily: offers past their answer-by date expire; the company and the young person are told, with the change. */
  async expireDue(): Promise<number> {
    return this.transactions.transaction(async () => {
      const expired = await this.repo.expire(this.today());
      for (const o of expired) {
        await this.tellCompany(o, 'offer_expired');
        if (o.youthUserId)
          await this.notifications.notify([
            {
              userId: o.youthUserId,
              key: `offer:${o.id}:expired:youth`,
              kind: 'offer_expired_youth',
              params: { company: o.companyName, title: o.openingTitle },
              link: '/me/offers',
            },
          ]);
      }
      return expired.length;
    });
  }

  /** The company's contacts, whoever made the offer and, once accepted, the internship's consultant. */
  private async tellCompany(
    o: OfferView,
    kind: 'offer_accepted' | 'offer_declined' | 'offer_withdrawn' | 'offer_expired',
    consultant: string | null = null,
  ): Promise<void> {
    const contacts = await this.lookups.contactIds(o.companyId);
    const userIds = [...new Set([...contacts, ...(o.madeByUserId ? [o.madeByUserId] : []), ...(consultant ? [consultant] : [])])];
    await this.notifications.notify(
      userIds.map((userId) => ({
        userId,
        key: `offer:${o.id}:${kind}:${userId}`,
        kind,
        params: { youth: o.youthFirstName, company: o.companyName, title: o.openingTitle },
        link: `/companies/${o.companyId}/offers`,
      })),
    );
  }
}
