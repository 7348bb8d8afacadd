import type { Access, AccessTarget } from '../../platform/access/access.ts';
import { can } from '../../platform/access/policy.ts';
import type { AuditService, Context } from '../../platform/audit/audit.service.ts';
import type { Clock } from '../../platform/clock.ts';
import { invalid, notFound } from '../../platform/errors.ts';
import { isUuid, parseInput } from '../../platform/validation.ts';
import { passportInput, shareInput } from './passport.inputs.ts';
import type { Consent, Passport, PassportRepository, PassportYouth, Recipient, SharedPassport } from './passport.repository.ts';

/** The young person's own passport page: the passport (none until first saved), who reads it, who could. */
export interface MyPassport {
  youth: PassportYouth;
  passport: Passport | undefined;
  consents: Consent[];
  /** People the young person may still name (those already named are left out). */
  candidates: Recipient[];
}

/** A passport as its reader sees it. */
export interface ReadPassport {
  youth: PassportYouth;
  passport: Passport;
  /** Whether the reader may also write in it (a team member or education contact named by the young person). */
  canEdit: boolean;
}

/**
 * The competence passport (ViVirk'R, #17; decision 0030). The young person writes it and decides,
 * per named person, who may read it; consent is withdrawn at once. A reader reaches a passport only
 * through the policy's relation "recipient with consent": without consent in force, a passport is
 * not found — the same answer as for one that does not exist. Every read by another person is
 * audited with the young person as subject, so it shows in their log (/me/audit).
 */
