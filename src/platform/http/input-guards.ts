import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import { type AuditService, auditSafe } from '../audit/audit.service.ts';
import { invalid, notFound } from '../errors.ts';
import { UUID } from '../validation.ts';

/** Path and query parameters that name a record: `:id`, `:youthId`, `?m=`, `?youth=`, `?previous=`. */
const ID_PARAM = /^(id|m|youth|previous|[a-z]+Id)$/;

/**
 * The first place in a parsed value that holds a NUL character (PostgreSQL cannot store one), as a
 * field path. A multipart field counts by its value; files are not text; nesting is bounded.
 */
export function findNul(value: unknown, at = '', depth = 0): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? at || '_' : undefined;
  if (!value || typeof value !== 'object' || depth > 8 || Buffer.isBuffer(value)) return undefined;
  const part = value as { type?: unknown; value?: unknown };
  if (part.type === 'file') return undefined;
  if (part.type === 'field') return findNul(part.value, at, depth + 1);
  for (const [k, v] of Array.isArray(value) ? value.entries() : Object.entries(value)) {
    const found = findNul(v, at ? `${at}.${k}` : String(k), depth + 1);
    if (found) return found;
  }
  return undefined;
}

const routesOf = new WeakMap<FastifyInstance, RouteOptions[]>();
/** Every route registered after the guards (for tests that walk them all). */
export function registeredRoutes(app: FastifyInstance): readonly RouteOptions[] {
  return routesOf.get(app) ?? [];
}

/**
 * Bad input stops at the boundary instead of reaching PostgreSQL as a 500 (#19.7): a record id
 * that is not a UUID is a missing record (404, and the refused attempt is audited with a safe
 * copy of the value); a NUL character anywhere in the query or the body is an invalid field (422).
 */
export function registerInputGuards(app: FastifyInstance, audit: AuditService): void {
  const routes: RouteOptions[] = [];
  routesOf.set(app, routes);
  app.addHook('onRoute', (route) => void routes.push(route));
  app.addHook('preValidation', async (request: FastifyRequest) => {
    const params = (request.params ?? {}) as Record<string, unknown>;
    const query = (request.query ?? {}) as Record<string, unknown>;
    for (const [source, values] of [
      ['path', params],
      ['query', query],
    ] as const) {
      for (const [name, value] of Object.entries(values)) {
        if (!ID_PARAM.test(name) || value === undefined || value === '') continue;
        if (typeof value === 'string' && UUID.test(value)) continue;
        await audit.record(
          { actor: request.actor, requestId: request.id },
          {
            action: 'request.invalid_id',
            outcome: 'denied',
            targetType: `${source}.${name}`,
            targetId: auditSafe(typeof value === 'string' ? value : JSON.stringify(value)),
          },
        );
        throw notFound();
      }
    }
    const nul = findNul(params) ?? findNul(query);
    if (nul) throw notFound();
    const inBody = findNul(request.body);
    if (inBody) throw invalid({ [inBody]: 'validation.invalid_characters' });
  });
}
