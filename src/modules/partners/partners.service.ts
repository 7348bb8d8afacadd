import type { Access, AccessTarget } from '../../platform/access/access.ts';
import { actorMunicipalityIds, can } from '../../platform/access/policy.ts';
import type { AuditService, Context } from '../../platform/audit/audit.service.ts';
import type { Clock } from '../../platform/clock.ts';
import { conflict, invalid, isUniqueViolation, notFound } from '../../platform/errors.ts';
import { isUuid, parseInput } from '../../platform/validation.ts';
import { institutionContactInput, institutionInput, partnershipInput, partnershipYouthInput } from './partners.inputs.ts';
import type {
  Institution,
  InstitutionView,
  Partnership,
  PartnersRepository,
  PartnershipMember,
  PartnershipView,
} from './partners.repository.ts';

/** One partnership's page: the agreement, its young people, and who may change it. */
export interface PartnershipPage {
  partnership: PartnershipView;
  members: PartnershipMember[];
  canManage: boolean;
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
    return { partnership: p, members, canManage, addable: canManage ? await this.repo.addable(p.municipalityId, p.id) : [] };
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
