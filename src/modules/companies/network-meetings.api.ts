import { z } from 'zod';
import { errors } from '../../platform/http/api-errors.ts';
import type { App, RouteDeps } from '../../platform/http/app.ts';
import { ctxOf } from '../../platform/http/request.ts';
import { idParams, municipalityParams } from '../../platform/http/schemas.ts';
import { networkMeetingAnswerInput, networkMeetingInput } from './companies.inputs.ts';
import { networkMeetingResponses } from './companies.values.ts';
import type { ContactMeeting, NetworkMeeting, NetworkMeetingRow } from './network-meetings.repository.ts';

const meeting = z
  .object({
    id: z.uuid(),
    theme: z.string(),
    startsAt: z.iso.datetime(),
    minutes: z.number().int(),
    place: z.string(),
    agenda: z.string(),
    attendanceRecorded: z.boolean(),
  })
  .meta({ id: 'NetworkMeeting' });
const teamMeeting = meeting
  .extend({ invited: z.number().int(), coming: z.number().int(), notComing: z.number().int(), attended: z.number().int() })
  .meta({ id: 'NetworkMeetingWithCounts' });
const myMeeting = z
  .object({
    id: z.uuid(),
    theme: z.string(),
    startsAt: z.iso.datetime(),
    minutes: z.number().int(),
    place: z.string(),
    response: z.enum(networkMeetingResponses).nullable(),
  })
  .meta({ id: 'MyNetworkMeeting' });

const toMeeting = (m: NetworkMeeting): z.infer<typeof meeting> => ({
  id: m.id,
  theme: m.theme,
  startsAt: m.startsAt.toISOString(),
  minutes: m.minutes,
  place: m.place,
  agenda: m.agenda,
  attendanceRecorded: m.attendanceAt !== null,
});
const toTeam = (m: NetworkMeetingRow): z.infer<typeof teamMeeting> => ({
  ...toMeeting(m),
  invited: m.invited,
  coming: m.coming,
  notComing: m.notComing,
  attended: m.attended,
});
const toMine = (m: ContactMeeting): z.infer<typeof myMeeting> => ({
  id: m.id,
  theme: m.theme,
  startsAt: m.startsAt.toISOString(),
  minutes: m.minutes,
  place: m.place,
  response: m.response,
});

/** Company network meetings (decision 0031): the team's list and planning; a company contact's invitations and answer. */
export async function networkMeetingsApi(app: App, { services }: RouteDeps): Promise<void> {
  const tags = ['companies'];
  app.get(
    '/api/v1/municipalities/:municipalityId/network-meetings',
    {
      schema: {
        tags,
        summary: "The team's network meetings: upcoming (soonest first) and held (newest first), with answers and attendance",
        params: municipalityParams,
        response: { 200: z.object({ upcoming: z.array(teamMeeting), past: z.array(teamMeeting) }), ...errors },
      },
    },
    async (request) => {
      const r = await services.networkMeetings.list(ctxOf(request), request.params.municipalityId);
      return { upcoming: r.upcoming.map(toTeam), past: r.past.map(toTeam) };
    },
  );
  app.post(
    '/api/v1/municipalities/:municipalityId/network-meetings',
    {
      schema: {
        tags,
        summary: 'Plan a network meeting (local date and time) and invite all active companies or chosen ones; their contacts are told',
        params: municipalityParams,
        body: networkMeetingInput,
        response: { 201: meeting, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(toMeeting(await services.networkMeetings.plan(ctxOf(request), request.params.municipalityId, request.body))),
  );
  app.get(
    '/api/v1/me/network-meetings',
    {
      schema: {
        tags,
        summary: "The signed-in company contact's upcoming network meetings, with their own answers",
        response: { 200: z.object({ items: z.array(myMeeting) }), ...errors },
      },
    },
    async (request) => ({ items: (await services.networkMeetings.mine(ctxOf(request))).map(toMine) }),
  );
  app.post(
    '/api/v1/network-meetings/:id/answer',
    {
      schema: {
        tags,
        summary: 'Answer coming / not coming, as a contact of an invited company, before the meeting begins',
        params: idParams,
        body: networkMeetingAnswerInput,
        response: { 200: z.object({ response: z.enum(networkMeetingResponses) }), ...errors },
      },
    },
    async (request) => ({ response: await services.networkMeetings.answer(ctxOf(request), request.params.id, request.body) }),
  );
}
