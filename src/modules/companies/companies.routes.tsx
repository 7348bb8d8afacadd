import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, RouteDeps } from '../../platform/http/app.ts';
import { can } from '../../platform/access/policy.ts';
import { notFound } from '../../platform/errors.ts';
import { uploadedCsv } from '../../platform/http/upload.ts';
import { formFromError, formValues, submitForm } from '../../platform/http/forms.ts';
import { pageContext, sendPage } from '../../platform/http/render.tsx';
import { ctxOf, setFlash } from '../../platform/http/request.ts';
import { municipalityFor } from '../../platform/http/scope.ts';
import { emptyForm, type FormState } from '../../platform/views/components.tsx';
import { CompanyForm, CompanyListView, CompanyPage, ImportView } from './companies.views.tsx';
import { NetworkMeetingPage, NetworkMeetingsView } from './network-meetings.views.tsx';
import { pageWithId } from '../../platform/http/schemas.ts';

export async function companiesRoutes(app: App, { services, settings }: RouteDeps): Promise<void> {
  const { companies } = services;

  app.get('/companies', async (request, reply) => {
    const m = municipalityFor(request, 'company.read_internal');
    const q = request.query as Record<string, string | undefined>;
    const filter = { q: q.q ?? '', status: q.status ?? '', trade: q.trade ?? '' };
    const result = await companies.list(ctxOf(request), m, { ...filter, page: Number(q.page) || 1 });
    const page = pageContext(request, reply, settings);
    const canCreate = can(request.actor!, 'company.create', [{ municipalityId: m }]);
    return sendPage(
      reply,
      page,
      page.t('company.list_title'),
      <CompanyListView
        page={page}
        m={m}
        rows={result.rows}
        total={result.total}
        pageNo={result.page}
        filter={filter}
        canCreate={canCreate}
      />,
    );
  });

  const newForm = (request: FastifyRequest, reply: FastifyReply, m: string, form: FormState, status = 200) => {
    const page = pageContext(request, reply, settings);
    return sendPage(
      reply,
      page,
      page.t('company.new'),
      <CompanyForm page={page} form={form} action={`/companies?m=${m}`} title={page.t('company.new')} />,
      status,
    );
  };

  app.get('/companies/new', (request, reply) => {
    const m = municipalityFor(request, 'company.create');
    return newForm(request, reply, m, { values: { size: '1-9' }, errors: {} });
  });

  app.post('/companies', (request, reply) => {
    const m = municipalityFor(request, 'company.create');
    return submitForm(request, reply, settings, {
      run: (values) => companies.create(ctxOf(request), m, values),
      done: (c) => ({ flash: 'company.created', flashParams: { name: c.name }, to: `/companies/${c.id}` }),
      again: (form, status) => newForm(request, reply, m, form, status),
    });
  });

  const show = async (
    request: FastifyRequest,
    reply: FastifyReply,
    forms: { status?: FormState; log?: FormState; invite?: FormState } = {},
    status = 200,
  ) => {
    const view = await companies.get(ctxOf(request), (request.params as { id: string }).id);
    const free = await services.offers.freeSeats(view.openings.map((o) => o.id));
    const page = pageContext(request, reply, settings);
    return sendPage(
      reply,
      page,
      view.company.name,
      <CompanyPage
        page={page}
        view={view}
        free={free}
        statusForm={forms.status ?? emptyForm}
        logForm={forms.log ?? emptyForm}
        inviteForm={forms.invite ?? emptyForm}
      />,
      status,
    );
  };

  app.get('/companies/:id', (request, reply) => show(request, reply));

  app.post('/companies/:id/status', pageWithId, (request, reply) =>
    submitForm(request, reply, settings, {
      run: (values) => companies.setStatus(ctxOf(request), request.params.id, values),
      done: { flash: 'company.status_changed', to: `/companies/${request.params.id}` },
      again: (form, status) => show(request, reply, { status: form }, status),
    }),
  );

  app.post('/companies/:id/contacts', pageWithId, (request, reply) =>
    submitForm(request, reply, settings, {
      run: (values) => companies.inviteContact(ctxOf(request), request.params.id, values, request.locale),
      done: ({ email }) => ({ flash: 'invite.sent', flashParams: { email }, to: `/companies/${request.params.id}` }),
      again: (form, status) => show(request, reply, { invite: form }, status),
    }),
  );

  app.post('/companies/:id/contact-log', pageWithId, (request, reply) =>
    submitForm(request, reply, settings, {
      run: (values) => companies.logContact(ctxOf(request), request.params.id, values),
      done: { flash: 'company.contact_logged', to: `/companies/${request.params.id}` },
      again: (form, status) => show(request, reply, { log: form }, status),
    }),
  );

  const editForm = async (request: FastifyRequest, reply: FastifyReply, form: FormState | null, status = 200) => {
    const { id } = request.params as { id: string };
    const view = await companies.get(ctxOf(request), id);
    if (!view.canEdit) throw notFound();
    const c = view.company;
    const values = form?.values ?? {
      name: c.name,
      cvr: c.cvr,
      tradeSection: c.tradeSection,
      address: c.address,
      postalCode: c.postalCode,
      area: c.area,
      size: c.size,
      whyJoined: c.whyJoined,
    };
    const page = pageContext(request, reply, settings);
    return sendPage(
      reply,
      page,
      page.t('company.edit'),
      <CompanyForm
        page={page}
        form={{ ...(form ?? emptyForm), values }}
        action={`/companies/${id}/edit`}
        title={`${page.t('company.edit')}: ${c.name}`}
      />,
      status,
    );
  };

  app.get('/companies/:id/edit', (request, reply) => editForm(request, reply, null));

  app.post('/companies/:id/edit', pageWithId, (request, reply) =>
    submitForm(request, reply, settings, {
      run: (values) => companies.update(ctxOf(request), request.params.id, values),
      done: { flash: 'company.saved', to: `/companies/${request.params.id}` },
      again: (form, status) => editForm(request, reply, form, status),
    }),
  );

  // Network meetings planned ahead (decision 0031).
  const { networkMeetings } = services;
  const meetingsPage = async (request: FastifyRequest, reply: FastifyReply, m: string, form: FormState, status = 200) => {
    const data = await networkMeetings.list(ctxOf(request), m);
    const page = pageContext(request, reply, settings);
    return sendPage(
      reply,
      page,
      page.t('nm.title'),
      <NetworkMeetingsView page={page} m={m} upcoming={data.upcoming} past={data.past} companies={data.companies} form={form} />,
      status,
    );
  };

  app.get('/network-meetings', (request, reply) =>
    meetingsPage(request, reply, municipalityFor(request, 'network_meeting.manage'), {
      values: { invite: 'all', minutes: '120' },
      errors: {},
    }),
  );

  const idsOf = (body: Record<string, unknown>) => {
    const raw = body.companyIds;
    return Array.isArray(raw) ? raw.filter((v) => typeof v === 'string').join(',') : typeof raw === 'string' ? raw : '';
  };

  app.post('/network-meetings', async (request, reply) => {
    const m = municipalityFor(request, 'network_meeting.manage');
    const body = (request.body ?? {}) as Record<string, unknown>;
    try {
      const meeting = await networkMeetings.plan(ctxOf(request), m, body);
      setFlash(reply, settings, { kind: 'success', key: 'nm.planned' });
      return reply.redirect(`/network-meetings/${meeting.id}`, 303);
    } catch (err) {
      const { form, status } = formFromError(err, { ...formValues(body), companyIds: idsOf(body) });
      return meetingsPage(request, reply, m, form, status);
    }
  });

  const meetingPage = async (request: FastifyRequest, reply: FastifyReply, form: FormState, status = 200) => {
    const { id } = request.params as { id: string };
    const data = await networkMeetings.get(ctxOf(request), id);
    const page = pageContext(request, reply, settings);
    return sendPage(reply, page, data.meeting.theme, <NetworkMeetingPage page={page} data={data} form={form} />, status);
  };

  app.get('/network-meetings/:id', pageWithId, (request, reply) => meetingPage(request, reply, emptyForm));

  app.post('/network-meetings/:id/answer', pageWithId, (request, reply) =>
    submitForm(request, reply, settings, {
      run: (values) => networkMeetings.answer(ctxOf(request), request.params.id, values),
      done: (response) => ({ flash: `nm.answered.${response}`, to: `/network-meetings/${request.params.id}` }),
      again: (form, status) => meetingPage(request, reply, form, status),
    }),
  );

  app.post('/network-meetings/:id/attendance', pageWithId, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    try {
      await networkMeetings.recordAttendance(ctxOf(request), request.params.id, body);
      setFlash(reply, settings, { kind: 'success', key: 'nm.attendance_saved' });
      return reply.redirect(`/network-meetings/${request.params.id}`, 303);
    } catch (err) {
      const { form, status } = formFromError(err, { companyIds: idsOf(body) });
      return meetingPage(request, reply, form, status);
    }
  });

  app.get('/network-meetings/:id/calendar.ics', pageWithId, async (request, reply) => {
    const ics = await networkMeetings.ics(ctxOf(request), request.params.id);
    return reply
      .type('text/calendar; charset=utf-8')
      .header('content-disposition', 'attachment; filename="netvaerksmoede.ics"')
      .header('cache-control', 'no-store')
      .send(ics);
  });
}

