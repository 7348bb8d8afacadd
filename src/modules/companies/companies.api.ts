import { z } from 'zod';
import { errors } from '../../platform/http/api-errors.ts';
import type { App, RouteDeps } from '../../platform/http/app.ts';
import { ctxOf } from '../../platform/http/request.ts';
import { companyInput, companyStatusInput, directoryQuery, openingInput } from './companies.inputs.ts';
import type { Company } from './companies.repository.ts';
import { companySizes, companyStatuses } from './companies.values.ts';
import type { ListedOpening } from './directory.repository.ts';
import { tradeSectionCodes } from './trades.ts';
import { idParams, municipalityParams, noContent } from '../../platform/http/schemas.ts';

const company = z
  .object({
    id: z.uuid(),
    municipalityId: z.uuid(),
    name: z.string(),
    cvr: z.string(),
    tradeSection: z.enum(tradeSectionCodes),
    address: z.string(),
    postalCode: z.string(),
    area: z.string(),
    size: z.enum(companySizes),
    whyJoined: z.string(),
    networkStatus: z.enum(companyStatuses),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Company' });

const opening = z
  .object({
    id: z.uuid(),
    companyId: z.uuid(),
    title: z.string(),
    tasks: z.string(),
    place: z.string(),
    weeklyHours: z.number().int(),
    durationMonths: z.number().int(),
    seats: z.number().int(),
    startFrom: z.iso.date(),
    learning: z.string(),
    supervisorUserId: z.uuid().nullable(),
    published: z.boolean(),
  })
  .meta({ id: 'Opening' });

const toCompany = (c: Company): z.infer<typeof company> => ({
  id: c.id,
  municipalityId: c.municipalityId,
  name: c.name,
  cvr: c.cvr,
  tradeSection: c.tradeSection as z.infer<typeof company>['tradeSection'],
  address: c.address,
  postalCode: c.postalCode,
  area: c.area,
  size: c.size as z.infer<typeof company>['size'],
  whyJoined: c.whyJoined,
  networkStatus: c.networkStatus,
  updatedAt: c.updatedAt.toISOString(),
});
const toOpening = (o: ListedOpening): z.infer<typeof opening> => ({
  id: o.id,
  companyId: o.companyId,
  title: o.title,
  tasks: o.tasks,
  place: o.place,
  weeklyHours: o.weeklyHours,
  durationMonths: o.durationMonths,
  seats: o.seats,
  startFrom: o.startFrom,
  learning: o.learning,
  supervisorUserId: o.supervisorUserId,
  published: o.published,
});

const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int(), page: z.number().int() });

/** JSON API for the company network, with the same services and permissions as the pages. */
export async function companiesApi(app: App, { services }: RouteDeps): Promise<void> {
  const tags = ['companies'];
  app.get(
    '/api/v1/municipalities/:municipalityId/companies',
    {
      schema: {
        tags,
        summary: "The team's list of companies (all statuses)",
        params: municipalityParams,
        querystring: z.object({
          q: z.string().max(200).optional(),
          status: z.enum(companyStatuses).optional(),
          trade: z.enum(tradeSectionCodes).optional(),
          page: z.coerce.number().int().min(1).optional(),
        }),
        response: { 200: listOf(company), ...errors },
      },
    },
    async (request) => {
      const r = await services.companies.list(ctxOf(request), request.params.municipalityId, request.query);
      return { items: r.rows.map(toCompany), total: r.total, page: r.page };
    },
  );

  app.post(
    '/api/v1/municipalities/:municipalityId/companies',
    {
      schema: {
        tags,
        summary: 'Add a company (as a prospect)',
        params: municipalityParams,
        body: companyInput,
        response: { 201: company, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(toCompany(await services.companies.create(ctxOf(request), request.params.municipalityId, request.body))),
  );

  app.get(
    '/api/v1/companies/:id',
    {
      schema: {
        tags,
        summary: 'A company with its openings',
        params: idParams,
        response: { 200: company.extend({ openings: z.array(opening) }), ...errors },
      },
    },
    async (request) => {
      const view = await services.companies.get(ctxOf(request), request.params.id);
      return { ...toCompany(view.company), openings: view.openings.map(toOpening) };
    },
  );

  app.put(
    '/api/v1/companies/:id',
    { schema: { tags, summary: 'Update a company profile', params: idParams, body: companyInput, response: { 200: company, ...errors } } },
    async (request) => {
      await services.companies.update(ctxOf(request), request.params.id, request.body);
      return toCompany((await services.companies.get(ctxOf(request), request.params.id)).company);
    },
  );

  app.post(
    '/api/v1/companies/:id/status',
    {
      schema: {
        tags,
        summary: 'Change network membership status (kept in the history)',
        params: idParams,
        body: companyStatusInput,
        response: noContent,
      },
    },
    async (request, reply) => {
      await services.companies.setStatus(ctxOf(request), request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/municipalities/:municipalityId/openings',
    {
      schema: {
        tags: ['openings'],
        summary: 'Search published openings (Danish full text, typo tolerant, filters)',
        params: municipalityParams,
        querystring: directoryQuery,
        response: { 200: listOf(opening.extend({ companyName: z.string() })), ...errors },
      },
    },
    async (request) => {
      const r = await services.openings.search(ctxOf(request), request.params.municipalityId, request.query);
      return { items: r.hits.map((h) => ({ ...toOpening(h.opening), companyName: h.companyName })), total: r.total, page: r.query.page };
    },
  );

  app.post(
    '/api/v1/companies/:id/openings',
    {
      schema: {
        tags: ['openings'],
        summary: 'Add an opening to a company',
        params: idParams,
        body: openingInput,
        response: { 201: opening, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(toOpening(await services.openings.create(ctxOf(request), request.params.id, request.body))),
  );

  app.get(
    '/api/v1/openings/:id',
    { schema: { tags: ['openings'], summary: 'An opening', params: idParams, response: { 200: opening, ...errors } } },
    async (request) => toOpening(await services.openings.get(ctxOf(request), request.params.id)),
  );

  app.put(
    '/api/v1/openings/:id',
    {
      schema: {
        tags: ['openings'],
        summary: 'Update an opening',
        params: idParams,
        body: openingInput,
        response: { 200: opening, ...errors },
      },
    },
    async (request) => {
      await services.openings.update(ctxOf(request), request.params.id, request.body);
      return toOpening(await services.openings.get(ctxOf(request), request.params.id));
    },
  );
}
