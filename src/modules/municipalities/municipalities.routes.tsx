import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, RouteDeps } from '../../platform/http/app.ts';
import { submitForm } from '../../platform/http/forms.ts';
import { pageContext, sendPage } from '../../platform/http/render.tsx';
import { ctxOf } from '../../platform/http/request.ts';
import { emptyForm, type FormState } from '../../platform/views/components.tsx';
import { municipalityFor } from '../../platform/http/scope.ts';
import { MunicipalitiesView } from './municipalities.views.tsx';
import { RulesView } from './rules.views.tsx';

export async function municipalitiesRoutes(app: App, { services, settings }: RouteDeps): Promise<void> {
  const show = async (request: FastifyRequest, reply: FastifyReply, form: FormState, status = 200) => {
    const ctx = ctxOf(request);
    await services.access.requireAction(ctx, 'municipality.create', { type: 'municipality', municipalityId: null });
    const list = await services.municipalities.listMine(ctx);
    const page = pageContext(request, reply, settings);
    return sendPage(reply, page, page.t('municipalities.title'), <MunicipalitiesView page={page} list={list} form={form} />, status);
  };

  app.get('/municipalities', (request, reply) => show(request, reply, { values: { youthCapacity: '45' }, errors: {} }));

  app.post('/municipalities', (request, reply) =>
    submitForm(request, reply, settings, {
      run: (values) => services.municipalities.create(ctxOf(request), values),
      done: (m) => ({ flash: 'municipalities.created', flashParams: { name: m.name }, to: '/municipalities' }),
      again: (form, status) => show(request, reply, form.formError || Object.keys(form.errors).length ? form : emptyForm, status),
    }),
  );

  // ---- the model's rules: set by the municipality's leaders, read by its team ----
  const rulesPage = async (request: FastifyRequest, reply: FastifyReply, form: FormState, status = 200) => {
    const ctx = ctxOf(request);
    const { municipality, rules, canConfigure } = await services.municipalities.rules(ctx, municipalityFor(request, 'municipality.read'));
    const page = pageContext(request, reply, settings);
    return sendPage(
      reply,
      page,
      page.t('rules.title'),
      <RulesView page={page} municipality={municipality} rules={rules} canConfigure={canConfigure} form={form} />,
      status,
    );
  };

  app.get('/rules', (request, reply) => rulesPage(request, reply, emptyForm));

  app.post('/rules', (request, reply) => {
    const m = municipalityFor(request, 'municipality.configure');
    return submitForm(request, reply, settings, {
      run: (values) => services.municipalities.updateRules(ctxOf(request), m, values),
      done: { flash: 'rules.saved', to: `/rules?m=${m}` },
      again: (form, status) => rulesPage(request, reply, form, status),
    });
  });
}
