import type { Access, AccessTarget } from '../../platform/access/access.ts';
import { actorMunicipalityIds, can } from '../../platform/access/policy.ts';
import type { AuditService, Context } from '../../platform/audit/audit.service.ts';
import type { Clock } from '../../platform/clock.ts';
import { conflict, invalid, isUniqueViolation, notFound } from '../../platform/errors.ts';
import { isUuid, parseInput } from '../../platform/validation.ts';
import type { Locale } from '../../platform/i18n/i18n.ts';
import { handoverInput, institutionContactInput, institutionInput, partnershipInput, partnershipYouthInput } from './partners.inputs.ts';
import type {
  Handover,
  Institution,
  InstitutionView,
  Partnership,
  PartnersRepository,
  PartnershipMember,
  PartnershipView,
} from './partners.repository.ts';

/**
 * The youth module's referral (its CPR rules, sealing, invitation and audit), handed in by the
 * composition root: accepting a hand-over refers the young person through it.
 */
export type Refer = (ctx: Context, municipalityId: string, input: unknown, locale: Locale) => Promise<{ youth: { id: string } }>;

/** One partnership's page: the agreement, its young people, and who may change it. */
export interface PartnershipPage {
  partnership: PartnershipView;
  members: PartnershipMember[];
  canManage: boolean;
  /** The education contact may hand a young person over. */
  canHandover: boolean;
  /** Hand-overs waiting for the team. */
  handovers: Handover[];
  addable: { id: string; firstName: string; lastName: string }[];
}

/**
 * ViVirk'R's partnerships (#17; decision 0030): education institutions with their contacts, and
 * agreements between the municipality and an institution — the local development group, period,
 * target number of young people (10), status — with the young people in them. The team manages
 * them; the youth team reads them; an education contact reads only their own institution's.
 */
export class PartnersService {
  constructor(
    private readonly repo: PartnersRepository,
    private readonly access: Access,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly refer: Refer,
  ) {}

  private target(p: PartnershipView | undefined, id: string): AccessTarget {
    return { type: 'partnership', id, municipalityId: p?.municipalityId ?? null, institutionContactUserIds: p?.contactUserIds ?? [] };
  }

  private async entry(
    ctx: Context,
    action: 'partnership.institution' | 'partnership.contact' | 'partnership.create',
    role: string,
    municipalityId: string,
    type: string,
    id: string,
  ) {
    await this.audit.record(ctx, { action, actorRole: role, municipalityId, targetType: type, targetId: id });
  }

  /** The municipality's institutions and the education contacts who could be linked to them. */
  async institutions(
    ctx: Context,
    municipalityId: string,
  ): Promise<{ institutions: InstitutionView[]; contacts: { userId: string; name: string }[] }> {
    await this.access.requireAction(ctx, 'partnership.manage', { type: 'municipality', id: municipalityId, municipalityId });
    const [institutions, contacts] = await Promise.all([
      this.repo.institutions(municipalityId),
      this.repo.educationContacts(municipalityId),
    ]);
    return { institutions, contacts };
  }

  async createInstitution(ctx: Context, municipalityId: string, input: unknown): Promise<Institution> {
    const grant = await this.access.requireAction(ctx, 'partnership.manage', { type: 'municipality', id: municipalityId, municipalityId });
    const { name } = parseInput(institutionInput, input);
    return this.audit.atomically(async () => {
      try {
        const row = await this.repo.createInstitution(municipalityId, name, this.clock.now());
        await this.entry(ctx, 'partnership.institution', grant.role, municipalityId, 'education_institution', row.id);
        return row;
      } catch (err) {
        if (isUniqueViolation(err)) throw conflict('validation.institution_exists', { name: 'validation.institution_exists' });
        throw err;
      }
    });
  }

  /** Links an education contact of the municipality to an institution. */
  async addContact(ctx: Context, institutionId: string, input: unknown): Promise<void> {
    const institution = isUuid(institutionId) ? await this.repo.institution(institutionId) : undefined;
    const grant = await this.access.requireOne(ctx, 'partnership.manage', {
      type: 'education_institution',
      id: institutionId,
      municipalityId: institution?.municipalityId ?? null,
    });
    if (!institution) throw notFound();
    const { userId } = parseInput(institutionContactInput, input);
    const contacts = await this.repo.educationContacts(institution.municipalityId);
    if (!contacts.some((c) => c.userId === userId)) throw invalid({ userId: 'validation.institution_contact' });
    await this.audit.atomically(async () => {
      await this.repo.addContact(institution.id, userId);
      await this.entry(ctx, 'partnership.contact', grant.role, institution.municipalityId, 'user', userId);
    });
  }

  async create(ctx: Context, municipalityId: string, input: unknown): Promise<Partnership> {
    const grant = await this.access.requireAction(ctx, 'partnership.manage', { type: 'municipality', id: municipalityId, municipalityId });
    const data = parseInput(partnershipInput, input);
    const institution = await this.repo.institution(data.institutionId);
    if (!institution || institution.municipalityId !== municipalityId)
      throw invalid({ institutionId: 'validation.partnership_institution' });
    const now = this.clock.now();
    return this.audit.atomically(async () => {
      const row = await this.repo.createPartnership({ municipalityId, ...data, createdAt: now, updatedAt: now });
      await this.entry(ctx, 'partnership.create', grant.role, municipalityId, 'partnership', row.id);
      return row;
    });
  }

  /** The partnerships the person may read, in all their municipalities. */
  async list(ctx: Context): Promise<PartnershipView[]> {
    const actor = this.access.requireActor(ctx);
    const rows = await this.repo.partnerships(actorMunicipalityIds(actor));
    return rows.filter((p) => can(actor, 'partnership.read', [this.target(p, p.id)]));
  }

