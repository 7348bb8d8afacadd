import { z } from 'zod';
import type { App, RouteDeps } from '../../platform/http/app.ts';
import { errors } from '../../platform/http/api-errors.ts';
import { ctxOf } from '../../platform/http/request.ts';
import { profileInput, referralInput, targetGroupInput, youthStatusInput } from './youth.inputs.ts';
import type { Youth } from './youth.repository.ts';
import { targetGroups, youthStatuses } from './youth.values.ts';
import { idParams, municipalityParams, noContent } from '../../platform/http/schemas.ts';

const capacity = z.object({ used: z.number().int(), capacity: z.number().int(), full: z.boolean() });
const profile = {
  wishToTry: z.string(),
  goodAt: z.string(),
  mattersAtWork: z.string(),
  practicalHours: z.string(),
  practicalTransport: z.string(),
  canStartOn: z.iso.date().nullable(),
};
const visibility = z.object({
  fullName: z.boolean(),
  interests: z.boolean(),
  strengths: z.boolean(),
  values: z.boolean(),
  practical: z.boolean(),
  contact: z.boolean(),
});
/** The team's view. The CPR number is never in the API, not even masked in lists. */
const youthItem = z
  .object({
    id: z.uuid(),
    firstName: z.string(),
    lastName: z.string(),
    email: z.string(),
    phone: z.string(),
    status: z.enum(youthStatuses),
    statusSince: z.iso.datetime(),
    referredOn: z.iso.date(),
    hoursPossible: z.number().int(),
    /** The target group at referral; null when not given. */
    targetGroup: z.enum(targetGroups).nullable(),
    ...profile,
    visibility,
  })
  .meta({ id: 'Youth' });
const companyViewSchema = z
  .object({
    id: z.uuid(),
    firstName: z.string(),
    lastName: z.string().optional(),
    wishToTry: z.string().optional(),
    goodAt: z.string().optional(),
    mattersAtWork: z.string().optional(),
    practicalHours: z.string().optional(),
    practicalTransport: z.string().optional(),
    canStartOn: z.iso.date().nullable().optional(),
    email: z.string().optional(),
    phone: z.string().optional(),
    photoUrl: z.string().optional(),
  })
  .meta({ id: 'YouthAsCompaniesSeeIt' });

const toItem = (y: Pick<Youth, keyof z.infer<typeof youthItem> | 'statusSince'>) => ({
  id: y.id,
  firstName: y.firstName,
  lastName: y.lastName,
  email: y.email,
  phone: y.phone,
  status: y.status,
  statusSince: y.statusSince.toISOString(),
  referredOn: y.referredOn,
  hoursPossible: y.hoursPossible,
  targetGroup: y.targetGroup,
  wishToTry: y.wishToTry,
  goodAt: y.goodAt,
  mattersAtWork: y.mattersAtWork,
  practicalHours: y.practicalHours,
  practicalTransport: y.practicalTransport,
  canStartOn: y.canStartOn,
  visibility: y.visibility,
});

/** JSON API for the youth network, over the same service and permissions as the pages. */
export async function youthApi(app: App, { services }: RouteDeps): Promise<void> {
  const tags = ['youth'];
  app.get(
    '/api/v1/municipalities/:municipalityId/youth',
    {
      schema: {
        tags,
        summary: 'Young people in a municipality (team; every read audited)',
        params: municipalityParams,
        response: { 200: z.object({ items: z.array(youthItem), capacity }), ...errors },
      },
    },
    async (request) => {
      const r = await services.youth.list(ctxOf(request), request.params.municipalityId);
      return { items: r.youth.map(toItem), capacity: r.capacity };
    },
  );

  app.post(
    '/api/v1/municipalities/:municipalityId/youth',
    {
      schema: {
        tags,
        summary: 'Refer a young person; sends the invitation by email and returns the link (for a text message)',
        params: municipalityParams,
        body: referralInput,
        response: { 201: z.object({ youth: youthItem, invitationLink: z.url(), capacity }), ...errors },
      },
    },
    async (request, reply) => {
      const r = await services.youth.refer(ctxOf(request), request.params.municipalityId, request.body, request.locale);
      return reply.status(201).send({ youth: toItem(r.youth), invitationLink: r.link, capacity: r.capacity });
    },
  );

  app.get(
    '/api/v1/youth/:id',
    {
      schema: {
        tags,
        summary: "A young person's record (team; audited)",
        params: idParams,
        response: { 200: youthItem.extend({ cprMasked: z.string() }), ...errors },
      },
    },
    async (request) => {
      const y = await services.youth.get(ctxOf(request), request.params.id);
      return { ...toItem(y), cprMasked: y.cprMasked };
    },
  );

  app.post(
    '/api/v1/youth/:id/status',
    {
      schema: {
        tags,
        summary: 'Change status (kept in the history, with a reason when ended)',
        params: idParams,
        body: youthStatusInput,
        response: noContent,
      },
    },
    async (request, reply) => {
      await services.youth.setStatus(ctxOf(request), request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/youth/:id/target-group',
    {
      schema: {
        tags,
        summary: 'Record or correct the target group at referral (aktivitetsparat, uddannelsesparat, jobparat, other)',
        params: idParams,
        body: targetGroupInput,
        response: noContent,
      },
    },
    async (request, reply) => {
      await services.youth.setTargetGroup(ctxOf(request), request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/me/profile',
    { schema: { tags, summary: "The young person's own profile", response: { 200: youthItem, ...errors } } },
    async (request) => toItem(await services.youth.myProfile(ctxOf(request))),
  );

  app.put(
    '/api/v1/me/profile',
    {
      schema: {
        tags,
        summary: 'Edit my profile and what companies may see (share_<group>: true)',
        body: profileInput,
        response: { 200: youthItem, ...errors },
      },
    },
    async (request) => {
      await services.youth.updateMyProfile(ctxOf(request), request.body);
      return toItem(await services.youth.myProfile(ctxOf(request)));
    },
  );

  app.get(
    '/api/v1/me/profile/preview',
    { schema: { tags, summary: 'Exactly what companies see of me', response: { 200: companyViewSchema, ...errors } } },
    async (request) => services.youth.previewAsCompany(ctxOf(request)),
  );

  app.get(
    '/api/v1/municipalities/:municipalityId/youth-directory',
    {
      schema: {
        tags,
        summary: 'Young people as companies see them: only what each shares (audited)',
        params: municipalityParams,
        response: { 200: z.object({ items: z.array(companyViewSchema) }), ...errors },
      },
    },
    async (request) => ({ items: await services.youth.directory(ctxOf(request), request.params.municipalityId) }),
  );
}
