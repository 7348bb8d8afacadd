import type { FastifyReply, FastifyRequest } from 'fastify';
import { httpStatus } from '../../platform/errors.ts';
import type { App, RouteDeps } from '../../platform/http/app.ts';
import { pageContext, sendPage } from '../../platform/http/render.tsx';
import { baseCookie, cookieName, ctxOf, safeLocalPath, setFlash } from '../../platform/http/request.ts';
import type { SignedIn } from './accounts.service.ts';
import { FLOW_MINUTES, OidcRefused } from './oidc.service.ts';
import { OidcLinkPage, OidcProblemPage } from './oidc.views.tsx';

export type StartSession = (request: FastifyRequest, reply: FastifyReply, signedIn: SignedIn, next: string) => unknown;

const signInLimit = { rateLimit: { max: 30, timeWindow: '1 minute' } };

/**
 * Sign-in through OpenID Connect (decision 0028): `/sign-in/oidc` sends the browser to the provider
 * with state, nonce and PKCE (kept in a sealed cookie for 10 minutes), `/sign-in/oidc/callback`
 * verifies the answer and signs in or links; `/me/sign-in` links and unlinks one's account.
 * Not registered at all when no provider is configured.
 */
export async function oidcRoutes(app: App, { services, settings }: RouteDeps, startSession: StartSession): Promise<void> {
  const oidc = services.oidc;
  if (!oidc) return;
  const flowCookie = cookieName(settings, 'oidc');

  const problem = (request: FastifyRequest, reply: FastifyReply, err: unknown) => {
    if (!(err instanceof OidcRefused)) throw err;
    const page = pageContext(request, reply, settings);
    return sendPage(
      reply,
      page,
      page.t('signin_oidc.problem_title'),
      <OidcProblemPage page={page} messageKey={err.messageKey} />,
      httpStatus[err.code],
    );
  };

  const leave = async (request: FastifyRequest, reply: FastifyReply, purpose: 'sign_in' | 'link', next: string) => {
    try {
      const { url, cookie } = await oidc.start(ctxOf(request), purpose, next);
      reply.setCookie(flowCookie, cookie, { ...baseCookie(settings), maxAge: FLOW_MINUTES * 60 });
      reply.header('cache-control', 'no-store');
      return reply.redirect(url, 303);
    } catch (err) {
      return problem(request, reply, err);
    }
  };

  app.get('/sign-in/oidc', { config: signInLimit }, (request, reply) =>
    leave(request, reply, 'sign_in', safeLocalPath((request.query as Record<string, unknown>).next, '')),
  );

  app.get('/sign-in/oidc/callback', { config: signInLimit }, async (request, reply) => {
    const cookie = request.cookies[flowCookie];
    reply.clearCookie(flowCookie, baseCookie(settings)); // one answer per start
    reply.header('cache-control', 'no-store');
    try {
      const outcome = await oidc.finish(ctxOf(request), new URL(request.url, services.settings.baseUrl), cookie);
      if (outcome.kind === 'linked') {
        setFlash(reply, settings, { kind: 'success', key: 'oidc_link.done', params: { label: oidc.label } });
        return reply.redirect('/me/sign-in', 303);
      }
      reply.setCookie(cookieName(settings, 'oidcSession'), '1', {
        ...baseCookie(settings),
        maxAge: services.settings.sessionAbsoluteHours * 3600,
      });
      return startSession(request, reply, outcome.signedIn, outcome.next);
    } catch (err) {
      return problem(request, reply, err);
    }
  });

  app.get('/me/sign-in', async (request, reply) => {
    const identity = await oidc.mine(ctxOf(request));
    const page = pageContext(request, reply, settings);
    return sendPage(
      reply,
      page,
      page.t('oidc_link.title', { label: oidc.label }),
      <OidcLinkPage page={page} label={oidc.label} identity={identity} />,
    );
  });

  app.get('/me/sign-in/link', (request, reply) => {
    services.access.requireActor(ctxOf(request));
    return leave(request, reply, 'link', '');
  });

  app.post('/me/sign-in/unlink', async (request, reply) => {
    await oidc.unlink(ctxOf(request));
    setFlash(reply, settings, { kind: 'success', key: 'oidc_link.removed', params: { label: oidc.label } });
    return reply.redirect('/me/sign-in', 303);
  });
}