  /** One partnership with its young people (each audited as read, with the young person as subject). */
  async get(ctx: Context, id: string): Promise<PartnershipPage> {
    const [p] = isUuid(id) ? await this.repo.partnerships([], id) : [];
    const grant = await this.access.requireOne(ctx, 'partnership.read', this.target(p, id));
    if (!p) throw notFound();
    const actor = this.access.requireActor(ctx);
    const members = await this.repo.members(p.id, actor.userId);
    if (members.length)
      await this.audit.record(
        ctx,
        members.map((m) => ({
          action: 'partnership.read' as const,
          actorRole: grant.role,
          municipalityId: p.municipalityId,
          targetType: 'partnership',
          targetId: p.id,
          subjectUserId: m.userId,
        })),
      );
    const canManage = can(actor, 'partnership.manage', [this.target(p, p.id)]);
    return {
      partnership: p,
      members,
      canManage,
      canHandover: can(actor, 'partnership.handover', [this.target(p, p.id)]),
      handovers: await this.repo.pendingHandovers([p.id]),
      addable: canManage ? await this.repo.addable(p.municipalityId, p.id) : [],
    };
  }

  /** The partnership a hand-over belongs to (for the page to show again), after the team's check. */
  async handoverPartnership(ctx: Context, handoverId: string): Promise<string> {
    const h = isUuid(handoverId) ? await this.repo.handover(handoverId) : undefined;
    const [p] = h ? await this.repo.partnerships([], h.partnershipId) : [];
    await this.access.requireOne(ctx, 'partnership.manage', this.target(p, h?.partnershipId ?? handoverId));
    if (!h || !p) throw notFound();
    return p.id;
  }

  /** Hand-overs waiting for the team in the partnerships the person may read (for homes). */
  async pendingHandovers(ctx: Context): Promise<Handover[]> {
    const visible = await this.list(ctx);
    return this.repo.pendingHandovers(visible.map((p) => p.id));
  }

  /**
   * The education contact hands a young person over: a request the team accepts by referring them.
   * Until then the young person is on the partnership page as waiting, so they are not lost.
   */
  async requestHandover(ctx: Context, id: string, input: unknown): Promise<Handover> {
    const [p] = isUuid(id) ? await this.repo.partnerships([], id) : [];
    const grant = await this.access.requireOne(ctx, 'partnership.handover', this.target(p, id));
    if (!p) throw notFound();
    const data = parseInput(handoverInput, input);
    return this.audit.atomically(async () => {
      const row = await this.repo.insertHandover({
        partnershipId: p.id,
        municipalityId: p.municipalityId,
        ...data,
        requestedByUserId: this.access.requireActor(ctx).userId,
        requestedAt: this.clock.now(),
      });
      await this.audit.record(ctx, {
        action: 'partnership.handover',
        actorRole: grant.role,
        municipalityId: p.municipalityId,
        targetType: 'partnership_handover',
        targetId: row.id,
      });
      return row;
    });
  }

  /**
   * The team accepts a hand-over by referring the young person (the youth module's referral: CPR,
   * caseworker, date, hours), and they join the partnership — all in one transaction.
   */
  async acceptHandover(
    ctx: Context,
    handoverId: string,
    input: unknown,
    locale: Locale,
  ): Promise<{ youthId: string; partnershipId: string }> {
    const h = isUuid(handoverId) ? await this.repo.handover(handoverId) : undefined;
    const [p] = h ? await this.repo.partnerships([], h.partnershipId) : [];
    const grant = await this.access.requireOne(ctx, 'partnership.manage', this.target(p, h?.partnershipId ?? handoverId));
    if (!h || !p) throw notFound();
    if (h.status !== 'pending') throw conflict('errors.handover_taken');
    const fields = typeof input === 'object' && input ? (input as Record<string, unknown>) : {};
    const actor = this.access.requireActor(ctx);
    return this.audit.atomically(async () => {
      const { youth } = await this.refer(
        ctx,
        p.municipalityId,
        // What the institution knows is the referral's note unless the team writes its own.
        { eligibilityNote: h.note, ...fields, firstName: h.firstName, lastName: h.lastName, email: h.email, phone: h.phone },
        locale,
      );
      const now = this.clock.now();
      await this.repo.addYouth(p.id, youth.id, actor.userId, now);
      if (!(await this.repo.accept(h.id, youth.id, actor.userId, now))) throw conflict('errors.handover_taken');
      await this.audit.record(ctx, {
        action: 'partnership.handover_accept',
        actorRole: grant.role,
        municipalityId: p.municipalityId,
        targetType: 'partnership_handover',
        targetId: h.id,
      });
      return { youthId: youth.id, partnershipId: p.id };
    });
  }

  /** The team adds a young person of the municipality to the partnership. */
  async addYouth(ctx: Context, id: string, input: unknown): Promise<void> {
    const [p] = isUuid(id) ? await this.repo.partnerships([], id) : [];
    const grant = await this.access.requireOne(ctx, 'partnership.manage', this.target(p, id));
    if (!p) throw notFound();
    const { youthId } = parseInput(partnershipYouthInput, input);
    const y = await this.repo.youthMunicipality(youthId);
    if (!y || y.municipalityId !== p.municipalityId) throw invalid({ youthId: 'validation.partnership_youth' });
    await this.audit.atomically(async () => {
      await this.repo.addYouth(p.id, youthId, this.access.requireActor(ctx).userId, this.clock.now());
      await this.audit.record(ctx, {
        action: 'partnership.add_youth',
        actorRole: grant.role,
        municipalityId: p.municipalityId,
        targetType: 'partnership',
        targetId: p.id,
        subjectUserId: y.userId,
      });
    });
  }
}
