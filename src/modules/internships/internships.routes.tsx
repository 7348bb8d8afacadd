import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, RouteDeps } from '../../platform/http/app.ts';
import { type Actor, can } from '../../platform/access/policy.ts';
import { localDate } from '../../platform/dates.ts';
import { AppError } from '../../platform/errors.ts';
import { formFromError, formValues, submitForm } from '../../platform/http/forms.ts';
import { pageContext, sendPage } from '../../platform/http/render.tsx';
import { ctxOf, setFlash } from '../../platform/http/request.ts';
import { chosenMunicipality } from '../../platform/http/scope.ts';
import { Alert, emptyForm, type FormState } from '../../platform/views/components.tsx';
import { notFound } from '../../platform/errors.ts';
import { FeedbackForm, FeedbackThanks, MyInternshipsView } from './feedback.views.tsx';
import type { InternshipView as Internship } from './internships.repository.ts';
import { InternshipView } from './internship-page.views.tsx';
import { InternshipListView, PlanForm } from './internships.views.tsx';
import { pageWithId } from '../../platform/http/schemas.ts';

/** The municipality for the internship pages: where the actor is on the team, or a company contact. */
function internshipMunicipality(request: FastifyRequest): string {
  const actor = request.actor;
  if (!actor) throw new AppError('unauthenticated', 'errors.unauthenticated');
  const m = chosenMunicipality(
    request,
    actor,
    (id) =>
      can(actor, 'internship.read_concerns', [{ municipalityId: id }]) ||
      actor.memberships.some((x) => x.role === 'company_contact' && x.municipalityId === id),
  );
  if (!m) throw notFound();
  return m;
}

const sideOf = (actor: Actor, i: Internship): 'company' | 'youth' | 'team' =>
  actor.companyIds?.includes(i.companyId) ? 'company' : i.youthUserId === actor.userId ? 'youth' : 'team';

