import { z } from 'zod';
import type { App, RouteDeps } from '../../platform/http/app.ts';
import { errors } from '../../platform/http/api-errors.ts';
import { ctxOf } from '../../platform/http/request.ts';
import { endInput, extensionInput, firstDayInput, planInput, vitasInput } from './internships.inputs.ts';
import type { InternshipView } from './internships.repository.ts';
import { internshipStatuses, vitasStatuses } from './internships.values.ts';
import { attendanceValues, earlyEndReasons, weekdays } from './internships.values.ts';
import { idParams, municipalityParams, noContent } from '../../platform/http/schemas.ts';

const date = z.iso.date();
const internship = z
  .object({
    id: z.uuid(),
    municipalityId: z.uuid(),
    youthId: z.uuid(),
    youthFirstName: z.string(),
    companyId: z.uuid(),
    companyName: z.string(),
    openingId: z.uuid(),
    openingTitle: z.string(),
    supervisorUserId: z.uuid().nullable(),
    status: z.enum(internshipStatuses),
    weeklyHours: z.number().int(),
    tasks: z.string(),
    chosenAt: z.iso.datetime(),
    agreedStart: date,
    firstDay: date.nullable(),
    plannedEnd: date,
    actualEnd: date.nullable(),
    endReason: z.enum(earlyEndReasons).nullable(),
    vitasStatus: z.enum(vitasStatuses),
    vitasReference: z.string(),
    previousId: z.uuid().nullable(),
  })
  .meta({ id: 'Internship' });

const toItem = (i: InternshipView): z.infer<typeof internship> => ({
  id: i.id,
  municipalityId: i.municipalityId,
  youthId: i.youthId,
  youthFirstName: i.youthFirstName,
  companyId: i.companyId,
  companyName: i.companyName,
  openingId: i.openingId,
  openingTitle: i.openingTitle,
  supervisorUserId: i.supervisorUserId,
  status: i.status,
  weeklyHours: i.weeklyHours,
  tasks: i.tasks,
  chosenAt: i.chosenAt.toISOString(),
  agreedStart: i.agreedStart,
  firstDay: i.firstDay,
  plannedEnd: i.plannedEnd,
  actualEnd: i.actualEnd,
  endReason: i.endReason,
  vitasStatus: i.vitasStatus,
  vitasReference: i.vitasReference,
  previousId: i.previousId,
});

const attendance = z.object(
  Object.fromEntries(weekdays.map((d) => [d, z.enum(attendanceValues)])) as Record<
    (typeof weekdays)[number],
    z.ZodEnum<{ [K in (typeof attendanceValues)[number]]: K }>
  >,
);
const feedbackBody = z.object({
  week: date,
  attendance,
  didWell: z.string().max(1000).optional(),
  concern: z.string().max(2000).optional(),
});
const feedbackItem = z
  .object({
    weekStart: date,
    attendance,
    didWell: z.string(),
    concern: z.string().optional(),
    submittedAt: z.iso.datetime(),
    viaLink: z.boolean(),
  })
  .meta({ id: 'Feedback', description: 'The concern is present only for the team.' });
const scale = z.number().int().min(0).max(10);
const checkinBody = z.object({
  wellbeing: scale,
  workplace: scale.nullable().optional(),
  network: scale,
  comment: z.string().max(1000).optional(),
});
const checkinItem = z
  .object({
    weekStart: date,
    wellbeing: scale,
    workplace: scale.nullable(),
    network: scale,
    comment: z.string(),
    submittedAt: z.iso.datetime(),
  })
  .meta({ id: 'Checkin' });
const figures = {
  openClocks: z.number().int(),
  overdue: z.number().int(),
  median: z.number().nullable(),
  p90: z.number().nullable(),
  starts: z.number().int(),
};

