import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, RouteDeps } from '../../platform/http/app.ts';
import { can } from '../../platform/access/policy.ts';
import { submitForm } from '../../platform/http/forms.ts';
import { pageContext, sendPage } from '../../platform/http/render.tsx';
import { ctxOf } from '../../platform/http/request.ts';
import { pageWithId } from '../../platform/http/schemas.ts';
import { chosenMunicipality, municipalityFor } from '../../platform/http/scope.ts';
import { emptyForm, type FormState } from '../../platform/views/components.tsx';
import { PartnershipDetail, PartnershipsPage, acceptFieldName, acceptFields } from './partners.views.tsx';

/** ViVirk'R's partnerships (#17): the list, the team's institutions and agreements, one partnership. */
export async function partnersRoutes(app: App, { services, settings }: RouteDeps): Promise<void> {
  const { partners } = services;

  const listPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    forms: { form?: FormState; institutionForm?: FormState },
    status = 200,
  ) => {
    const ctx = ctxOf(request);
    const actor = services.access.requireActor(ctx);
    const partnerships = await partners.list(ctx);
    const m = chosenMunicipality(request, actor, (id) => can(actor, 'partnership.manage', [{ municipalityId: id }]));
    const manage =
      m && can(actor, 'partnership.manage', [{ municipalityId: m }])
        ? { municipalityId: m, ...(await partners.institutions(ctx, m)) }
        : null;
    const page = pageContext(request, reply, settings);
    return sendPage(
      reply,
      page,
      page.t('partnership.title'),
      <PartnershipsPage
        page={page}
        partnerships={partnerships}
        manage={manage}
        form={forms.form ?? { values: { targetYouth: '10', status: 'planned' }, errors: {} }}
        institutionForm={forms.institutionForm ?? emptyForm}
      />,
      status,
    );
  };
  app.get('/partnerships', (request, reply) => listPage(request, reply, {}));
  app.post('/partnerships', (request, reply) =>
    submitForm(request, reply, settings, {
      run: (values) => partners.create(ctxOf(request), municipalityFor(request, 'partnership.manage'), values),
      done: (p) => ({ flash: 'partnership.created', to: `/partnerships/${p.id}` }),
      again: (form, status) => listPage(request, reply, { form }, status),
    }),
  );
  app.post('/institutions', (request, reply) =>
    submitForm(request, reply, settings, {
      run: (values) => partners.createInstitution(ctxOf(request), municipalityFor(request, 'partnership.manage'), values),
      done: { flash: 'partnership.institution_created', to: '/partnerships#institutions' },
      again: (institutionForm, status) => listPage(request, reply, { institutionForm }, status),
    }),
  );
  app.post('/institutions/:id/contacts', pageWithId, (request, reply) =>
    submitForm(request, reply, settings, {
      run: (values) => partners.addContact(ctxOf(request), request.params.id, { userId: values[`userId-${request.params.id}`] ?? '' }),
      done: { flash: 'partnership.contact_linked', to: '/partnerships#institutions' },
      again: (_form, status) => listPage(request, reply, {}, status),
    }),
  );

  const detail = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    form: FormState,
    status = 200,
    more: { handoverForm?: FormState; acceptForm?: FormState } = {},
  ) => {
    const data = await partners.get(ctxOf(request), id);
    const page = pageContext(request, reply, settings);
    const title = page.t('partnership.heading', { institution: data.partnership.institutionName, start: data.partnership.startsOn });
    return sendPage(reply, page, title, <PartnershipDetail page={page} data={data} form={form} {...more} />, status);
  };
  app.post('/partnerships/:id/handovers', pageWithId, (request, reply) =>
    submitForm(request, reply, settings, {
      run: (values) => partners.requestHandover(ctxOf(request), request.params.id, values),
      done: { flash: 'handover.sent', to: `/partnerships/${request.params.id}#handovers` },
      again: (handoverForm, status) => detail(request, reply, request.params.id, emptyForm, status, { handoverForm }),
    }),
  );
  // The team accepts a hand-over by referring the young person (the youth module's rules).
  app.post('/handovers/:id/accept', pageWithId, async (request, reply) => {
    const h = request.params.id;
    const values = request.body && typeof request.body === 'object' ? (request.body as Record<string, string>) : {};
    const input = Object.fromEntries(acceptFields.map((f) => [f, values[acceptFieldName(h, f)] ?? '']));
    const partnershipId = await partners.handoverPartnership(ctxOf(request), h);
    return submitForm(request, reply, settings, {
      run: () => partners.acceptHandover(ctxOf(request), h, input, pageContext(request, reply, settings).locale),
      done: (r) => ({ flash: 'handover.accepted', to: `/partnerships/${r.partnershipId}` }),
      rename: Object.fromEntries(acceptFields.map((f) => [f, acceptFieldName(h, f)])),
      again: (acceptForm, status) => detail(request, reply, partnershipId, emptyForm, status, { acceptForm }),
    });
  });
  app.get('/partnerships/:id', pageWithId, (request, reply) => detail(request, reply, request.params.id, emptyForm));
  app.post('/partnerships/:id/youth', pageWithId, (request, reply) =>
    submitForm(request, reply, settings, {
      run: (values) => partners.addYouth(ctxOf(request), request.params.id, values),
      done: { flash: 'partnership.added', to: `/partnerships/${request.params.id}` },
      again: (form, status) => detail(request, reply, request.params.id, form, status),
    }),
  );
}
