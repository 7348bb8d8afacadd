import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, RouteDeps } from '../../platform/http/app.ts';
import { actorMunicipalityIds, invitableRoles, isCrossMunicipal } from '../../platform/access/policy.ts';
import { formFromError, formValues } from '../../platform/http/forms.ts';
import { pageContext, sendPage } from '../../platform/http/render.tsx';
import { DEVICE_MAX_AGE_SECONDS, deviceCookieValue, knownDeviceEmail } from '../../platform/http/device.ts';
import { baseCookie, cookieName, ctxOf, ensureCsrf, safeLocalPath, setFlash } from '../../platform/http/request.ts';
import type { SignedIn } from './accounts.service.ts';
import { collator } from '../../platform/i18n/i18n.ts';
import { emptyForm, type FormState } from '../../platform/views/components.tsx';
import { demoAccounts } from '../demo/demo-accounts.ts';
import { oidcRoutes } from './oidc.routes.tsx';
import { AcceptInvitationPage, InvitePage, LinkConfirmPage, SignInPage } from './accounts.views.tsx';

const signInLimit = { rateLimit: { max: 30, timeWindow: '1 minute' } };

export async function accountsRoutes(app: App, { services, settings }: RouteDeps): Promise<void> {
  const { accounts } = services;

  const startSession = (request: FastifyRequest, reply: FastifyReply, signedIn: SignedIn, next: string, flash = 'signin.signed_in') => {
    if (request.sessionId) void accounts.signOut(ctxOf(request), request.sessionId).catch(() => {});
    // Set again by the OpenID Connect callback after this, when the session began there.
    if (request.cookies[cookieName(settings, 'oidcSession')]) reply.clearCookie(cookieName(settings, 'oidcSession'), baseCookie(settings));
    reply.setCookie(cookieName(settings, 'session'), signedIn.sessionToken, {
      ...baseCookie(settings),
      maxAge: services.settings.sessionAbsoluteHours * 3600,
    });
    reply.setCookie(cookieName(settings, 'device'), deviceCookieValue(settings.secret, signedIn.user.email, services.clock.now()), {
      ...baseCookie(settings),
      maxAge: DEVICE_MAX_AGE_SECONDS,
    });
    ensureCsrf(request, reply, settings, true); // a token seen before signing in is not valid after
    setFlash(reply, settings, { kind: 'success', key: flash });
    return reply.redirect(safeLocalPath(next, '/dashboard'), 303);
  };

  const signInPage = (
    request: FastifyRequest,
    reply: FastifyReply,
    opts: { form?: FormState; linkForm?: FormState; status?: number; linkSent?: boolean; next?: string },
  ) => {
    const page = pageContext(request, reply, settings);
    return sendPage(
      reply,
      page,
      page.t('signin.title'),
      <SignInPage
        page={page}
        form={opts.form ?? emptyForm}
        linkForm={opts.linkForm ?? emptyForm}
        next={opts.next ?? ''}
        linkSent={!!opts.linkSent}
        demoAccounts={services.settings.demo ? demoAccounts() : null}
        oidcLabel={services.oidc?.label}
      />,
      opts.status,
    );
  };

  app.get('/sign-in', (request, reply) => {
    const q = request.query as Record<string, string | undefined>;
    return signInPage(request, reply, { linkSent: q.sent === '1', next: safeLocalPath(q.next, '') });
  });

  app.post('/sign-in', { config: signInLimit }, async (request, reply) => {
    const values = formValues(request.body);
    try {
      const device = knownDeviceEmail(settings.secret, request.cookies[cookieName(settings, 'device')], services.clock.now());
      const signedIn = await accounts.signInWithPassword(ctxOf(request), values, request.ip, device);
      return startSession(request, reply, signedIn, values.next ?? '');
    } catch (err) {
      const { form, status } = formFromError(err, { email: values.email ?? '' }, {}, reply);
      return signInPage(request, reply, { form, status, next: values.next });
    }
  });

  app.post('/sign-in/link', { config: signInLimit }, async (request, reply) => {
    const values = formValues(request.body);
    try {
      await accounts.requestSignInLink(ctxOf(request), { email: values['link-email'] }, request.ip, request.locale);
      return reply.redirect('/sign-in?sent=1', 303);
    } catch (err) {
      const { form, status } = formFromError(err, { 'link-email': values['link-email'] ?? '' }, { email: 'link-email' }, reply);
      return signInPage(request, reply, { linkForm: form, status });
    }
  });

  app.get('/sign-in/link/:token', (request, reply) => {
    const page = pageContext(request, reply, settings);
    const { token } = request.params as { token: string };
    return sendPage(reply, page, page.t('signin.link_confirm_title'), <LinkConfirmPage page={page} token={token} />);
  });

  app.post('/sign-in/link/:token', { config: signInLimit }, async (request, reply) => {
    const { token } = request.params as { token: string };
    return startSession(request, reply, await accounts.signInWithLink(ctxOf(request), token), '/dashboard');
  });

  // The idle-timeout warning's "Bliv logget ind" (session-timeout.js): reaching here with a session
  // has already noted the activity (resolveSession), so the session runs on.
  app.post('/session/keep-alive', async (request, reply) => {
    reply.header('cache-control', 'no-store');
    if (request.headers['x-requested-with'] === 'fetch') return reply.status(request.actor ? 204 : 401).send();
    const back = safeLocalPath((request.body as Record<string, unknown> | undefined)?._page, '/dashboard');
    return reply.redirect(request.actor ? back : `/sign-in?next=${encodeURIComponent(back)}`, 303);
  });

  app.post('/sign-out', async (request, reply) => {
    if (request.sessionId) await accounts.signOut(ctxOf(request), request.sessionId);
    reply.clearCookie(cookieName(settings, 'session'), baseCookie(settings));
    setFlash(reply, settings, { kind: 'info', key: 'signin.signed_out' });
    // A session begun at the OpenID Connect provider is ended there too, when it offers that (decision 0028).
    const oidcSession = cookieName(settings, 'oidcSession');
    if (request.cookies[oidcSession]) {
      reply.clearCookie(oidcSession, baseCookie(settings));
      const there = await services.oidc?.endSessionUrl();
      if (there) return reply.redirect(there, 303);
    }
    return reply.redirect('/sign-in', 303);
  });

  await oidcRoutes(app, { services, settings }, startSession);

  const invitePage = async (request: FastifyRequest, reply: FastifyReply, form: FormState, status = 200) => {
    const ctx = ctxOf(request);
    const actor = services.access.requireActor(ctx);
    const page = pageContext(request, reply, settings);
    const { t } = page;
    const municipalities = await services.municipalities.listMine(ctx);
    const scopes = [...(isCrossMunicipal(actor) ? [null] : []), ...actorMunicipalityIds(actor)];
    const roles = [...new Set(scopes.flatMap((m) => (m ? invitableRoles(actor, m) : invitableRoles(actor, null))))];
    if (!roles.length) return reply.callNotFound();
    const options = municipalities
      .filter((m) => invitableRoles(actor, m.id).length > 0)
      .map((m) => ({ value: m.id, label: m.name }))
      .sort((a, b) => collator(page.locale).compare(a.label, b.label));
    return sendPage(
      reply,
      page,
      t('invite.title'),
      <InvitePage
        page={page}
        form={form}
        roles={roles.map((r) => ({ value: r, label: t(`role.${r}`) }))}
        municipalities={options}
        allowNone={invitableRoles(actor, null).length > 0}
      />,
      status,
    );
  };

  // A page may link here with the role and municipality chosen (e.g. "invite a caseworker" on a young person's page).
  app.get('/invitations/new', (request, reply) => {
    const q = request.query as Record<string, unknown>;
    const values: Record<string, string> = {};
    for (const k of ['role', 'municipalityId']) if (typeof q[k] === 'string') values[k] = q[k];
    return invitePage(request, reply, { values, errors: {} });
  });

  app.post('/invitations', async (request, reply) => {
    const values = formValues(request.body);
    try {
      const { email } = await accounts.invite(ctxOf(request), values, request.locale);
      setFlash(reply, settings, { kind: 'success', key: 'invite.sent', params: { email } });
      return reply.redirect('/invitations/new', 303);
    } catch (err) {
      const { form, status } = formFromError(err, values);
      return invitePage(request, reply, form, status);
    }
  });

  const acceptPage = async (request: FastifyRequest, reply: FastifyReply, token: string, form: FormState, status = 200) => {
    const invitation = await accounts.findInvitation(token);
    const page = pageContext(request, reply, settings);
    return sendPage(
      reply,
      page,
      page.t('accept.title'),
      <AcceptInvitationPage
        page={page}
        form={form}
        token={token}
        role={page.t(`role.${invitation.role}` as Parameters<typeof page.t>[0])}
        municipality={invitation.municipalityName ?? 'nextwork'}
      />,
      status,
    );
  };

  app.get('/invitations/:token', (request, reply) => acceptPage(request, reply, (request.params as { token: string }).token, emptyForm));

  app.post('/invitations/:token', async (request, reply) => {
    const { token } = request.params as { token: string };
    try {
      const signedIn = await accounts.acceptInvitation(ctxOf(request), token, formValues(request.body));
      return startSession(request, reply, signedIn, '/dashboard', 'accept.done');
    } catch (err) {
      const { form, status } = formFromError(err, {});
      return acceptPage(request, reply, token, form, status);
    }
  });
}
