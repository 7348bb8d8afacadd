import type { Access } from '../../platform/access/access.ts';
import type { Membership } from '../../platform/access/policy.ts';
import type { AuditService, Context } from '../../platform/audit/audit.service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Transactions } from '../../platform/db/transactions.ts';
import { AppError, conflict, invalid, isUniqueViolation, notFound } from '../../platform/errors.ts';
import type { NotificationsService } from '../notifications/notifications.service.ts';
import { isUuid, parseInput } from '../../platform/validation.ts';
import type { CompaniesRepository } from '../companies/companies.repository.ts';
import type { OpeningsRepository } from '../companies/openings.repository.ts';
import type { MunicipalitiesRepository } from '../municipalities/municipalities.repository.ts';
import { type CompanyViewOfYouth, companyView } from '../youth/company-view.ts';
import type { Youth, YouthRepository } from '../youth/youth.repository.ts';
import { addWishInput, answerInput, directInvitationInput, moveWishInput, rankWishesInput, wishReasonInput } from './matching.inputs.ts';
import type { MatchingRepository, WishView } from './matching.repository.ts';
import type { AnswerValue } from './matching.schema.ts';

/** A wish as the company answers it: only what the young person shares, and their line about why. */
export interface WishForCompany {
  openingId: string;
  openingTitle: string;
  companyId: string;
  reason: string;
  youth: CompanyViewOfYouth;
  answer: AnswerValue | null;
  tier: number | null;
}

/**
 * The young person's wishes (ranked, with a line in their own words) and the companies' answers.
 * The young person's list decides; a company can only say whom it can take.
 */
