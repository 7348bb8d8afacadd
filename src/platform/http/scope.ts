import type { FastifyRequest } from 'fastify';
import type { Action, Actor } from '../access/policy.ts';
import { actorMunicipalityIds, can } from '../access/policy.ts';
import { AppError, notFound } from '../errors.ts';

/**
 * The municipality a page works in: `?m=` when given (access is still checked by the service),
 * else the first municipality where the actor may do what the page needs.
 */
export function chosenMunicipality(request: FastifyRequest, actor: Actor, usable: (municipalityId: string) => boolean): string | undefined {
  const asked = (request.query as Record<string, unknown> | undefined)?.m;
  if (typeof asked === 'string' && asked) return asked;
  return actorMunicipalityIds(actor).find(usable);
}

/**
 * The municipality a page works in, for an action: `?m=` when given, else the first where the
 * actor may do it. Not found when there is none (the service still checks access on the record).
 */
export function municipalityFor(request: FastifyRequest, action: Action): string {
  const actor = request.actor;
  if (!actor) throw new AppError('unauthenticated', 'errors.unauthenticated');
  const m = chosenMunicipality(request, actor, (id) => can(actor, action, [{ municipalityId: id }]));
  if (!m) throw notFound();
  return m;
}
