import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, RouteDeps } from '../../platform/http/app.ts';
import { formFromError, formValues } from '../../platform/http/forms.ts';
import { pageContext, sendPage } from '../../platform/http/render.tsx';
import { ctxOf, setFlash } from '../../platform/http/request.ts';
import type { FormState } from '../../platform/views/components.tsx';
import { NotificationsView } from './notifications.views.tsx';

export async function notificationsRoutes(app: App, { services, settings }: RouteDeps): Promise<void> {
  const { notifications } = services;

  const page = async (
    request: FastifyRequest,
    reply: FastifyReply,
    form: FormState | null,
    newFeedUrl: string | null = null,
    status = 200,
  ) => {
    const ctx = ctxOf(request);
    const [prefs, recent] = await Promise.all([notifications.preferences(ctx), notifications.recent(ctx)]);
    const p = pageContext(request, reply, settings);
    reply.header('cache-control', 'no-store');
    return sendPage(
      reply,
      p,
      p.t('notifications.title'),
      <NotificationsView page={p} prefs={prefs} form={form} recent={recent} newFeedUrl={newFeedUrl} />,
      status,
    );
  };

  app.get('/me/notifications', (request, reply) => page(request, reply, null));

  app.post('/me/notifications', async (request, reply) => {
    const values = formValues(request.body);
    try {
      await notifications.savePreferences(ctxOf(request), values);
      setFlash(reply, settings, { kind: 'success', key: 'notifications.saved' });
      return reply.redirect('/me/notifications', 303);
    } catch (err) {
      const { form, status } = formFromError(err, values);
      return page(request, reply, form, null, status);
    }
  });

  // The new secret URL is shown once, on the response to the request that made it.
  app.post('/me/calendar', async (request, reply) => page(request, reply, null, await notifications.newCalendarFeed(ctxOf(request))));

  app.post('/me/calendar/revoke', async (request, reply) => {
    await notifications.revokeCalendarFeed(ctxOf(request));
    setFlash(reply, settings, { kind: 'success', key: 'calendar.revoked' });
    return reply.redirect('/me/notifications', 303);
  });

  app.get('/calendar/:file', async (request, reply) => {
    const { file } = request.params as { file: string };
    const ics = await notifications.calendar(ctxOf(request), file.replace(/\.ics$/, ''));
    return reply
      .type('text/calendar; charset=utf-8')
      .header('cache-control', 'private, no-store')
      .header('referrer-policy', 'no-referrer')
      .send(ics);
  });
}
