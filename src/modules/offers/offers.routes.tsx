import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, RouteDeps } from '../../platform/http/app.ts';
import { formValues, submitForm } from '../../platform/http/forms.ts';
import { pageContext, sendPage } from '../../platform/http/render.tsx';
import { ctxOf, setFlash } from '../../platform/http/request.ts';
import { isUuid } from '../../platform/validation.ts';
import { pageWithId } from '../../platform/http/schemas.ts';
import { emptyForm, type FormState } from '../../platform/views/components.tsx';
import { municipalityFor } from '../../platform/http/scope.ts';
import { CompanyOffersView, MyOffersView, OfferFormView, TeamOffersView } from './offers.views.tsx';

/** Pages for direct offers: the young person's answers, the company's offers and its offer form. */
export async function offersRoutes(app: App, { services, settings }: RouteDeps): Promise<void> {
  const { offers, companies } = services;

  const myPage = async (request: FastifyRequest, reply: FastifyReply, form: FormState, status = 200) => {
    const { offers: mine, today } = await offers.mine(ctxOf(request));
    const page = pageContext(request, reply, settings);
    return sendPage(reply, page, page.t('offer.my_title'), <MyOffersView page={page} offers={mine} today={today} form={form} />, status);
  };
  app.get('/me/offers', (request, reply) => myPage(request, reply, emptyForm));
  app.post('/me/offers/:id/answer', pageWithId, (request, reply) =>
    submitForm(request, reply, settings, {
      run: (values) => offers.answer(ctxOf(request), request.params.id, values),
      done: ({ internshipId }) =>
        internshipId ? { flash: 'offer.accepted', to: '/me/internships' } : { flash: 'offer.declined', to: '/me/offers' },
      again: (form, status) => myPage(request, reply, form, status),
    }),
  );

  const formPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    companyId: string,
    youthId: string,
    form: FormState,
    status = 200,
  ) => {
    const data = await offers.form(ctxOf(request), companyId, youthId);
    const page = pageContext(request, reply, settings);
    const values = { answerBy: '', source: 'directory', ...form.values };
    return sendPage(
      reply,
      page,
      page.t('offer.new_title', { name: data.youth.firstName }),
      <OfferFormView page={page} data={data} form={{ ...form, values }} />,
      status,
    );
  };
  app.get('/companies/:id/offers/new', pageWithId, (request, reply) => {
    const query = request.query as { youth?: string; source?: string; opening?: string };
    const values = { source: query.source ?? 'directory', openingId: query.opening ?? '' };
    return formPage(request, reply, request.params.id, query.youth ?? '', { ...emptyForm, values });
  });
  app.post('/companies/:id/offers', pageWithId, (request, reply) => {
    const values = formValues(request.body);
    return submitForm(request, reply, settings, {
      values,
      run: (v) => offers.make(ctxOf(request), request.params.id, v),
      done: { flash: 'offer.sent', to: `/companies/${request.params.id}/offers` },
      again: (form, status) => formPage(request, reply, request.params.id, values.youthId ?? '', form, status),
    });
  });

  // The team's view of open offers in a municipality.
  app.get('/offers', async (request, reply) => {
    const m = municipalityFor(request, 'match.read');
    const list = await offers.openIn(ctxOf(request), m);
    const page = pageContext(request, reply, settings);
    return sendPage(reply, page, page.t('offer.team_title'), <TeamOffersView page={page} offers={list} today={offers.today()} />);
  });

  app.get('/companies/:id/offers', pageWithId, async (request, reply) => {
    const ctx = ctxOf(request);
    const list = await offers.forCompany(ctx, request.params.id);
    const { company } = await companies.get(ctx, request.params.id);
    const page = pageContext(request, reply, settings);
    return sendPage(
      reply,
      page,
      page.t('offer.company_title', { company: company.name }),
      <CompanyOffersView page={page} company={company} offers={list} today={offers.today()} />,
    );
  });
  app.post('/offers/:id/withdraw', pageWithId, (request, reply) =>
    submitForm(request, reply, settings, {
      run: () => offers.withdraw(ctxOf(request), request.params.id),
      done: ({ companyId }) => ({ flash: 'offer.withdrawn', to: `/companies/${companyId}/offers` }),
      // Already answered or taken back: back to the list, which shows how it ended.
      again: (form) => {
        const companyId = formValues(request.body).companyId ?? '';
        setFlash(reply, settings, { kind: 'error', key: form.formError ?? 'errors.offer_closed' });
        return reply.redirect(isUuid(companyId) ? `/companies/${companyId}/offers` : '/dashboard', 303);
      },
    }),
  );
}
