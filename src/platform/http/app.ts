import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { RenderSettings } from './render.tsx';

/** The Fastify instance routes are registered on (zod schemas validate and type requests). */
export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/**
 * The services routes call. Empty here: the composition root (app/services.ts) fills it in by
 * declaration merging, so route modules get the real types without the platform importing the app.
 */
// oxlint-disable-next-line typescript/no-empty-interface, typescript/no-empty-object-type
export interface RouteServices {}

/** What every route module receives. */
export interface RouteDeps {
  services: RouteServices;
  settings: RenderSettings;
}
