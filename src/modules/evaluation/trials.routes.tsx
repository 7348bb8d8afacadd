import { formatDecimalInput } from '../../platform/i18n/i18n.ts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, RouteDeps } from '../../platform/http/app.ts';
import { can } from '../../platform/access/policy.ts';
import { formFromError, formValues, submitForm } from '../../platform/http/forms.ts';
import { pageContext, sendPage } from '../../platform/http/render.tsx';
import { ctxOf, setFlash } from '../../platform/http/request.ts';
import { municipalityFor } from '../../platform/http/scope.ts';
import { emptyForm, type FormState } from '../../platform/views/components.tsx';
import { uploadedCsv } from '../../platform/http/upload.ts';
import { strataFactors } from './trials.values.ts';
import { StaffTimePage } from './staff-time.views.tsx';
import { EvaluationPage } from './evaluation.views.tsx';
import { PlanPage } from './plan.views.tsx';
import { IntakePage, IntakeResult, OutcomesImportPage, SeedPage, TrialsListView } from './trials.views.tsx';
import { pageWithId } from '../../platform/http/schemas.ts';

/** The effect evaluation: researchers' trials and evaluation pages, the team's randomised intake and outcome import. */
export async function trialsRoutes(app: App, { services, settings }: RouteDeps): Promise<void> {
  const { trials, trialResults, trialOutcomes } = services;

  const listPage = async (request: FastifyRequest, reply: FastifyReply, form: FormState, status = 200) => {
    const ctx = ctxOf(request);
    const [list, municipalities] = await Promise.all([trialResults.list(ctx), services.municipalities.listMine(ctx)]);
    const page = pageContext(request, reply, settings);
    const shown = form === emptyForm ? { values: { ratioTreatment: '1', ratioControl: '1', blockMultiplier: '2' }, errors: {} } : form;
    return sendPage(
      reply,
      page,
      page.t('trials.title'),
      <TrialsListView page={page} trials={list} municipalities={municipalities} form={shown} />,
      status,
    );
  };
  app.get('/trials', (request, reply) => listPage(request, reply, emptyForm));
  app.post('/trials', (request, reply) =>
    submitForm(request, reply, settings, {
      run: (values) =>
        trials.create(ctxOf(request), values.municipalityId ?? '', {
          ...values,
          stratifyBy: strataFactors.filter((f) => values[`stratify.${f}`] === 'on'),
        }),
      done: (trial) => ({ flash: 'trials.created', to: `/trials/${trial.id}` }),
      again: (form, status) => listPage(request, reply, form, status),
    }),
  );

  // The planning calculator (before /trials/:id): a GET form, so a calculation can be linked to.
  app.get('/trials/plan', async (request, reply) => {
    const query = request.query as Record<string, string | undefined>;
    const asked = Object.keys(query).length > 0;
    // Shown back as typed ("0,4" stays "0,4"); the service reads both decimal marks (#15).
    const dec = (n: number) => formatDecimalInput(request.locale, n);
    const values: Record<string, string> = asked
      ? Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v ?? '')]))
      : { N: '400', P: dec(0.5), base: dec(0.3), R2: dec(0.1), takeup: dec(0.85), power: dec(0.8), effect: dec(0.1) };
    const page = pageContext(request, reply, settings);
    try {
      const result = await trialResults.plan(ctxOf(request), values);
      return sendPage(reply, page, page.t('plan.title'), <PlanPage page={page} form={{ values, errors: {} }} result={result} />);
    } catch (err) {
      const { form, status } = formFromError(err, values);
      return sendPage(reply, page, page.t('plan.title'), <PlanPage page={page} form={form} result={null} />, status);
    }
  });

  // The team's randomised intake (declared before /trials/:id).
  const intakePage = async (request: FastifyRequest, reply: FastifyReply, m: string, form: FormState, status = 200) => {
    const page = pageContext(request, reply, settings);
    const recruiting = await trials.recruiting(ctxOf(request), m);
    if (!recruiting) return sendPage(reply, page, page.t('intake.title'), <p>{page.t('intake.none')}</p>);
    return sendPage(reply, page, page.t('intake.title'), <IntakePage page={page} m={m} form={form} />, status);
  };
  app.get('/trials/intake', (request, reply) =>
    intakePage(request, reply, municipalityFor(request, 'trial.assign'), {
      values: { referredOn: services.clock.now().toISOString().slice(0, 10) },
      errors: {},
    }),
  );
  app.post('/trials/intake', async (request, reply) => {
    const m = municipalityFor(request, 'trial.assign');
    const values = formValues(request.body);
    const page = pageContext(request, reply, settings);
    try {
      const out = await trials.intake(ctxOf(request), m, values, page.locale);
      return sendPage(reply, page, page.t('intake.result_title'), <IntakeResult page={page} m={m} arm={out.arm} link={out.link} />);
    } catch (err) {
      const { cpr: _cpr, ...kept } = values; // the CPR number is never sent back
      const { form, status } = formFromError(err, kept);
      return intakePage(request, reply, m, form, status);
    }
  });

  const evaluationPage = async (request: FastifyRequest, reply: FastifyReply, status = 200, econForm: FormState = emptyForm) => {
    const data = await trialResults.evaluation(ctxOf(request), (request.params as { id: string }).id);
    const page = pageContext(request, reply, settings);
    return sendPage(reply, page, data.trial.name, <EvaluationPage page={page} data={data} econForm={econForm} />, status);
  };
  app.post('/trials/:id/economics', pageWithId, (request, reply) =>
    submitForm(request, reply, settings, {
      run: (values) => trialResults.setEconomics(ctxOf(request), request.params.id, values),
      done: { flash: 'cost.saved', to: `/trials/${request.params.id}#cost-results` },
      again: (form, status) => evaluationPage(request, reply, status, form),
    }),
  );
  app.get('/trials/:id', (request, reply) => evaluationPage(request, reply));
  app.get('/trials/:id/seed', pageWithId, async (request, reply) => {
    const id = request.params.id;
    const seed = await trials.seed(ctxOf(request), id);
    const { trial } = await trialResults.evaluation(ctxOf(request), id);
    const page = pageContext(request, reply, settings);
    reply.header('cache-control', 'no-store');
    return sendPage(reply, page, page.t('trial.seed_title', { name: trial.name }), <SeedPage page={page} trial={trial} seed={seed} />);
  });
  app.post('/trials/:id/export', pageWithId, async (request, reply) => {
    const id = request.params.id;
    const csv = await trialResults.export(ctxOf(request), id);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="forsoeg-${id.slice(0, 8)}-pseudonymiseret.csv"`)
      .header('cache-control', 'no-store')
      .send(csv);
  });
  app.get('/trials/:id/dictionary.csv', pageWithId, async (request, reply) => {
    await trialResults.evaluation(ctxOf(request), request.params.id);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="datadokumentation.csv"')
      .send(trialResults.dictionary());
  });

  const outcomesPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    form: FormState,
    status = 200,
    oneForm: FormState = emptyForm,
  ) => {
    const trial = await trialOutcomes.forOutcomes(ctxOf(request), (request.params as { id: string }).id);
    const page = pageContext(request, reply, settings);
    return sendPage(
      reply,
      page,
      page.t('outcomes.title'),
      <OutcomesImportPage page={page} trial={trial} form={form} oneForm={oneForm} />,
      status,
    );
  };
  app.post('/trials/:id/outcomes/one', pageWithId, async (request, reply) => {
    const id = request.params.id;
    const values = formValues(request.body);
    try {
      await trialOutcomes.recordOutcome(ctxOf(request), id, values);
      setFlash(reply, settings, { kind: 'success', key: 'outcomes.one_done' });
      return reply.redirect(`/trials/${id}/outcomes`, 303);
    } catch (err) {
      const { cpr: _cpr, ...kept } = values; // the CPR number is never sent back
      const { form, status } = formFromError(err, kept);
      return outcomesPage(request, reply, emptyForm, status, form);
    }
  });
  app.get('/trials/:id/outcomes', (request, reply) => outcomesPage(request, reply, emptyForm));
  app.post('/trials/:id/outcomes', pageWithId, async (request, reply) => {
    const id = request.params.id;
    try {
      const { imported } = await trialOutcomes.importOutcomes(ctxOf(request), id, await uploadedCsv(request));
      setFlash(reply, settings, { kind: 'success', key: 'outcomes.done', params: { count: imported } });
      return reply.redirect(`/trials/${id}/outcomes`, 303);
    } catch (err) {
      const { form, status } = formFromError(err, {});
      return outcomesPage(request, reply, form, status);
    }
  });

  // Staff time for the programme's cost.
  const timePage = async (request: FastifyRequest, reply: FastifyReply, m: string, form: FormState, status = 200) => {
    const ctx = ctxOf(request);
    const { entries, monthMinutes } = await services.staffTime.mine(ctx, m);
    const canPickYouth = can(request.actor!, 'youth.read', [{ municipalityId: m }]);
    const youth = canPickYouth
      ? (await services.youth.list(ctx, m)).youth.map((y) => ({ id: y.id, name: `${y.firstName} ${y.lastName}` }))
      : [];
    const page = pageContext(request, reply, settings);
    return sendPage(
      reply,
      page,
      page.t('time.title'),
      <StaffTimePage page={page} m={m} entries={entries} monthMinutes={monthMinutes} youth={youth} form={form} />,
      status,
    );
  };
  app.get('/time', (request, reply) =>
    timePage(request, reply, municipalityFor(request, 'time.log'), {
      values: { kind: 'entry', on: services.clock.now().toISOString().slice(0, 10) },
      errors: {},
    }),
  );
  app.post('/time', async (request, reply) => {
    const m = municipalityFor(request, 'time.log');
    const values = formValues(request.body);
    try {
      await services.staffTime.log(ctxOf(request), m, values);
      setFlash(reply, settings, { kind: 'success', key: 'time.saved' });
      return reply.redirect(`/time?m=${m}`, 303);
    } catch (err) {
      const { form, status } = formFromError(err, values);
      return timePage(request, reply, m, form, status);
    }
  });
}
