import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, RouteDeps } from '../../platform/http/app.ts';
import { can } from '../../platform/access/policy.ts';
import { localDate } from '../../platform/dates.ts';
import { nestForm, submitForm } from '../../platform/http/forms.ts';
import { pageContext, sendPage } from '../../platform/http/render.tsx';
import { ctxOf } from '../../platform/http/request.ts';
import { emptyForm, type FormState } from '../../platform/views/components.tsx';
import { MovementPage, MyMovementPage } from './movement.views.tsx';
import { pageWithId } from '../../platform/http/schemas.ts';

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
  app.post('/youth/:id/movement', pageWithId, (request, reply) =>
    submitForm(request, reply, settings, {
      run: (values) => movement.score(ctxOf(request), request.params.id, nestForm(values)),
      done: { flash: 'movement.saved', to: `/youth/${request.params.id}/movement` },
      again: (form, status) => teamPage(request, reply, form, status),
    }),
  );

  const myPage = async (request: FastifyRequest, reply: FastifyReply, form: FormState, status = 200) => {
    const assessments = await movement.mine(ctxOf(request));
    const page = pageContext(request, reply, settings);
    return sendPage(reply, page, page.t('my_movement.title'), <MyMovementPage page={page} assessments={assessments} form={form} />, status);
  };
  app.get('/me/movement', (request, reply) => myPage(request, reply, emptyForm));
  app.post('/me/movement/:id', pageWithId, (request, reply) =>
    submitForm(request, reply, settings, {
      run: (values) => movement.scoreOwn(ctxOf(request), request.params.id, nestForm(values)),
      done: { flash: 'my_movement.saved', to: '/me/movement' },
      again: (form, status) => myPage(request, reply, form, status),
    }),
  );
}