export async function internshipsRoutes(app: App, { services, settings }: RouteDeps): Promise<void> {
  const { internships, feedback, internshipOverview } = services;
  const today = () => localDate(services.clock.now());

  app.get('/internships', async (request, reply) => {
    const m = internshipMunicipality(request);
    const ctx = ctxOf(request);
    const actor = request.actor!;
    const team = can(actor, 'internship.read_concerns', [{ municipalityId: m }]);
    const [rows, overview] = await Promise.all([internships.list(ctx, m), team ? internshipOverview.team(ctx, m) : null]);
    const page = pageContext(request, reply, settings);
    const canPlan = can(actor, 'internship.manage', [{ municipalityId: m }]);
    return sendPage(
      reply,
      page,
      page.t('internship.list_title'),
      <InternshipListView page={page} m={m} rows={rows} overview={overview} canPlan={canPlan} />,
    );
  });

  const planPage = async (request: FastifyRequest, reply: FastifyReply, m: string, form: FormState, status = 200) => {
    const choices = await internships.planChoices(ctxOf(request), m);
    const page = pageContext(request, reply, settings);
    return sendPage(reply, page, page.t('internship.plan'), <PlanForm page={page} m={m} form={form} choices={choices} />, status);
  };

  app.get('/internships/new', (request, reply) => {
    const q = request.query as Record<string, string | undefined>;
    const m = internshipMunicipality(request);
    return planPage(request, reply, m, {
      values: { chosenOn: today(), agreedStart: today(), weeklyHours: '20', youthId: q.youth ?? '', previousId: q.previous ?? '' },
      errors: {},
    });
  });

  app.post('/internships', async (request, reply) => {
    const m = internshipMunicipality(request);
    const values = formValues(request.body);
    try {
      const created = await internships.plan(ctxOf(request), m, values);
      setFlash(reply, settings, { kind: 'success', key: 'internship.planned' });
      return reply.redirect(`/internships/${created.id}`, 303);
    } catch (err) {
      const { form, status } = formFromError(err, values);
      return planPage(request, reply, m, form, status);
    }
  });

  const show = async (request: FastifyRequest, reply: FastifyReply, form: FormState, status = 200) => {
    const ctx = ctxOf(request);
    const id = (request.params as { id: string }).id;
    const data = await internships.get(ctx, id);
    const rows = await feedback.list(ctx, id);
    const meetings = await services.meetings.list(ctx, id);
    const actor = request.actor!;
    const side = sideOf(actor, data.i);
    // The young person sees their own people beside their internship.
    const people = side === 'youth' ? await services.youthPeople.mine(ctx) : null;
    const page = pageContext(request, reply, settings);
    const canGiveFeedback = can(actor, 'internship.feedback', [{ municipalityId: data.i.municipalityId, companyId: data.i.companyId }]);
    return sendPage(
      reply,
      page,
      page.t('internship.title', { youth: data.i.youthFirstName, company: data.i.companyName }),
      <InternshipView
        page={page}
        data={data}
        feedback={rows}
        form={form}
        side={side}
        canGiveFeedback={canGiveFeedback}
        today={today()}
        meetings={meetings}
        canPlanMeeting={can(actor, 'internship.meeting', [{ municipalityId: data.i.municipalityId, companyId: data.i.companyId }])}
        canEditDayOne={can(actor, 'internship.day_one', [{ municipalityId: data.i.municipalityId, companyId: data.i.companyId }])}
        people={people}
        canMessage={can(actor, 'message.read', [
          { municipalityId: data.i.municipalityId, companyId: data.i.companyId, ownerUserId: data.i.youthUserId },
        ])}
      />,
      status,
    );
  };

  app.get('/internships/:id', (request, reply) => show(request, reply, emptyForm));

  /** A team action on the internship page: on failure the page shows the form with its errors. */
  const action = (
    path: string,
    name: (values: Record<string, string>) => string,
    run: (request: FastifyRequest, id: string, values: Record<string, string>) => Promise<unknown>,
    flash: string,
  ) => {
    app.post(`/internships/:id/${path}`, async (request, reply) => {
      const { id } = request.params as { id: string };
      const values = formValues(request.body);
      const back = (request.query as Record<string, string | undefined>).return === 'me' ? '/me/internships' : `/internships/${id}`;
      try {
        await run(request, id, values);
        setFlash(reply, settings, { kind: 'success', key: flash });
        return reply.redirect(back, 303);
      } catch (err) {
        const { form, status } = formFromError(err, { ...values, _action: name(values) });
        if (back === '/me/internships') return myPage(request, reply, emptyForm, form, status);
        return show(request, reply, form, status);
      }
    });
  };
  action(
    'meetings',
    () => 'meeting',
    (r, id, v) => services.meetings.schedule(ctxOf(r), id, v),
    'meetings.scheduled',
  );
  action(
    'day-one',
    () => 'day_one',
    (r, id, v) => services.dayOne.save(ctxOf(r), id, v),
    'day_one.saved',
  );
  action(
    'vitas',
    (v) => `vitas_${v.step === 'approved' ? 'approved' : 'sent'}`,
    (r, id, v) => internships.recordVitas(ctxOf(r), id, v),
    'internship.saved',
  );
  action(
    'first-day',
    () => 'first_day',
    (r, id, v) => internships.recordFirstDay(ctxOf(r), id, v),
    'internship.started',
  );
  action(
    'end',
    () => 'end',
    (r, id, v) => internships.end(ctxOf(r), id, v),
    'internship.ended',
  );
  action(
    'extension',
    () => 'extension',
    (r, id, v) => services.extensions.requestExtension(ctxOf(r), id, v),
    'internship.extension_sent',
  );
  action(
    'extension/agree',
    () => 'extension',
    (r, id, v) => services.extensions.agreeExtension(ctxOf(r), id, v),
    'internship.extension_agreed_flash',
  );
  action(
    'extension/withdraw',
    () => 'extension',
    (r, id) => services.extensions.withdrawExtension(ctxOf(r), id),
    'internship.extension_withdrawn_flash',
  );

  // ---- weekly feedback, signed in ----
  const feedbackPage = async (request: FastifyRequest, reply: FastifyReply, form: FormState, status = 200) => {
    const { id } = request.params as { id: string };
    const week = form.values.week ?? (request.query as Record<string, string | undefined>).week;
    const data = await feedback.formFor(ctxOf(request), id, week);
    const existing = data.existing;
    const shown: FormState =
      form.values.week || !existing
        ? form
        : {
            values: {
              ...Object.fromEntries(Object.entries(existing.attendance).map(([d, v]) => [`attendance_${d}`, v])),
              didWell: existing.didWell,
              concern: existing.concern,
            },
            errors: {},
          };
    const page = pageContext(request, reply, settings);
    return sendPage(
      reply,
      page,
      page.t('feedback.title', { youth: data.i.youthFirstName }),
      <FeedbackForm
        page={page}
        action={`/internships/${id}/feedback`}
        youthFirstName={data.i.youthFirstName}
        companyName={data.i.companyName}
        week={data.week}
        form={shown}
        showWeek={false}
        happened={data.happened}
      />,
      status,
    );
  };

  app.get('/internships/:id/feedback', (request, reply) => feedbackPage(request, reply, emptyForm));

  app.post('/internships/:id/feedback', pageWithId, (request, reply) =>
    submitForm(request, reply, settings, {
      run: (values) => feedback.submit(ctxOf(request), request.params.id, values),
      done: { flash: 'feedback.thanks', to: `/internships/${request.params.id}` },
      again: (form, status) => feedbackPage(request, reply, form, status),
    }),
  );

  // ---- weekly feedback from the emailed link: no sign-in ----
  const linkError = (request: FastifyRequest, reply: FastifyReply, err: unknown) => {
    if (!(err instanceof AppError) || (err.code !== 'not_found' && err.code !== 'conflict')) throw err;
    const page = pageContext(request, reply, settings);
    return sendPage(
      reply,
      page,
      page.t('feedback.link_problem'),
      <>
        <h1>{page.t('feedback.link_problem')}</h1>
        <Alert kind="warning" role="alert">
          {page.t(err.messageKey as never)}
        </Alert>
      </>,
      err.code === 'not_found' ? 404 : 410,
    );
  };

  const linkPage = async (request: FastifyRequest, reply: FastifyReply, form: FormState, status = 200) => {
    const { token } = request.params as { token: string };
    try {
      const info = await feedback.linkForm(token);
      const page = pageContext(request, reply, settings);
      reply.header('referrer-policy', 'no-referrer').header('cache-control', 'no-store');
      return sendPage(
        reply,
        page,
        page.t('feedback.title', { youth: info.youthFirstName }),
        <FeedbackForm
          page={page}
          action={`/feedback/${token}`}
          youthFirstName={info.youthFirstName}
          companyName={info.companyName}
          week={info.week}
          form={form}
          showWeek={false}
          happened={info.happened}
        />,
        status,
      );
    } catch (err) {
      return linkError(request, reply, err);
    }
  };

  app.get('/feedback/thanks', (request, reply) => {
    const page = pageContext(request, reply, settings);
    return sendPage(reply, page, page.t('feedback.thanks'), <FeedbackThanks page={page} title={page.t('feedback.thanks')} />);
  });

  app.get('/feedback/:token', (request, reply) => linkPage(request, reply, emptyForm));

  app.post('/feedback/:token', async (request, reply) => {
    const { token } = request.params as { token: string };
    const values = formValues(request.body);
    try {
      await feedback.submitByLink(ctxOf(request), token, values);
      return reply.redirect('/feedback/thanks', 303);
    } catch (err) {
      if (err instanceof AppError && err.code === 'invalid') {
        const { form, status } = formFromError(err, values);
        return linkPage(request, reply, form, status);
      }
      return linkError(request, reply, err);
    }
  });

  // ---- the young person's own page ----
  const myPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    form: FormState,
    extensionForm: FormState = emptyForm,
    status = 200,
  ) => {
    const [data, people] = await Promise.all([feedback.myTrail(ctxOf(request)), services.youthPeople.mine(ctxOf(request))]);
    const page = pageContext(request, reply, settings);
    return sendPage(
      reply,
      page,
      page.t('my_internships.title'),
      <MyInternshipsView page={page} data={data} form={form} extensionForm={extensionForm} people={people} />,
      status,
    );
  };

  app.get('/me/internships', (request, reply) => myPage(request, reply, emptyForm));
  app.post('/me/internships/:id/confirm', pageWithId, (request, reply) =>
    submitForm(request, reply, settings, {
      run: () => services.internships.confirm(ctxOf(request), request.params.id),
      done: { flash: 'internship.confirm_done', to: '/me/internships' },
      again: (form, status) => myPage(request, reply, form, emptyForm, status),
    }),
  );

  app.post('/me/checkin', (request, reply) =>
    submitForm(request, reply, settings, {
      run: (values) => feedback.checkin(ctxOf(request), values),
      done: { flash: 'checkin.saved', to: '/me/internships' },
      again: (form, status) => myPage(request, reply, form, emptyForm, status),
    }),
  );
}
