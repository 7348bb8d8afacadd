import { z } from 'zod';
import type { App, RouteDeps } from '../../platform/http/app.ts';
import { errors } from '../../platform/http/api-errors.ts';
import { ctxOf } from '../../platform/http/request.ts';
import { eventInput, eventResponseInput } from './events.inputs.ts';
import type { MatchEvent } from './events.repository.ts';
import { eventResponses } from './matching.schema.ts';
import { idParams, municipalityParams, noContent } from '../../platform/http/schemas.ts';

/** JSON API for match events: the same service and permissions as the pages. */
export async function matchEventsApi(app: App, { services }: RouteDeps): Promise<void> {
  const tags = ['matching'];
  const { matchEvents } = services;
  const event = z
    .object({
      id: z.uuid(),
      municipalityId: z.uuid(),
      title: z.string(),
      startsAt: z.iso.datetime(),
      endsAt: z.iso.datetime(),
      place: z.string(),
      programme: z.string(),
    })
    .meta({ id: 'MatchEvent' });
  const toEvent = (e: MatchEvent): z.infer<typeof event> => ({
    id: e.id,
    municipalityId: e.municipalityId,
    title: e.title,
    startsAt: e.startsAt.toISOString(),
    endsAt: e.endsAt.toISOString(),
    place: e.place,
    programme: e.programme,
  });
  const response = z.enum(eventResponses);
  app.get(
    '/api/v1/municipalities/:municipalityId/match-events',
    {
      schema: {
        tags,
        summary: "The municipality's match events with how many are invited and coming (team)",
        params: municipalityParams,
        response: {
          200: z.object({
            items: z.array(
              event.extend({
                youthInvited: z.number().int(),
                youthComing: z.number().int(),
                companiesInvited: z.number().int(),
                companiesComing: z.number().int(),
              }),
            ),
          }),
          ...errors,
        },
      },
    },
    async (request) => ({
      items: (await matchEvents.list(ctxOf(request), request.params.municipalityId)).map((e) => ({
        ...toEvent(e),
        youthInvited: e.youthInvited,
        youthComing: e.youthComing,
        companiesInvited: e.companiesInvited,
        companiesComing: e.companiesComing,
      })),
    }),
  );
  app.post(
    '/api/v1/municipalities/:municipalityId/match-events',
    {
      schema: {
        tags,
        summary:
          'Plan a match event (local date and times, Europe/Copenhagen) and invite openings and young people; invitations go out as notifications',
        params: municipalityParams,
        body: eventInput,
        response: { 201: event, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(toEvent(await matchEvents.create(ctxOf(request), request.params.municipalityId, request.body))),
  );
  app.get(
    '/api/v1/match-events/:id',
    {
      schema: {
        tags,
        summary: 'A match event: for the team with every answer; for an invitee with their own answer',
        params: idParams,
        response: {
          200: z.object({
            event,
            response: response.nullable(),
            openings: z.array(z.object({ id: z.uuid(), title: z.string(), companyId: z.uuid(), companyName: z.string() })),
            companies: z.array(z.object({ id: z.uuid(), name: z.string(), response: response.nullable() })),
            youth: z.array(z.object({ id: z.uuid(), firstName: z.string(), lastName: z.string(), response })),
          }),
          ...errors,
        },
      },
    },
    async (request) => {
      const data = await matchEvents.get(ctxOf(request), request.params.id);
      return {
        event: toEvent(data.event),
        response: data.response,
        openings: data.openings,
        companies: data.companies.map((c) => ({ id: c.id, name: c.name, response: c.response })),
        youth: data.youth.map((y) => ({ id: y.id, firstName: y.firstName, lastName: y.lastName, response: y.response })),
      };
    },
  );
  app.post(
    '/api/v1/match-events/:id/response',
    {
      schema: {
        tags,
        summary: 'Coming or not coming (an invited young person, or a contact of an invited company)',
        params: idParams,
        body: eventResponseInput,
        response: noContent,
      },
    },
    async (request, reply) => {
      await matchEvents.respond(ctxOf(request), request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );
}
