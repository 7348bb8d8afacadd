import type { App, RouteDeps } from '../../platform/http/app.ts';
import { notFound } from '../../platform/errors.ts';
import { submitForm } from '../../platform/http/forms.ts';
import { pageContext, sendPage } from '../../platform/http/render.tsx';
import { ctxOf } from '../../platform/http/request.ts';
import { pageWithId } from '../../platform/http/schemas.ts';
import { ApprovalPage } from './casework.views.tsx';

/** The caseworker's one-step approval from their home (the home itself is the dashboard). */
export async function caseworkRoutes(app: App, { services, settings }: RouteDeps): Promise<void> {
  app.post('/casework/internships/:id/approve', pageWithId, (request, reply) =>
    submitForm(request, reply, settings, {
      run: (values) => services.jobcentre.approve(ctxOf(request), request.params.id, values),
      done: { flash: 'casework.approved', to: '/dashboard' },
      again: async (form, status) => {
        const a = (await services.home.caseworker(ctxOf(request))).approvals.find((x) => x.id === request.params.id);
        if (!a) throw notFound();
        const page = pageContext(request, reply, settings);
        return sendPage(
          reply,
          page,
          page.t('casework.approve_title', { youth: a.youthName }),
          <ApprovalPage page={page} a={a} form={form} />,
          status,
        );
      },
    }),
  );
}
