import { z } from 'zod';
import type { App, RouteDeps } from '../../platform/http/app.ts';
import { errors } from '../../platform/http/api-errors.ts';
import { ctxOf } from '../../platform/http/request.ts';
import { idParams, municipalityParams, noContent } from '../../platform/http/schemas.ts';
import { handoverInput, institutionInput, partnershipInput, partnershipYouthInput } from './partners.inputs.ts';
import type { PartnershipView } from './partners.repository.ts';
import { partnershipStatuses } from './partners.values.ts';

const partnership = z
  .object({
    id: z.uuid(),
    municipalityId: z.uuid(),
    institutionId: z.uuid(),
    institutionName: z.string(),
    startsOn: z.iso.date(),
    endsOn: z.iso.date().nullable(),
    targetYouth: z.number().int().meta({ description: 'Target number of young people (ViVirk’R: 10)' }),
    status: z.enum(partnershipStatuses),
    developmentGroup: z.string().meta({ description: 'The local development group, one member per line' }),
    youthCount: z.number().int(),
    closerCount: z.number().int().meta({
      description: 'Young people closer to the labour market: their own latest direction rating above their first',
    }),
  })
  .meta({ id: 'Partnership' });
const member = z
  .object({
    youthId: z.uuid(),
    firstName: z.string(),
    lastName: z.string(),
    status: z.string(),
    closer: z.boolean(),
    sharedPassportId: z.uuid().nullable().meta({ description: 'A passport the young person shared with you (consent in force)' }),
  })
  .meta({ id: 'PartnershipMember' });

const toPartnership = (p: PartnershipView): z.infer<typeof partnership> => ({
  id: p.id,
  municipalityId: p.municipalityId,
  institutionId: p.institutionId,
  institutionName: p.institutionName,
  startsOn: p.startsOn,
  endsOn: p.endsOn,
  targetYouth: p.targetYouth,
  status: p.status,
  developmentGroup: p.developmentGroup,
  youthCount: p.youthCount,
  closerCount: p.closerCount,
});

/** ViVirk'R's partnerships (#17), as on the pages. */
export async function partnersApi(app: App, { services }: RouteDeps): Promise<void> {
  const tags = ['partnerships'];
  const { partners } = services;

  app.get(
    '/api/v1/partnerships',
    {
      schema: {
        tags,
        summary: 'The partnerships you may read: the youth team all of its municipality, an education contact their own institution’s',
        response: { 200: z.object({ items: z.array(partnership) }), ...errors },
      },
    },
    async (request) => ({ items: (await partners.list(ctxOf(request))).map(toPartnership) }),
  );

  app.get(
    '/api/v1/partnerships/:id',
    {
      schema: {
        tags,
        summary: 'One partnership with its young people (each read is audited)',
        params: idParams,
        response: { 200: partnership.extend({ members: z.array(member) }), ...errors },
      },
    },
    async (request) => {
      const data = await partners.get(ctxOf(request), request.params.id);
      return {
        ...toPartnership(data.partnership),
        members: data.members.map((m) => ({
          youthId: m.youthId,
          firstName: m.firstName,
          lastName: m.lastName,
          status: m.status,
          closer: m.closer,
          sharedPassportId: m.sharedPassportId,
        })),
      };
    },
  );

  app.post(
    '/api/v1/municipalities/:municipalityId/institutions',
    {
      schema: {
        tags,
        summary: 'Register an education institution',
        params: municipalityParams,
        body: institutionInput,
        response: { 201: z.object({ id: z.uuid(), name: z.string() }), ...errors },
      },
    },
    async (request, reply) => {
      const i = await partners.createInstitution(ctxOf(request), request.params.municipalityId, request.body);
      return reply.status(201).send({ id: i.id, name: i.name });
    },
  );

  app.post(
    '/api/v1/municipalities/:municipalityId/partnerships',
    {
      schema: {
        tags,
        summary: 'Make a partnership agreement with an education institution',
        params: municipalityParams,
        body: partnershipInput,
        response: { 201: z.object({ id: z.uuid() }), ...errors },
      },
    },
    async (request, reply) => {
      const p = await partners.create(ctxOf(request), request.params.municipalityId, request.body);
      return reply.status(201).send({ id: p.id });
    },
  );

  app.post(
    '/api/v1/partnerships/:id/youth',
    {
      schema: {
        tags,
        summary: 'Add a young person of the municipality to the partnership',
        params: idParams,
        body: partnershipYouthInput,
        response: noContent,
      },
    },
    async (request, reply) => {
      await partners.addYouth(ctxOf(request), request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/partnerships/:id/handovers',
    {
      schema: {
        tags,
        summary: "An education contact hands a young person over to the municipality's team (no CPR number: the team refers them)",
        params: idParams,
        body: handoverInput,
        response: { 201: z.object({ id: z.uuid() }), ...errors },
      },
    },
    async (request, reply) => {
      const h = await partners.requestHandover(ctxOf(request), request.params.id, request.body);
      return reply.status(201).send({ id: h.id });
    },
  );

  app.post(
    '/api/v1/handovers/:id/accept',
    {
      schema: {
        tags,
        summary: "The team accepts a hand-over by referring the young person (the youth referral's CPR rules); they join the partnership",
        params: idParams,
        body: z.object({
          cpr: z.string(),
          referringCaseworker: z.string(),
          referredOn: z.string(),
          hoursPossible: z.union([z.number(), z.string()]),
          eligibilityNote: z.string().optional(),
        }),
        response: { 200: z.object({ youthId: z.uuid(), partnershipId: z.uuid() }), ...errors },
      },
    },
    async (request) => partners.acceptHandover(ctxOf(request), request.params.id, request.body, request.locale),
  );
}
