import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, RouteDeps } from '../../platform/http/app.ts';
import { submitForm } from '../../platform/http/forms.ts';
import { pageContext, sendPage } from '../../platform/http/render.tsx';
import { ctxOf } from '../../platform/http/request.ts';
import { pageWithId } from '../../platform/http/schemas.ts';
import { emptyForm, type FormState } from '../../platform/views/components.tsx';
import { passportPdf } from './passport.pdf.ts';
import { passportTexts } from './passport.values.ts';
import { MyPassportPage, PassportPage, SharedPassportsPage, passportFormValues } from './passport.views.tsx';

/** The form's flat fields (strengths.0.what …) as the passport's input, rows in their order. */
export function passportFromForm(values: Record<string, string>): Record<string, unknown> {
  const strengths: Record<string, string>[] = [];
  for (const [k, v] of Object.entries(values)) {
    const m = /^strengths\.(\d{1,2})\.(what|where|when)$/.exec(k);
    if (m) (strengths[Number(m[1])] ??= { what: '', where: '', when: '' })[m[2]!] = v;
  }
  const out: Record<string, unknown> = { strengths: Array.from(strengths, (s) => s ?? { what: '', where: '', when: '' }) };
  for (const k of passportTexts) out[k] = values[k] ?? '';
  return out;
}

/** The competence passport (#17): the young person's page, the PDF, and the named readers' pages. */
export async function passportRoutes(app: App, { services, settings }: RouteDeps): Promise<void> {
  const { passports } = services;

  const myPage = async (request: FastifyRequest, reply: FastifyReply, forms: { form?: FormState; shareForm?: FormState }, status = 200) => {
    const mine = await passports.mine(ctxOf(request));
    const page = pageContext(request, reply, settings);
    const form = forms.form ?? { values: passportFormValues(mine.passport), errors: {} };
    return sendPage(
      reply,
      page,
      page.t('passport.title'),
      <MyPassportPage
        page={page}
        passport={mine.passport}
        consents={mine.consents}
        candidates={mine.candidates}
        form={form}
        shareForm={forms.shareForm ?? emptyForm}
      />,
      status,
    );
  };
  app.get('/me/passport', (request, reply) => myPage(request, reply, {}));
  app.post('/me/passport', (request, reply) =>
    submitForm(request, reply, settings, {
      run: (values) => passports.saveMine(ctxOf(request), passportFromForm(values)),
      done: { flash: 'passport.saved', to: '/me/passport' },
      again: (form, status) => myPage(request, reply, { form }, status),
    }),
  );
  app.post('/me/passport/consents', (request, reply) =>
    submitForm(request, reply, settings, {
      run: (values) => passports.share(ctxOf(request), values),
      done: ({ name }) => ({ flash: 'passport.shared', flashParams: { name }, to: '/me/passport#sharing-heading' }),
      again: (shareForm, status) => myPage(request, reply, { shareForm }, status),
    }),
  );
  app.post('/me/passport/consents/:id/withdraw', pageWithId, (request, reply) =>
    submitForm(request, reply, settings, {
      run: () => passports.withdraw(ctxOf(request), request.params.id),
      done: ({ name }) => ({ flash: 'passport.withdrawn', flashParams: { name }, to: '/me/passport#sharing-heading' }),
      again: (shareForm, status) => myPage(request, reply, { shareForm }, status),
    }),
  );
  app.get('/me/passport/pdf', async (request, reply) => {
    const { youth: y, passport } = await passports.minePdf(ctxOf(request));
    const page = pageContext(request, reply, settings);
    const pdf = await passportPdf(`${y.firstName} ${y.lastName}`, passport, page.t, page.locale, services.clock.now());
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', 'attachment; filename="kompetencepas.pdf"')
      .header('cache-control', 'no-store')
      .send(pdf);
  });

  app.get('/passports', async (request, reply) => {
    const shared = await passports.sharedWithMe(ctxOf(request));
    const page = pageContext(request, reply, settings);
    return sendPage(reply, page, page.t('passport.shared_title'), <SharedPassportsPage page={page} shared={shared} />);
  });

  const readerPage = async (request: FastifyRequest, reply: FastifyReply, id: string, form: FormState | undefined, status = 200) => {
    const { youth: y, passport, canEdit } = await passports.read(ctxOf(request), id);
    const page = pageContext(request, reply, settings);
    const name = `${y.firstName} ${y.lastName}`;
    const shown = form ?? { values: passportFormValues(passport), errors: {} };
    return sendPage(
      reply,
      page,
      page.t('passport.of', { name }),
      <PassportPage page={page} name={name} passport={passport} canEdit={canEdit} form={shown} />,
      status,
    );
  };
  app.get('/passports/:id', pageWithId, (request, reply) => readerPage(request, reply, request.params.id, undefined));
  app.post('/passports/:id', pageWithId, (request, reply) =>
    submitForm(request, reply, settings, {
      run: (values) => passports.update(ctxOf(request), request.params.id, passportFromForm(values)),
      done: { flash: 'passport.edited', to: `/passports/${request.params.id}` },
      again: (form, status) => readerPage(request, reply, request.params.id, form, status),
    }),
  );
}