export class PassportService {
  constructor(
    private readonly repo: PassportRepository,
    private readonly access: Access,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  private ownTarget(y: PassportYouth | undefined, actorUserId: string): AccessTarget {
    return {
      type: 'passport',
      id: y?.id ?? '',
      municipalityId: y?.municipalityId ?? null,
      ownerUserId: y?.userId ?? null,
      subjectUserId: y?.userId ?? actorUserId,
    };
  }

  /** The signed-in young person and their passport, after the one permission check. */
  private async own(ctx: Context) {
    const actor = this.access.requireActor(ctx);
    const y = await this.repo.youthOfUser(actor.userId);
    const grant = await this.access.requireOne(ctx, 'passport.own', this.ownTarget(y, actor.userId));
    if (!y) throw notFound();
    return { y, grant, actor, passport: await this.repo.forYouth(y.id) };
  }

  /** My passport, the people I have named and the people I could name. */
  async mine(ctx: Context): Promise<MyPassport> {
    const { y, passport } = await this.own(ctx);
    const consents = passport ? await this.repo.consents(passport.id, y) : [];
    const named = new Set(consents.map((c) => c.userId));
    const candidates = (await this.repo.recipients(y)).filter((r) => !named.has(r.userId));
    return { youth: y, passport, consents, candidates };
  }

  /** My passport for the PDF download (audited: the file leaves the system). */
  async minePdf(ctx: Context): Promise<{ youth: PassportYouth; passport: Passport }> {
    const { y, grant, passport } = await this.own(ctx);
    if (!passport) throw notFound();
    await this.audit.record(ctx, {
      action: 'passport.pdf',
      actorRole: grant.role,
      municipalityId: y.municipalityId,
      targetType: 'passport',
      targetId: passport.id,
      subjectUserId: y.userId,
    });
    return { youth: y, passport };
  }

  /** I write my passport (the first save creates it). */
  async saveMine(ctx: Context, input: unknown): Promise<Passport> {
    const { y, grant, actor } = await this.own(ctx);
    const data = parseInput(passportInput, input);
    return this.audit.atomically(async () => {
      const saved = await this.repo.save(y, data, actor.userId, this.clock.now());
      await this.audit.record(ctx, {
        action: 'passport.update',
        actorRole: grant.role,
        municipalityId: y.municipalityId,
        targetType: 'passport',
        targetId: saved.id,
        subjectUserId: y.userId,
      });
      return saved;
    });
  }

  /** I let one named person read my passport. Only someone on my list of possible readers. */
  async share(ctx: Context, input: unknown): Promise<{ name: string }> {
    const { y, grant, passport } = await this.own(ctx);
    if (!passport) throw notFound();
    const { recipientUserId } = parseInput(shareInput, input);
    const recipient = (await this.repo.recipients(y)).find((r) => r.userId === recipientUserId);
    if (!recipient) throw invalid({ recipientUserId: 'validation.passport_recipient' });
    await this.audit.atomically(async () => {
      await this.repo.grant(passport.id, recipientUserId, this.clock.now());
      await this.audit.record(ctx, {
        action: 'passport.share',
        actorRole: grant.role,
        municipalityId: y.municipalityId,
        targetType: 'user',
        targetId: recipientUserId,
        subjectUserId: y.userId,
      });
    });
    return { name: recipient.name };
  }

  /** I withdraw a person's consent: from now on they get "not found". */
  async withdraw(ctx: Context, recipientUserId: string): Promise<{ name: string }> {
    const { y, grant, passport } = await this.own(ctx);
    if (!passport || !isUuid(recipientUserId)) throw notFound();
    await this.audit.atomically(async () => {
      if (!(await this.repo.withdraw(passport.id, recipientUserId, this.clock.now()))) throw notFound();
      await this.audit.record(ctx, {
        action: 'passport.withdraw',
        actorRole: grant.role,
        municipalityId: y.municipalityId,
        targetType: 'user',
        targetId: recipientUserId,
        subjectUserId: y.userId,
      });
    });
    return { name: await this.repo.userName(recipientUserId) };
  }

  /** The passport and the policy's target for it: the relation "recipient with consent" read now. */
  private async readerTarget(passportId: string) {
    const passport = isUuid(passportId) ? await this.repo.find(passportId) : undefined;
    const y = passport ? await this.repo.youthById(passport.youthId) : undefined;
    const target: AccessTarget = {
      type: 'passport',
      id: passportId,
      municipalityId: y?.municipalityId ?? null,
      subjectUserId: y?.userId ?? null,
      consentedUserIds: passport ? await this.repo.consentedUserIds(passport.id) : [],
    };
    return { passport, y, target };
  }

  /** A named reader reads the passport (audited). Without consent in force: not found. */
  async read(ctx: Context, passportId: string): Promise<ReadPassport> {
    const { passport, y, target } = await this.readerTarget(passportId);
    const grant = await this.access.requireOne(ctx, 'passport.read', target);
    if (!passport || !y) throw notFound();
    await this.audit.record(ctx, {
      action: 'passport.read',
      actorRole: grant.role,
      municipalityId: y.municipalityId,
      targetType: 'passport',
      targetId: passport.id,
      subjectUserId: y.userId,
    });
    const actor = this.access.requireActor(ctx);
    return { youth: y, passport, canEdit: can(actor, 'passport.edit', [target]) };
  }

  /** A named team member or education contact writes in the passport with the young person. */
  async update(ctx: Context, passportId: string, input: unknown): Promise<Passport> {
    const { passport, y, target } = await this.readerTarget(passportId);
    const grant = await this.access.requireOne(ctx, 'passport.edit', target);
    if (!passport || !y) throw notFound();
    const data = parseInput(passportInput, input);
    const actor = this.access.requireActor(ctx);
    return this.audit.atomically(async () => {
      const saved = await this.repo.save(y, data, actor.userId, this.clock.now());
      await this.audit.record(ctx, {
        action: 'passport.edit',
        actorRole: grant.role,
        municipalityId: y.municipalityId,
        targetType: 'passport',
        targetId: saved.id,
        subjectUserId: y.userId,
      });
      return saved;
    });
  }

  /**
   * The passports shared with me (consent in force), for my list and my home. Each young person
   * listed is audited: they see in their log that I saw their name there.
   */
  async sharedWithMe(ctx: Context): Promise<SharedPassport[]> {
    const actor = this.access.requireActor(ctx);
    const rows = await this.repo.sharedWith(actor.userId);
    // The same policy as each read: a role that may read, in the young person's municipality.
    const allowed = rows.filter((r) =>
      can(actor, 'passport.read', [{ municipalityId: r.municipalityId, consentedUserIds: [actor.userId] }]),
    );
    if (allowed.length)
      await this.audit.record(
        ctx,
        allowed.map((r) => ({
          action: 'passport.list' as const,
          municipalityId: r.municipalityId,
          targetType: 'passport',
          targetId: r.passportId,
          subjectUserId: r.youthUserId,
        })),
      );
    return allowed;
  }
}
