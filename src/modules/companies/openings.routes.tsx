import { WishButton } from '../matching/wishes.views.tsx';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, RouteDeps } from '../../platform/http/app.ts';
import { can } from '../../platform/access/policy.ts';
import { notFound } from '../../platform/errors.ts';
import { submitForm } from '../../platform/http/forms.ts';
import { pageContext, sendPage } from '../../platform/http/render.tsx';
import { ctxOf } from '../../platform/http/request.ts';
import { municipalityFor } from '../../platform/http/scope.ts';
import type { FormState } from '../../platform/views/components.tsx';
import { DirectoryView, OpeningForm, OpeningPage } from './openings.views.tsx';
import { pageWithId } from '../../platform/http/schemas.ts';

export async function openingsRoutes(app: App, { services, settings }: RouteDeps): Promise<void> {
  const { openings, companies } = services;

  app.get('/openings', async (request, reply) => {
    const m = municipalityFor(request, 'company.read');
    const result = await openings.search(ctxOf(request), m, request.query);
    const areas = await openings.areas(ctxOf(request), m);
    const free = await services.offers.freeSeats(result.hits.map((h) => h.opening.id));
    const page = pageContext(request, reply, settings);
    return sendPage(
      reply,
      page,
      page.t('directory.title'),
      <DirectoryView
        page={page}
        m={m}
        query={result.query}
        areas={areas}
        hits={result.hits}
        total={result.total}
        pages={result.pages}
        fuzzy={result.fuzzy}
        free={free}
      />,
    );
  });

  app.get('/openings/:id', pageWithId, async (request, reply) => {
    const opening = await openings.get(ctxOf(request), request.params.id);
    const actor = request.actor!;
    const canEdit = can(actor, 'opening.update', [{ municipalityId: opening.municipalityId, companyId: opening.companyId }]);
    // A young person in the municipality can put a published opening on their wishes.
    const canWish = opening.published && can(actor, 'match.wish', [{ municipalityId: opening.municipalityId, ownerUserId: actor.userId }]);
    const wished = canWish ? (await services.wishes.mine(ctxOf(request))).wishes.some((w) => w.openingId === opening.id) : false;
    const free = (await services.offers.freeSeats([opening.id])).get(opening.id) ?? 0;
    const page = pageContext(request, reply, settings);
    return sendPage(
      reply,
      page,
      opening.title,
      <OpeningPage
        page={page}
        opening={opening}
        canEdit={canEdit}
        free={free}
        wish={canWish ? <WishButton page={page} openingId={opening.id} wished={wished} /> : null}
      />,
    );
  });

  const form = async (
    request: FastifyRequest,
    reply: FastifyReply,
    o: { companyId: string; action: string; title: string; form: FormState; status?: number },
  ) => {
    const view = await companies.get(ctxOf(request), o.companyId);
    if (!can(request.actor!, 'opening.update', [{ municipalityId: view.company.municipalityId, companyId: view.company.id }]))
      throw notFound();
    const supervisors = (view.internal?.contacts ?? []).map((c) => ({ value: c.id, label: c.name }));
    const page = pageContext(request, reply, settings);
    return sendPage(
      reply,
      page,
      o.title,
      <OpeningForm page={page} form={o.form} action={o.action} title={o.title} supervisors={supervisors} />,
      o.status,
    );
  };

  app.get('/companies/:id/openings/new', pageWithId, (request, reply) => {
    const { id } = request.params;
    const t = pageContext(request, reply, settings).t;
    return form(request, reply, {
      companyId: id,
      action: `/companies/${id}/openings`,
      title: t('opening.new'),
      form: { values: { durationMonths: '3', seats: '1', weeklyHours: '20' }, errors: {} },
    });
  });

  app.post('/companies/:id/openings', pageWithId, (request, reply) => {
    const { id } = request.params;
    return submitForm(request, reply, settings, {
      run: (values) => openings.create(ctxOf(request), id, values),
      done: (o) => ({ flash: 'opening.created', to: `/openings/${o.id}` }),
      again: (f, status) =>
        form(request, reply, {
          companyId: id,
          action: `/companies/${id}/openings`,
          title: pageContext(request, reply, settings).t('opening.new'),
          form: f,
          status,
        }),
    });
  });

  const editForm = async (request: FastifyRequest, reply: FastifyReply, f: FormState | null, status = 200) => {
    const o = await openings.get(ctxOf(request), (request.params as { id: string }).id);
    const values = f?.values ?? {
      title: o.title,
      tasks: o.tasks,
      place: o.place,
      weeklyHours: String(o.weeklyHours),
      durationMonths: String(o.durationMonths),
      seats: String(o.seats),
      startFrom: o.startFrom,
      learning: o.learning,
      supervisorUserId: o.supervisorUserId ?? '',
      published: o.published ? 'on' : '',
    };
    const title = pageContext(request, reply, settings).t('opening.edit');
    return form(request, reply, {
      companyId: o.companyId,
      action: `/openings/${o.id}/edit`,
      title,
      form: { errors: f?.errors ?? {}, formError: f?.formError, values },
      status,
    });
  };

  app.get('/openings/:id/edit', (request, reply) => editForm(request, reply, null));

  app.post('/openings/:id/edit', pageWithId, (request, reply) =>
    submitForm(request, reply, settings, {
      run: (values) => openings.update(ctxOf(request), request.params.id, values),
      done: { flash: 'opening.saved', to: `/openings/${request.params.id}` },
      again: (f, status) => editForm(request, reply, f, status),
    }),
  );
}
