import type { Access } from '../../platform/access/access.ts';
import type { AuditService, Context } from '../../platform/audit/audit.service.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import type { ModelRules } from '../municipalities/model-rules.ts';
import { isUuid, parseInput } from '../../platform/validation.ts';
import { directoryQuery, openingInput } from './companies.inputs.ts';
import type { CompaniesRepository } from './companies.repository.ts';
import type { DirectoryRepository } from './directory.repository.ts';
import type { Opening, OpeningsRepository } from './openings.repository.ts';

/** Openings (praktikmuligheder) and the directory where young people and the team find them. */
export class OpeningsService {
  constructor(
    private readonly repo: OpeningsRepository,
    private readonly directory: DirectoryRepository,
    private readonly companies: CompaniesRepository,
    /** The municipality's model rules (handed in by the composition root). */
    private readonly rulesOf: (municipalityId: string) => Promise<ModelRules>,
    private readonly access: Access,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async get(ctx: Context, id: string): Promise<Opening & { companyName: string }> {
    const opening = isUuid(id) ? await this.repo.find(id) : undefined;
    const target = { type: 'opening', id, municipalityId: opening?.municipalityId ?? null, companyId: opening?.companyId };
    await this.access.require(ctx, opening?.published ? 'company.read' : 'opening.read_unpublished', [target]);
    if (!opening) throw notFound();
    return opening;
  }

  async create(ctx: Context, companyId: string, input: unknown): Promise<Opening> {
    const company = isUuid(companyId) ? await this.companies.find(companyId) : undefined;
    const grant = await this.access.requireOne(ctx, 'opening.update', {
      type: 'company',
      id: companyId,
      municipalityId: company?.municipalityId ?? null,
      companyId,
    });
    if (!company) throw notFound();
    const values = parseInput(openingInput, input);
    await this.checkSupervisor(companyId, values.supervisorUserId);
    await this.checkDuration(company.municipalityId, values.durationMonths);
    return this.audit.atomically(async () => {
      const opening = await this.repo.insert(company.municipalityId, companyId, values, this.clock.now());
      await this.audit.record(ctx, {
        action: 'opening.create',
        actorRole: grant.role,
        municipalityId: company.municipalityId,
        targetType: 'opening',
        targetId: opening.id,
      });
      return opening;
    });
  }

  async update(ctx: Context, id: string, input: unknown): Promise<void> {
    const opening = isUuid(id) ? await this.repo.find(id) : undefined;
    const grant = await this.access.requireOne(ctx, 'opening.update', {
      type: 'opening',
      id,
      municipalityId: opening?.municipalityId ?? null,
      companyId: opening?.companyId,
    });
    if (!opening) throw notFound();
    const values = parseInput(openingInput, input);
    await this.checkSupervisor(opening.companyId, values.supervisorUserId);
    await this.checkDuration(opening.municipalityId, values.durationMonths);
    await this.audit.atomically(async () => {
      await this.repo.update(id, values, this.clock.now());
      await this.audit.record(ctx, {
        action: 'opening.update',
        actorRole: grant.role,
        municipalityId: opening.municipalityId,
        targetType: 'opening',
        targetId: id,
      });
    });
  }

  async search(ctx: Context, municipalityId: string, input: unknown) {
    await this.access.require(ctx, 'company.read', [{ type: 'directory', id: municipalityId, municipalityId }]);
    const q = parseInput(directoryQuery, input);
    const result = await this.directory.search(municipalityId, q);
    return { ...result, query: q, pages: Math.max(1, Math.ceil(result.total / 20)) };
  }

  /** The areas to choose among in the directory's filter, in Danish order. */
  async areas(ctx: Context, municipalityId: string): Promise<string[]> {
    await this.access.require(ctx, 'company.read', [{ type: 'directory', id: municipalityId, municipalityId }]);
    const collator = new Intl.Collator('da');
    return (await this.directory.areas(municipalityId)).sort(collator.compare);
  }

  /** An opening offers only an internship the municipality's rules allow (seed 000: three to six months). */
  private async checkDuration(municipalityId: string, months: number): Promise<void> {
    const { internshipMinMonths: min, internshipMaxMonths: max } = await this.rulesOf(municipalityId);
    if (months < min || months > max)
      throw new AppError('invalid', 'rules.errors.opening_duration', { durationMonths: 'rules.validation.opening_duration' }, { min, max });
  }

  /** The supervisor must be one of the company's contact persons. */
  private async checkSupervisor(companyId: string, userId: string | null): Promise<void> {
    if (!userId) return;
    const contacts = await this.companies.contacts(companyId);
    if (!contacts.some((c) => c.id === userId)) throw invalid({ supervisorUserId: 'validation.supervisor' });
  }
}
