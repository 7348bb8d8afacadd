import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, RouteDeps } from '../../platform/http/app.ts';
import { can } from '../../platform/access/policy.ts';
import { localDate } from '../../platform/dates.ts';
import { formFromError, formValues, nestForm } from '../../platform/http/forms.ts';
import { pageContext, sendPage } from '../../platform/http/render.tsx';
import { ctxOf, setFlash } from '../../platform/http/request.ts';
import { emptyForm, type FormState } from '../../platform/views/components.tsx';
import { MovementPage, MyMovementPage } from './movement.views.tsx';

/** Movement tracking: the team's page per young person, and the young person's own. */
export async function movementRoutes(app: App, { services, settings }: RouteDeps): Promise<void> {
  const { movement } = services;

  const teamPage = async (request: FastifyRequest, reply: FastifyReply, form: FormState, status = 200) => {
    const { id } = request.params as { id: string };
    const { youth: y, assessments } = await movement.history(ctxOf(request), id);
    const page = pageContext(request, reply, settings);
    const name = `${y.firstName} ${y.lastName}`;
    const canScore = can(request.actor!, 'movement.score', [{ municipalityId: y.municipalityId }]);
    const shown = form === emptyForm ? { values: { assessedOn: localDate(services.clock.now()) }, errors: {} } : form;
    return sendPage(
      reply,
      page,
      page.t('movement.title', { name }),
      <MovementPage page={page} youthId={id} name={name} assessments={assessments} canScore={canScore} form={shown} />,
      status,
    );
  };
  app.get('/youth/:id/movement', (request, reply) => teamPage(request, reply, emptyForm));
  app.post('/youth/:id/movement', async (request, reply) => {
    const { id } = request.params as { id: string };
    const values = formValues(request.body);
    try {
      await movement.score(ctxOf(request), id, nestForm(values));
      setFlash(reply, settings, { kind: 'success', key: 'movement.saved' });
      return reply.redirect(`/youth/${id}/movement`, 303);
    } catch (err) {
      const { form, status } = formFromError(err, values);
      return teamPage(request, reply, form, status);
    }
  });

  const myPage = async (request: FastifyRequest, reply: FastifyReply, form: FormState, status = 200) => {
    const assessments = await movement.mine(ctxOf(request));
    const page = pageContext(request, reply, settings);
    return sendPage(reply, page, page.t('my_movement.title'), <MyMovementPage page={page} assessments={assessments} form={form} />, status);
  };
  app.get('/me/movement', (request, reply) => myPage(request, reply, emptyForm));
  app.post('/me/movement/:id', async (request, reply) => {
    const values = formValues(request.body);
    try {
      await movement.scoreOwn(ctxOf(request), (request.params as { id: string }).id, nestForm(values));
      setFlash(reply, settings, { kind: 'success', key: 'my_movement.saved' });
      return reply.redirect('/me/movement', 303);
    } catch (err) {
      const { form, status } = formFromError(err, values);
      return myPage(request, reply, form, status);
    }
  });
}
