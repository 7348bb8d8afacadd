import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, RouteDeps } from '../../platform/http/app.ts';
import { submitForm } from '../../platform/http/forms.ts';
import { pageContext, sendPage } from '../../platform/http/render.tsx';
import { ctxOf } from '../../platform/http/request.ts';
import type { FormState } from '../../platform/views/components.tsx';
import { ContactProfilePage, contactProfileForm } from './contact-profile.views.tsx';

/** `/me/contact`: the contact details a person shows the young people they work with. */
export async function contactProfileRoutes(app: App, { services, settings }: RouteDeps): Promise<void> {
  const show = async (request: FastifyRequest, reply: FastifyReply, form: FormState | null, status = 200) => {
    const profile = await services.contactProfile.mine(ctxOf(request));
    const page = pageContext(request, reply, settings);
    return sendPage(
      reply,
      page,
      page.t('contact.title'),
      <ContactProfilePage page={page} profile={profile} form={form ?? contactProfileForm(profile)} oidcLabel={services.oidc?.label} />,
      status,
    );
  };

  app.get('/me/contact', (request, reply) => show(request, reply, null));

  app.post('/me/contact', (request, reply) =>
    submitForm(request, reply, settings, {
      run: (values) => services.contactProfile.save(ctxOf(request), values),
      done: { flash: 'contact.saved', to: '/me/contact' },
      again: (form, status) => show(request, reply, form, status),
    }),
  );
}
