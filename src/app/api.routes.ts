import { z } from 'zod';
import { roles } from '../platform/access/roles.ts';
import { ctxOf } from '../platform/http/request.ts';
import { inviteInput } from '../modules/accounts/accounts.inputs.ts';
import { createMunicipalityInput } from '../modules/municipalities/municipalities.service.ts';
import type { App, RouteDeps } from '../platform/http/app.ts';
import { errors } from '../platform/http/api-errors.ts';

const municipality = z.object({ id: z.uuid(), name: z.string(), code: z.string(), youthCapacity: z.number().int() });
const membership = z.object({ role: z.enum(roles), municipalityId: z.uuid().nullable() });
const person = z.object({ id: z.uuid(), name: z.string(), email: z.string(), roles: z.array(z.enum(roles)), createdAt: z.iso.datetime() });

const toMunicipality = (m: z.infer<typeof municipality>) => ({ id: m.id, name: m.name, code: m.code, youthCapacity: m.youthCapacity });
const toPerson = (p: { id: string; name: string; email: string; roles: (typeof roles)[number][]; createdAt: Date }) => ({
  ...p,
  createdAt: p.createdAt.toISOString(),
});

/** The JSON API: thin routes over the same services as the pages, documented in OpenAPI. */
export async function apiRoutes(app: App, { services }: RouteDeps): Promise<void> {
  app.get(
    '/api/v1/me',
    {
      schema: {
        tags: ['accounts'],
        summary: 'The signed-in user and their roles',
        response: { 200: z.object({ id: z.uuid(), name: z.string(), email: z.string(), memberships: z.array(membership) }), ...errors },
      },
    },
    async (request) => {
      const actor = services.access.requireActor(ctxOf(request));
      return { id: actor.userId, name: actor.name, email: actor.email, memberships: actor.memberships };
    },
  );

  app.get(
    '/api/v1/municipalities',
    {
      schema: {
        tags: ['municipalities'],
        summary: 'Municipalities the user works in',
        response: { 200: z.object({ items: z.array(municipality) }), ...errors },
      },
    },
    async (request) => ({ items: (await services.municipalities.listMine(ctxOf(request))).map(toMunicipality) }),
  );

  app.post(
    '/api/v1/municipalities',
    {
      schema: {
        tags: ['municipalities'],
        summary: 'Create a municipality (system administrator)',
        body: createMunicipalityInput,
        response: { 201: municipality, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(toMunicipality(await services.municipalities.create(ctxOf(request), request.body))),
  );

  app.get(
    '/api/v1/municipalities/:municipalityId/people',
    {
      schema: {
        tags: ['people'],
        summary: 'People in a municipality the user may see (every read is audited)',
        params: z.object({ municipalityId: z.uuid({ error: 'validation.municipality' }) }),
        querystring: z.object({
          role: z.enum(roles).optional(),
          page: z.coerce.number().int().min(1).optional(),
          pageSize: z.coerce.number().int().min(1).max(200).optional(),
        }),
        response: {
          200: z.object({ items: z.array(person), total: z.number().int(), page: z.number().int(), pages: z.number().int() }),
          ...errors,
        },
      },
    },
    async (request) => {
      const data = await services.people.list(
        ctxOf(request),
        { municipalityId: request.params.municipalityId, ...request.query },
        request.locale,
      );
      return { items: data.people.map(toPerson), total: data.total, page: data.page, pages: data.pages };
    },
  );

  app.get(
    '/api/v1/municipalities/:municipalityId/people/:personId',
    {
      schema: {
        tags: ['people'],
        summary: 'One person (the read is audited)',
        params: z.object({ municipalityId: z.uuid(), personId: z.string() }),
        response: { 200: person, ...errors },
      },
    },
    async (request) => toPerson(await services.people.get(ctxOf(request), request.params.municipalityId, request.params.personId)),
  );

  app.post(
    '/api/v1/invitations',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Invite a person by email with a role',
        body: inviteInput,
        response: { 202: z.object({ email: z.string() }), ...errors },
      },
    },
    async (request, reply) => reply.status(202).send(await services.accounts.invite(ctxOf(request), request.body, request.locale)),
  );
}