/** CSV export of companies and openings, and the all-or-nothing import of companies. */
export async function companiesCsvRoutes(app: App, { services, settings }: RouteDeps): Promise<void> {
  const sendCsv = (reply: FastifyReply, name: string, csv: string) =>
    reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${name}"`)
      .header('cache-control', 'no-store')
      .send(csv);

  app.get('/companies/export.csv', async (request, reply) =>
    sendCsv(
      reply,
      'virksomheder.csv',
      await services.companiesCsv.exportCompanies(ctxOf(request), municipalityFor(request, 'company.read_internal')),
    ),
  );
  app.get('/openings/export.csv', async (request, reply) =>
    sendCsv(
      reply,
      'praktikmuligheder.csv',
      await services.companiesCsv.exportOpenings(ctxOf(request), municipalityFor(request, 'company.read_internal')),
    ),
  );

  const importPage = (request: FastifyRequest, reply: FastifyReply, m: string, form: FormState, status = 200) => {
    const page = pageContext(request, reply, settings);
    return sendPage(reply, page, page.t('import.title'), <ImportView page={page} m={m} form={form} />, status);
  };

  app.get('/companies/import', (request, reply) => importPage(request, reply, municipalityFor(request, 'company.create'), emptyForm));

  app.post('/companies/import', async (request, reply) => {
    const m = municipalityFor(request, 'company.create');
    try {
      const { imported } = await services.companiesCsv.importCompanies(ctxOf(request), m, await uploadedCsv(request));
      setFlash(reply, settings, { kind: 'success', key: 'import.done', params: { count: imported } });
      return reply.redirect(`/companies?m=${m}`, 303);
    } catch (err) {
      const { form, status } = formFromError(err, {});
      return importPage(request, reply, m, form, status);
    }
  });
}