/** JSON API for internships, weekly feedback and check-ins: the same services and permissions as the pages. */
export async function internshipsApi(app: App, { services }: RouteDeps): Promise<void> {
  const tags = ['internships'];
  const { internships, feedback, internshipOverview } = services;

  app.get(
    '/api/v1/municipalities/:municipalityId/internships',
    {
      schema: {
        tags,
        summary: "Internships in a municipality (team), or at the caller's companies (company contact)",
        params: municipalityParams,
        response: { 200: z.object({ items: z.array(internship) }), ...errors },
      },
    },
    async (request) => ({ items: (await internships.list(ctxOf(request), request.params.municipalityId)).map(toItem) }),
  );

  app.post(
    '/api/v1/municipalities/:municipalityId/internships',
    {
      schema: {
        tags,
        summary: 'Plan an internship (the start clock runs from chosenOn)',
        params: municipalityParams,
        body: planInput,
        response: { 201: internship, ...errors },
      },
    },
    async (request, reply) => {
      const created = await internships.plan(ctxOf(request), request.params.municipalityId, request.body);
      return reply.status(201).send(toItem((await internships.get(ctxOf(request), created.id)).i));
    },
  );

  app.get(
    '/api/v1/municipalities/:municipalityId/internship-overview',
    {
      schema: {
        tags,
        summary: 'Open start clocks, overdue starts, median and 90th percentile days to start, and stability flags (team)',
        params: municipalityParams,
        response: {
          200: z.object({
            ...figures,
            clocks: z.array(
              z.object({
                id: z.uuid(),
                youthName: z.string(),
                companyName: z.string(),
                chosenOn: date,
                agreedStart: date,
                daysElapsed: z.number().int(),
                daysLeft: z.number().int(),
                overdue: z.boolean(),
              }),
            ),
            flags: z.array(
              z.object({
                youthId: z.uuid(),
                youthName: z.string(),
                reasons: z.array(z.record(z.string(), z.union([z.string(), z.number()]))),
              }),
            ),
          }),
          ...errors,
        },
      },
    },
    async (request) => internshipOverview.team(ctxOf(request), request.params.municipalityId),
  );

  app.get(
    '/api/v1/internships/:id',
    { schema: { tags, summary: 'One internship (audited)', params: idParams, response: { 200: internship, ...errors } } },
    async (request) => toItem((await internships.get(ctxOf(request), request.params.id)).i),
  );

  app.post(
    '/api/v1/internships/:id/vitas',
    {
      schema: {
        tags,
        summary: "Record the jobcentre's VITAS steps: sent (with reference), then approved",
        params: idParams,
        body: vitasInput,
        response: noContent,
      },
    },
    async (request, reply) => {
      await internships.recordVitas(ctxOf(request), request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/internships/:id/first-day',
    {
      schema: {
        tags,
        summary: 'Record the first day met (stops the start clock)',
        params: idParams,
        body: firstDayInput,
        response: noContent,
      },
    },
    async (request, reply) => {
      await internships.recordFirstDay(ctxOf(request), request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/internships/:id/end',
    { schema: { tags, summary: 'Complete, or end early with a reason', params: idParams, body: endInput, response: noContent } },
    async (request, reply) => {
      await internships.end(ctxOf(request), request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/internships/:id/extension',
    {
      schema: {
        tags,
        summary: 'Ask for an extension (the asking side agrees by asking)',
        params: idParams,
        body: extensionInput,
        response: { 201: z.object({ id: z.uuid(), newEnd: date, status: z.string() }), ...errors },
      },
    },
    async (request, reply) => {
      const e = await services.extensions.requestExtension(ctxOf(request), request.params.id, request.body);
      return reply.status(201).send({ id: e.id, newEnd: e.newEnd, status: e.status });
    },
  );

  app.post(
    '/api/v1/internships/:id/extension/agree',
    {
      schema: {
        tags,
        summary: 'Agree to the open extension; the team records a side’s agreement with onBehalfOf',
        params: idParams,
        body: z.object({ onBehalfOf: z.enum(['company', 'youth']).optional() }),
        response: { 200: z.object({ id: z.uuid(), newEnd: date, status: z.string() }), ...errors },
      },
    },
    async (request) => {
      const e = await services.extensions.agreeExtension(ctxOf(request), request.params.id, request.body);
      return { id: e.id, newEnd: e.newEnd, status: e.status };
    },
  );

  app.get(
    '/api/v1/internships/:id/feedback',
    {
      schema: {
        tags,
        summary: 'Weekly feedback (concerns only for the team)',
        params: idParams,
        response: { 200: z.object({ items: z.array(feedbackItem) }), ...errors },
      },
    },
    async (request) => ({
      items: (await feedback.list(ctxOf(request), request.params.id)).map((f) => ({
        weekStart: f.weekStart,
        attendance: f.attendance,
        didWell: f.didWell,
        ...(f.concern === undefined ? {} : { concern: f.concern }),
        submittedAt: f.submittedAt.toISOString(),
        viaLink: !!f.viaLink,
      })),
    }),
  );

  app.put(
    '/api/v1/internships/:id/feedback',
    { schema: { tags, summary: "Give (or correct) a week's feedback", params: idParams, body: feedbackBody, response: noContent } },
    async (request, reply) => {
      await feedback.submit(ctxOf(request), request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/api/v1/me/checkin',
    {
      schema: {
        tags,
        summary: "This week's check-in by the young person (replaces this week's)",
        body: checkinBody,
        response: { 200: checkinItem, ...errors },
      },
    },
    async (request) => {
      const c = await feedback.checkin(ctxOf(request), request.body);
      return {
        weekStart: c.weekStart,
        wellbeing: c.wellbeing,
        workplace: c.workplace,
        network: c.network,
        comment: c.comment,
        submittedAt: c.submittedAt.toISOString(),
      };
    },
  );

  app.get(
    '/api/v1/me/internships',
    {
      schema: {
        tags,
        summary: 'My work trail: every internship and the recognitions I received',
        response: {
          200: z.object({
            internships: z.array(internship),
            recognitions: z.array(z.object({ weekStart: date, didWell: z.string(), companyName: z.string() })),
          }),
          ...errors,
        },
      },
    },
    async (request) => {
      const trail = await feedback.myTrail(ctxOf(request));
      return {
        internships: trail.internships.map(toItem),
        recognitions: trail.recognitions.map(({ weekStart, didWell, companyName }) => ({ weekStart, didWell, companyName })),
      };
    },
  );
}