export class WishesService {
  constructor(
    private readonly transactions: Transactions,
    private readonly repo: MatchingRepository,
    private readonly youth: YouthRepository,
    private readonly openings: OpeningsRepository,
    private readonly companies: CompaniesRepository,
    private readonly municipalities: MunicipalitiesRepository,
    private readonly notifications: NotificationsService,
    private readonly access: Access,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** The signed-in young person's own record, for their own wishes. */
  private async own(ctx: Context): Promise<{ y: Youth; grant: Membership }> {
    const actor = this.access.requireActor(ctx);
    const y = await this.youth.findByUser(actor.userId);
    const grant = await this.access.requireOne(ctx, 'match.wish', {
      type: 'youth',
      id: y?.id ?? '',
      municipalityId: y?.municipalityId ?? null,
      ownerUserId: y?.userId ?? null,
    });
    if (!y) throw notFound();
    return { y, grant };
  }

  private async record(ctx: Context, y: Youth, grant: Membership, action: string, details: Record<string, unknown>) {
    await this.audit.record(ctx, {
      action,
      actorRole: grant.role,
      municipalityId: y.municipalityId,
      targetType: 'youth',
      targetId: y.id,
      subjectUserId: y.userId,
      details,
    });
  }

  async mine(ctx: Context): Promise<{ youth: Youth; wishes: WishView[]; limit: number }> {
    const { y } = await this.own(ctx);
    const [wishes, m] = await Promise.all([this.repo.wishesOf(y.id), this.municipalities.find(y.municipalityId)]);
    return { youth: y, wishes, limit: m?.wishLimit ?? 5 };
  }

  /** "I'd like to try working here": adds a published opening in my municipality at the bottom of my list. */
  async add(ctx: Context, input: unknown): Promise<void> {
    const { y, grant } = await this.own(ctx);
    const data = parseInput(addWishInput, input);
    const opening = await this.openings.find(data.openingId);
    if (!opening || !opening.published || opening.municipalityId !== y.municipalityId)
      throw invalid({ openingId: 'validation.wish_opening' });
    const limit = (await this.municipalities.find(y.municipalityId))?.wishLimit ?? 5;
    const now = this.clock.now();
    try {
      await this.transactions.transaction(async () => {
        const current = await this.repo.wishesOf(y.id);
        if (current.some((w) => w.openingId === opening.id)) throw conflict('errors.wish_exists');
        if (current.length >= limit) throw new AppError('invalid', 'errors.wish_limit', undefined, { limit });
        await this.repo.insertWish({
          municipalityId: y.municipalityId,
          youthId: y.id,
          openingId: opening.id,
          rank: current.length + 1,
          reason: data.reason,
          createdAt: now,
          updatedAt: now,
        });
        await this.record(ctx, y, grant, 'wish.add', { openingId: opening.id });
      });
    } catch (err) {
      // Mapped once the transaction has ended: on PostgreSQL the failed insert aborted it.
      if (isUniqueViolation(err)) throw conflict('errors.wish_exists');
      throw err;
    }
  }

  async remove(ctx: Context, openingId: string): Promise<void> {
    const { y, grant } = await this.own(ctx);
    await this.transactions.transaction(async () => {
      const current = await this.repo.wishesOf(y.id);
      if (!current.some((w) => w.openingId === openingId)) throw notFound();
      await this.repo.deleteWish(y.id, openingId);
      const rest = current.filter((w) => w.openingId !== openingId).map((w) => w.openingId);
      await this.repo.setRanks(y.id, rest, this.clock.now());
      await this.record(ctx, y, grant, 'wish.remove', { openingId });
    });
  }

  /** Move one wish a place up or down (the accessible alternative to dragging). */
  async move(ctx: Context, openingId: string, input: unknown): Promise<void> {
    const { direction } = parseInput(moveWishInput, input);
    await this.reorder(ctx, (ids) => {
      const i = ids.indexOf(openingId);
      if (i < 0) throw notFound();
      const j = direction === 'up' ? i - 1 : i + 1;
      if (j < 0 || j >= ids.length) return ids;
      const next = [...ids];
      [next[i], next[j]] = [next[j]!, next[i]!];
      return next;
    });
  }

  /** The whole list in a new order; it must hold exactly the openings already wished. */
  async rank(ctx: Context, input: unknown): Promise<void> {
    const { openingIds } = parseInput(rankWishesInput, input);
    await this.reorder(ctx, (ids) => {
      const same =
        openingIds.length === ids.length && new Set(openingIds).size === ids.length && openingIds.every((id) => ids.includes(id));
      if (!same) throw invalid({ openingIds: 'validation.wish_order' });
      return openingIds;
    });
  }

  private async reorder(ctx: Context, order: (ids: string[]) => string[]): Promise<void> {
    const { y, grant } = await this.own(ctx);
    await this.transactions.transaction(async () => {
      const ids = (await this.repo.wishesOf(y.id)).map((w) => w.openingId);
      const next = order(ids);
      await this.repo.setRanks(y.id, next, this.clock.now());
      await this.record(ctx, y, grant, 'wish.rank', { openingIds: next });
    });
  }

  async setReason(ctx: Context, openingId: string, input: unknown): Promise<void> {
    const { y, grant } = await this.own(ctx);
    const { reason } = parseInput(wishReasonInput, input);
    if (!isUuid(openingId)) throw notFound();
    await this.audit.atomically(async () => {
      if (!(await this.repo.setReason(y.id, openingId, reason, this.clock.now()))) throw notFound();
      await this.record(ctx, y, grant, 'wish.reason', { openingId });
    });
  }

  /** The company's view: who wished its openings, showing only what each young person shares. Audited per person. */
  async forCompany(ctx: Context, companyId: string): Promise<WishForCompany[]> {
    const company = isUuid(companyId) ? await this.companies.find(companyId) : undefined;
    const grant = await this.access.requireOne(ctx, 'match.answer', {
      type: 'company',
      id: companyId,
      municipalityId: company?.municipalityId ?? null,
      companyId,
    });
    if (!company) throw notFound();
    const rows = await this.repo.wishesAt({ companyIds: [companyId] });
    const seen = new Map(rows.map((r) => [r.youth.id, r.youth]));
    await this.audit.record(
      ctx,
      [...seen.values()].map((y) => ({
        action: 'youth.read_shared',
        actorRole: grant.role,
        municipalityId: company.municipalityId,
        targetType: 'youth',
        targetId: y.id,
        subjectUserId: y.userId,
        details: { via: 'wishes', companyId },
      })),
    );
    return rows.map((r) => ({
      openingId: r.openingId,
      openingTitle: r.openingTitle,
      companyId: r.companyId,
      reason: r.reason,
      youth: companyView(r.youth),
      answer: r.answer,
      tier: r.tier,
    }));
  }

  /** Can take (in a tier) or not now, for a young person who wished this opening. */
  async answer(ctx: Context, openingId: string, input: unknown): Promise<void> {
    const opening = isUuid(openingId) ? await this.openings.find(openingId) : undefined;
    const grant = await this.access.requireOne(ctx, 'match.answer', {
      type: 'opening',
      id: openingId,
      municipalityId: opening?.municipalityId ?? null,
      companyId: opening?.companyId,
    });
    if (!opening) throw notFound();
    const data = parseInput(answerInput, input);
    if (!(await this.repo.wishExists(opening.id, data.youthId))) throw invalid({ youthId: 'validation.answer_no_wish' });
    const actor = this.access.requireActor(ctx);
    const y = await this.youth.find(data.youthId);
    await this.audit.atomically(async () => {
      await this.repo.saveAnswer({
        municipalityId: opening.municipalityId,
        openingId: opening.id,
        youthId: data.youthId,
        answer: data.answer,
        tier: data.answer === 'can_take' ? data.tier : 1,
        answeredAt: this.clock.now(),
        byUserId: actor.userId,
      });
      await this.audit.record(ctx, {
        action: 'wish.answer',
        actorRole: grant.role,
        municipalityId: opening.municipalityId,
        targetType: 'opening',
        targetId: opening.id,
        subjectUserId: y?.userId ?? null,
        details: { answer: data.answer, tier: data.tier },
      });
    });
  }

  /** A company invites a young person directly (logged); the young person is told and still decides. */
  async inviteDirect(ctx: Context, companyId: string, input: unknown): Promise<void> {
    const company = isUuid(companyId) ? await this.companies.find(companyId) : undefined;
    const grant = await this.access.requireOne(ctx, 'match.answer', {
      type: 'company',
      id: companyId,
      municipalityId: company?.municipalityId ?? null,
      companyId,
    });
    if (!company) throw notFound();
    const data = parseInput(directInvitationInput, input);
    const y = await this.youth.find(data.youthId);
    const errors: Record<string, string> = {};
    if (!y || y.municipalityId !== company.municipalityId || !['starting', 'in_network'].includes(y.status))
      errors.youthId = 'validation.invite_youth';
    if (data.openingId && (await this.openings.find(data.openingId))?.companyId !== companyId) errors.openingId = 'validation.wish_opening';
    if (Object.keys(errors).length) throw invalid(errors);
    const actor = this.access.requireActor(ctx);
    const at = this.clock.now();
    await this.audit.atomically(async () => {
      await this.repo.insertDirectInvitation({
        municipalityId: company.municipalityId,
        companyId,
        youthId: y!.id,
        openingId: data.openingId,
        channel: data.channel,
        message: data.message,
        at,
        byUserId: actor.userId,
      });
      await this.audit.record(ctx, {
        action: 'wish.invite_direct',
        actorRole: grant.role,
        municipalityId: company.municipalityId,
        targetType: 'youth',
        targetId: y!.id,
        subjectUserId: y!.userId,
        details: { companyId, channel: data.channel },
      });
      if (y!.userId)
        await this.notifications.notify([
          {
            userId: y!.userId,
            key: `direct-invitation:${companyId}:${y!.id}:${at.getTime()}`,
            kind: 'direct_invitation',
            params: { company: company.name },
            link: '/me/wishes',
          },
        ]);
    });
  }

  async directInvitationsForMe(ctx: Context) {
    const { y } = await this.own(ctx);
    return this.repo.directInvitationsFor(y.id);
  }
}
