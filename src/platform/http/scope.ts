import type { FastifyRequest } from 'fastify';
import type { Actor } from '../access/policy.ts';
import { actorMunicipalityIds } from '../access/policy.ts';

/**
 * The municipality a page works in: `?m=` when given (access is still checked by the service),
 * else the first municipality where the actor may do what the page needs.
 */
export function chosenMunicipality(request: FastifyRequest, actor: Actor, usable: (municipalityId: string) => boolean): string | undefined {
  const asked = (request.query as Record<string, unknown> | undefined)?.m;
  if (typeof asked === 'string' && asked) return asked;
  return actorMunicipalityIds(actor).find(usable);
}
