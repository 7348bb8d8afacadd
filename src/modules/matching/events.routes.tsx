import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, RouteDeps } from '../../platform/http/app.ts';
import { formFromError, formValues } from '../../platform/http/forms.ts';
import { pageContext, sendPage } from '../../platform/http/render.tsx';
import { ctxOf, setFlash } from '../../platform/http/request.ts';
import { municipalityFor } from '../../platform/http/scope.ts';
import type { FormState } from '../../platform/views/components.tsx';
import { EventForm, EventPage } from './events.views.tsx';
import { pageWithId } from '../../platform/http/schemas.ts';

/** Checkboxes send one value or several. */
const many = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : [];

/** Match events: the team plans them; invited young people and companies see them and answer. */
export async function matchEventsRoutes(app: App, { services, settings }: RouteDeps): Promise<void> {
  const { matchEvents } = services;

  const formPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    m: string,
    form: FormState,
    chosen: Record<'openingIds' | 'youthIds', string[]>,
    status = 200,
  ) => {
    const choices = await matchEvents.choices(ctxOf(request), m);
    const page = pageContext(request, reply, settings);
    return sendPage(
      reply,
      page,
      page.t('events.new'),
      <EventForm
        page={page}
        m={m}
        form={form}
        choices={choices}
        chosen={{ openingIds: new Set(chosen.openingIds), youthIds: new Set(chosen.youthIds) }}
      />,
      status,
    );
  };
  app.get('/matching/events/new', (request, reply) =>
    formPage(
      request,
      reply,
      municipalityFor(request, 'match.run'),
      { values: { startTime: '09:30', endTime: '12:00' }, errors: {} },
      { openingIds: [], youthIds: [] },
    ),
  );
  app.post('/matching/events', async (request, reply) => {
    const m = municipalityFor(request, 'match.run');
    const body = (request.body ?? {}) as Record<string, unknown>;
    const chosen = { openingIds: many(body.openingIds), youthIds: many(body.youthIds) };
    try {
      const event = await matchEvents.create(ctxOf(request), m, { ...formValues(body), ...chosen });
      setFlash(reply, settings, { kind: 'success', key: 'events.created' });
      return reply.redirect(`/matching/events/${event.id}`, 303);
    } catch (err) {
      const { form, status } = formFromError(err, formValues(body));
      return formPage(request, reply, m, form, chosen, status);
    }
  });
  app.get('/matching/events/:id', pageWithId, async (request, reply) => {
    const data = await matchEvents.get(ctxOf(request), request.params.id);
    const page = pageContext(request, reply, settings);
    return sendPage(reply, page, data.event.title, <EventPage page={page} data={data} />);
  });
  app.get('/matching/events/:id/calendar.ics', pageWithId, async (request, reply) => {
    const ics = await matchEvents.ics(ctxOf(request), request.params.id);
    return reply
      .type('text/calendar; charset=utf-8')
      .header('content-disposition', 'attachment; filename="match-event.ics"')
      .header('cache-control', 'no-store')
      .send(ics);
  });
  app.post('/matching/events/:id/respond', pageWithId, async (request, reply) => {
    const { id } = request.params;
    await matchEvents.respond(ctxOf(request), id, formValues(request.body));
    setFlash(reply, settings, { kind: 'success', key: 'events.answered' });
    return reply.redirect(`/matching/events/${id}`, 303);
  });
}
