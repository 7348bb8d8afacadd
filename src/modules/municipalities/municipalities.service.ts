import { z } from 'zod';
import type { Access } from '../../platform/access/access.ts';
import { actorMunicipalityIds, isCrossMunicipal } from '../../platform/access/policy.ts';
import type { AuditService, Context } from '../../platform/audit/audit.service.ts';
import { conflict, isUniqueViolation, notFound } from '../../platform/errors.ts';
import { parseInput } from '../../platform/validation.ts';
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
    const m = await this.repo.find(id);
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
}
