import { z } from 'zod';
import type { Access } from '../../platform/access/access.ts';
import { actorMunicipalityIds, can, isCrossMunicipal } from '../../platform/access/policy.ts';
import type { AuditService, Context } from '../../platform/audit/audit.service.ts';
import { conflict, isUniqueViolation, notFound } from '../../platform/errors.ts';
import { isUuid, parseInput } from '../../platform/validation.ts';
import { type ModelRules, modelRules, ruleNames } from './model-rules.ts';
import { modelRulesInput } from './municipalities.inputs.ts';
import type { Municipality, MunicipalitiesRepository } from './municipalities.repository.ts';

export const createMunicipalityInput = z.object({
  name: z.string({ error: 'validation.name' }).trim().min(2, { error: 'validation.name' }).max(100, { error: 'validation.name' }),
  code: z
    .string({ error: 'validation.municipality_code' })
    .trim()
    .regex(/^\d{3}$/, { error: 'validation.municipality_code' }),
  youthCapacity: z.coerce
    .number({ error: 'validation.capacity' })
    .int({ error: 'validation.capacity' })
    .min(1, { error: 'validation.capacity' })
    .max(1000, { error: 'validation.capacity' })
    .default(45),
});

export class MunicipalitiesService {
  constructor(
    private readonly repo: MunicipalitiesRepository,
    private readonly access: Access,
    private readonly audit: AuditService,
  ) {}

  /** The municipalities the actor works in (all of them for cross-municipal roles). */
  async listMine(ctx: Context): Promise<Municipality[]> {
    const actor = this.access.requireActor(ctx);
    return this.repo.list(isCrossMunicipal(actor) ? undefined : actorMunicipalityIds(actor));
  }

  async get(ctx: Context, id: string): Promise<Municipality> {
    await this.access.require(ctx, 'municipality.read', [{ type: 'municipality', id, municipalityId: id }]);
    const m = isUuid(id) ? await this.repo.find(id) : undefined;
    if (!m) throw notFound();
    return m;
  }

  async create(ctx: Context, input: unknown): Promise<Municipality> {
    const grant = await this.access.requireAction(ctx, 'municipality.create', { type: 'municipality', municipalityId: null });
    const values = parseInput(createMunicipalityInput, input);
    try {
      return await this.audit.atomically(async () => {
        const m = await this.repo.insert(values);
        await this.audit.record(ctx, {
          action: 'municipality.create',
          actorRole: grant.role,
          municipalityId: m.id,
          targetType: 'municipality',
          targetId: m.id,
        });
        return m;
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict('errors.municipality_taken', { name: 'errors.municipality_taken' });
      throw err;
    }
  }

  /** The model's numbers as the municipality has set them: every role in it may read them. */
  async rules(ctx: Context, id: string): Promise<{ municipality: Municipality; rules: ModelRules; canConfigure: boolean }> {
    const municipality = await this.get(ctx, id);
    const canConfigure = can(this.access.requireActor(ctx), 'municipality.configure', [{ municipalityId: id }]);
    return { municipality, rules: modelRules(municipality), canConfigure };
  }

  /**
   * The municipality's team leader or administrator (or the system administrator) sets the model's
   * numbers. All or nothing: a refused value changes none of them; the change is audited with the
   * numbers before and after.
   */
  async updateRules(ctx: Context, id: string, input: unknown): Promise<ModelRules> {
    const grant = await this.access.requireOne(ctx, 'municipality.configure', { type: 'municipality', id, municipalityId: id });
    if (!isUuid(id)) throw notFound();
    const values = parseInput(modelRulesInput, input);
    return this.audit.atomically(async () => {
      const before = await this.repo.find(id);
      if (!before) throw notFound();
      const after = await this.repo.updateRules(id, {
        ...values,
        youthRetentionMonths: values.youthRetentionMonths ?? before.youthRetentionMonths,
      });
      if (!after) throw notFound();
      const was = modelRules(before);
      const now = modelRules(after);
      const changed = ruleNames.filter((k) => was[k] !== now[k]);
      await this.audit.record(ctx, {
        action: 'municipality.rules_update',
        actorRole: grant.role,
        municipalityId: id,
        targetType: 'municipality',
        targetId: id,
        details: { changed, before: was, after: now },
      });
      return now;
    });
  }
}
