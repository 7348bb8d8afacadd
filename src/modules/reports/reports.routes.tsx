import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, RouteDeps } from '../../platform/http/app.ts';
import { can } from '../../platform/access/policy.ts';
import { formValues, submitForm } from '../../platform/http/forms.ts';
import { pageContext, sendPage } from '../../platform/http/render.tsx';
import { ctxOf, setFlash } from '../../platform/http/request.ts';
import { chosenMunicipality, municipalityFor } from '../../platform/http/scope.ts';
import { notFound } from '../../platform/errors.ts';
import { emptyForm, type FormState } from '../../platform/views/components.tsx';
import { reportPdf } from './report.pdf.ts';
import { InboxView, MyReportPage, MyReportsView, ReportPage, ReportsListView } from './reports.views.tsx';
import { pageWithId } from '../../platform/http/schemas.ts';

/** The 6-weekly reports: the team's list and editor, the caseworker's inbox, and the young person's own. */
export async function reportsRoutes(app: App, { services, settings }: RouteDeps): Promise<void> {
  const { reports } = services;

  app.get('/reports', async (request, reply) => {
    const team =
      request.actor && request.actor.memberships.some((m) => can(request.actor!, 'report.read', [{ municipalityId: m.municipalityId }]));
    const actor = request.actor;
    // A caseworker's inbox is of their own young people: the policy checks the caseworker on the target.
    const m =
      team || !actor
        ? municipalityFor(request, 'report.read')
        : chosenMunicipality(request, actor, (id) =>
            can(actor, 'report.receive', [{ municipalityId: id, caseworkerUserId: actor.userId }]),
          );
    if (!m) throw notFound();
    const page = pageContext(request, reply, settings);
    if (team)
      return sendPage(
        reply,
        page,
        page.t('reports.title'),
        <ReportsListView page={page} rows={await reports.overview(ctxOf(request), m)} />,
      );
    return sendPage(reply, page, page.t('reports.inbox_title'), <InboxView page={page} rows={await reports.inbox(ctxOf(request), m)} />);
  });

  const show = async (request: FastifyRequest, reply: FastifyReply, form: FormState, status = 200) => {
    const { report, reader, consent } = await reports.get(ctxOf(request), (request.params as { id: string }).id);
    const page = pageContext(request, reply, settings);
    const editable =
      reader === 'team' && report.status === 'draft' && can(request.actor!, 'report.write', [{ municipalityId: report.municipalityId }]);
    return sendPage(
      reply,
      page,
      page.t('report.heading', { name: `${report.firstName} ${report.lastName}` }),
      <ReportPage page={page} r={report} editable={editable} form={form} consent={consent} />,
      status,
    );
  };
  app.get('/reports/:id', (request, reply) => show(request, reply, emptyForm));
  app.post('/reports/:id', pageWithId, (request, reply) => {
    const { id } = request.params;
    const approve = formValues(request.body).intent === 'approve';
    return submitForm(request, reply, settings, {
      run: (values) => (approve ? reports.approve(ctxOf(request), id, values) : reports.update(ctxOf(request), id, values)),
      done: { flash: approve ? 'report.approved' : 'report.saved', to: `/reports/${id}` },
      again: (form, status) => show(request, reply, form, status),
    });
  });

  app.get('/reports/:id/pdf', pageWithId, async (request, reply) => {
    const { report } = await reports.get(ctxOf(request), request.params.id, 'pdf');
    const page = pageContext(request, reply, settings);
    const pdf = await reportPdf(report, page.t, page.locale);
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `attachment; filename="rapport-${report.periodEnd}-${report.id.slice(0, 8)}.pdf"`)
      .header('cache-control', 'no-store')
      .send(pdf);
  });

  app.get('/me/reports', async (request, reply) => {
    const data = await reports.mine(ctxOf(request));
    const page = pageContext(request, reply, settings);
    return sendPage(reply, page, page.t('my_reports.title'), <MyReportsView page={page} consent={data.consent} reports={data.reports} />);
  });
  app.post('/me/reports/consent', async (request, reply) => {
    await reports.setConsent(ctxOf(request), formValues(request.body));
    setFlash(reply, settings, { kind: 'success', key: 'my_reports.consent_saved' });
    return reply.redirect('/me/reports', 303);
  });

  const mine = async (request: FastifyRequest, reply: FastifyReply, form: FormState, status = 200) => {
    const { report, consent } = await reports.get(ctxOf(request), (request.params as { id: string }).id);
    const page = pageContext(request, reply, settings);
    return sendPage(
      reply,
      page,
      page.t('my_reports.heading', { end: report.periodEnd }),
      <MyReportPage page={page} r={report} consent={consent} form={form} />,
      status,
    );
  };
  app.get('/me/reports/:id', (request, reply) => mine(request, reply, emptyForm));
  app.post('/me/reports/:id/hold-back', pageWithId, async (request, reply) => {
    const values = formValues(request.body);
    await reports.holdBack(ctxOf(request), request.params.id, values);
    setFlash(reply, settings, { kind: 'success', key: values.holdBack ? 'my_reports.held_back_saved' : 'my_reports.released_saved' });
    return reply.redirect(`/me/reports/${request.params.id}`, 303);
  });
  app.post('/me/reports/:id/confirm', pageWithId, (request, reply) =>
    submitForm(request, reply, settings, {
      run: (values) => reports.confirm(ctxOf(request), request.params.id, values),
      done: (outcome) => ({ flash: outcome === 'sent' ? 'my_reports.sent' : 'my_reports.held', to: '/me/reports' }),
      again: (form, status) => mine(request, reply, form, status),
    }),
  );
}
