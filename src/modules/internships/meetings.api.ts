import { z } from 'zod';
import type { App, RouteDeps } from '../../platform/http/app.ts';
import { errors } from '../../platform/http/api-errors.ts';
import { ctxOf } from '../../platform/http/request.ts';
import type { Meeting } from './internships.repository.ts';
import { meetingInput } from './meetings.service.ts';
import { idParams } from '../../platform/http/schemas.ts';

const meeting = z
  .object({ id: z.uuid(), startsAt: z.iso.datetime(), minutes: z.number().int(), place: z.string(), note: z.string() })
  .meta({ id: 'InternshipMeeting' });
const toItem = (m: Meeting): z.infer<typeof meeting> => ({
  id: m.id,
  startsAt: m.startsAt.toISOString(),
  minutes: m.minutes,
  place: m.place,
  note: m.note,
});

/** Follow-up meetings with the supervisor, as on the internship page. */
export async function meetingsApi(app: App, { services }: RouteDeps): Promise<void> {
  const tags = ['internships'];
  app.get(
    '/api/v1/internships/:id/meetings',
    {
      schema: {
        tags,
        summary: "The internship's follow-up meetings",
        params: idParams,
        response: { 200: z.object({ items: z.array(meeting) }), ...errors },
      },
    },
    async (request) => ({ items: (await services.meetings.list(ctxOf(request), request.params.id)).map(toItem) }),
  );
  app.post(
    '/api/v1/internships/:id/meetings',
    {
      schema: {
        tags,
        summary: 'Plan a follow-up meeting (local date and time); the young person, supervisor and consultant are told',
        params: idParams,
        body: meetingInput,
        response: { 201: meeting, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(toItem(await services.meetings.schedule(ctxOf(request), request.params.id, request.body))),
  );
}
