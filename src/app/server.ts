import Fastify, { type FastifyRequest } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../platform/errors.ts';
import { registerErrorBoundary } from '../platform/http/errors.tsx';
import { registerInputGuards } from '../platform/http/input-guards.ts';
import { registerLoadShedding } from '../platform/http/load-shedding.ts';
import { securityHeaders } from '../platform/http/security-headers.ts';
import { registerSavedForms } from '../platform/http/saved-forms.hooks.ts';
import { transformObject } from '../platform/http/openapi-components.ts';
import { type RenderSettings } from '../platform/http/render.tsx';
import { baseCookie, cookieName, cookieNames, csrfValid, ensureCsrf, resolveLocale, wantsJson } from '../platform/http/request.ts';
import { accountsRoutes } from '../modules/accounts/accounts.routes.tsx';
import { contactProfileRoutes } from '../modules/accounts/contact-profile.routes.tsx';
import { apiRoutes } from './api.routes.ts';
import { companiesApi } from '../modules/companies/companies.api.ts';
import { municipalitiesApi } from '../modules/municipalities/municipalities.api.ts';
import { companiesCsvRoutes, companiesRoutes } from '../modules/companies/companies.routes.tsx';
import { openingsRoutes } from '../modules/companies/openings.routes.tsx';
import { youthRoutes } from '../modules/youth/youth.routes.tsx';
import { dataRightsRoutes } from '../modules/data-rights/data-rights.routes.tsx';
import { youthApi } from '../modules/youth/youth.api.ts';
import { trialsApi } from '../modules/evaluation/trials.api.ts';
import { dashboardRoutes } from '../modules/dashboard/dashboard.routes.tsx';
import { municipalitiesRoutes } from '../modules/municipalities/municipalities.routes.tsx';
import { peopleRoutes } from '../modules/people/people.routes.tsx';
import { siteRoutes } from './site.routes.tsx';
import { internshipsRoutes } from '../modules/internships/internships.routes.tsx';
import { internshipsApi } from '../modules/internships/internships.api.ts';
import { supportRoutes } from '../modules/support/support.routes.tsx';
import { movementRoutes } from '../modules/movement/movement.routes.tsx';
import { passportRoutes } from '../modules/passport/passport.routes.tsx';
import { passportApi } from '../modules/passport/passport.api.ts';
import { partnersRoutes } from '../modules/partners/partners.routes.tsx';
import { partnersApi } from '../modules/partners/partners.api.ts';
import { reportsRoutes } from '../modules/reports/reports.routes.tsx';
import { caseworkRoutes } from '../modules/home/casework.routes.tsx';
import { trialsRoutes } from '../modules/evaluation/trials.routes.tsx';
import { groupsRoutes } from '../modules/groups/groups.routes.tsx';
import { matchingRoutes } from '../modules/matching/matching.routes.tsx';
import { offersRoutes } from '../modules/offers/offers.routes.tsx';
import { matchEventsRoutes } from '../modules/matching/events.routes.tsx';
import { meetingsApi } from '../modules/internships/meetings.api.ts';
import { networkMeetingsApi } from '../modules/companies/network-meetings.api.ts';
import { matchEventsApi } from '../modules/matching/events.api.ts';
import { matchingApi } from '../modules/matching/matching.api.ts';
import { notificationsRoutes } from '../modules/notifications/notifications.routes.tsx';
import { messagesRoutes } from '../modules/messages/messages.routes.tsx';
import { libraryRoutes } from '../modules/library/library.routes.tsx';
import { libraryApi } from '../modules/library/library.api.ts';
import { messagesApi } from '../modules/messages/messages.api.ts';
import { offersApi } from '../modules/offers/offers.api.ts';
import { unitedApi } from '../modules/united/united.api.ts';
import { unitedRoutes } from '../modules/united/united.routes.tsx';
import type { Services } from './services.ts';
import { logOptions } from '../platform/logging/log-safety.ts';

export interface ServerOptions {
  sessionSecret: string;
  secureCookies: boolean;
  logLevel: string;
  /** Which proxies' X-Forwarded-For to believe (config TRUST_PROXY); none by default. */
  trustProxy?: false | number | string;
  /** Requests worked on at once; more are answered 503 at once (load shedding). */
  maxConcurrentRequests?: number;
  /** The longest a whole request may take to arrive, body included (slow senders are cut off); 30 s by default. */
  requestTimeoutMs?: number;
  /** false: no logger at all (tests pass a quiet level). */
  logger?: boolean;
  /** Where log lines go (standard output by default); tests read them here. */
  logStream?: { write(line: string): void };
}

import type { App } from '../platform/http/app.ts';
import { assets, serveAssets } from '../platform/http/assets.ts';

export type { App, RouteDeps } from '../platform/http/app.ts';

/** Whether a browser's request comes from this site: its Origin names this host, or it says it is not cross-site. */
function sameOrigin(request: FastifyRequest, baseUrl: string): boolean {
  const origin = request.headers.origin;
  if (origin) {
    try {
      const { protocol, host } = new URL(origin);
      // The request's own host as the browser would write it in an Origin (no default port).
      const own = (h: string | undefined) => h !== undefined && new URL(`${protocol}//${h}`).host === host;
      return host === new URL(baseUrl).host || own(request.headers.host) || own(request.host);
    } catch {
      return false;
    }
  }
  return request.headers['sec-fetch-site'] !== 'cross-site';
}

const trustHops = (n: number) => (_address: string, hop: number) => hop < n;

export async function buildServer(services: Services, options: ServerOptions): Promise<App> {
  const app = Fastify({
    logger:
      options.logger === false ? false : { ...logOptions(options.logLevel), ...(options.logStream ? { stream: options.logStream } : {}) },
    genReqId: () => crypto.randomUUID(),
    // A hop count as proxy-addr reads it: the n nearest hops are proxies.
    trustProxy: typeof options.trustProxy === 'number' ? trustHops(options.trustProxy) : (options.trustProxy ?? false),
    bodyLimit: 1_048_576,
    requestTimeout: options.requestTimeoutMs ?? 30_000,
    // Node checks request timeouts this often (30 s by default, which would let a slow body run twice as long).
    http: {
      connectionsCheckingInterval: Math.min(5_000, Math.ceil((options.requestTimeoutMs ?? 30_000) / 2)),
      headersTimeout: Math.min(10_000, options.requestTimeoutMs ?? 30_000),
    },
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();
  registerLoadShedding(app, options.maxConcurrentRequests ?? 64);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const settings: RenderSettings = {
    secure: options.secureCookies,
    secret: options.sessionSecret,
    demo: services.settings.demo,
    sessionIdleMinutes: services.settings.sessionIdleMinutes,
    accessibilityEmail: services.settings.accessibilityEmail,
  };

  await app.register(fastifyCookie, { secret: options.sessionSecret });
  await app.register(fastifyFormbody);
  // File uploads (CSV import): fields and the buffered file on request.body, 1 MB and one file at most.
  await app.register(fastifyMultipart, { attachFieldsToBody: true, limits: { fileSize: 1_048_576, files: 1, fields: 20 } });
  const headers = securityHeaders({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        // Signing out of a session begun at the OpenID Connect provider goes on to its end-session page.
        formAction: ["'self'", ...(services.settings.oidc ? [new URL(services.settings.oidc.issuer).origin] : [])],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        upgradeInsecureRequests: options.secureCookies ? [] : null,
      },
    },
    strictTransportSecurity: options.secureCookies,
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'nextwork API',
        version: '1',
        description:
          'JSON API of nextwork. Authenticate with the session cookie from signing in. Errors have the shape { error: { code, message, fields? } }.',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: cookieNames.session } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject,
    hideUntagged: true,
  });

  // A form posted after the session expired is kept until its owner signs in again (saved-forms.ts).
  registerErrorBoundary(app, settings, registerSavedForms(app, services.savedForms, settings, services.clock));
  registerInputGuards(app, services.audit);

  serveAssets(app, assets);

  app.decorateRequest('actor', null);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('locale', 'da');
  app.decorateRequest('csrfToken', '');

  app.addHook('onRequest', async (request, reply) => {
    if (request.url.startsWith('/assets/') || request.url === '/health') return; // /health must not wait for a session
    request.locale = resolveLocale(request);
    ensureCsrf(request, reply, settings);
    const token = request.cookies[cookieName(settings, 'session')];
    if (token) {
      const resolved = await services.accounts.resolveSession(token);
      if (resolved) {
        request.actor = resolved.actor;
        request.sessionId = resolved.sessionId;
      } else {
        reply.clearCookie(cookieName(settings, 'session'), baseCookie(settings));
      }
    }
  });

  // State-changing requests: forms need the CSRF field; the API accepts only JSON bodies, which a
  // cross-site form cannot send.
  app.addHook('preHandler', async (request) => {
    if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS') return;
    if (wantsJson(request)) {
      // A cross-site page can send a POST without a body (no content type to refuse): the browser's
      // Origin, or its Sec-Fetch-Site, says where it came from (#19.9). Clients that are not browsers send neither.
      if (!sameOrigin(request, services.settings.baseUrl)) throw new AppError('forbidden', 'errors.csrf');
      const type = request.headers['content-type'] ?? '';
      if (request.body !== undefined && !type.startsWith('application/json')) {
        throw Object.assign(new Error('unsupported media type'), { code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE', statusCode: 415 });
      }
      return;
    }
    const body = request.body as Record<string, unknown> | undefined;
    const field = body?._csrf;
    // A multipart form carries its fields as { value }.
    const token = field && typeof field === 'object' && 'value' in field ? field.value : field;
    if (!csrfValid(request, token)) throw new AppError('forbidden', 'errors.csrf');
  });

  // JSON answers are personal: never kept by a browser or proxy cache (#19.9).
  app.addHook('onSend', async (request, reply) => {
    if (wantsJson(request) && !reply.hasHeader('cache-control') && request.url !== '/api/openapi.json')
      reply.header('cache-control', 'no-store');
  });

  const deps = { services, settings };
  await app.register(async (scope) => {
    await siteRoutes(scope, deps);
    await accountsRoutes(scope, deps);
    await contactProfileRoutes(scope, deps);
    await dashboardRoutes(scope, deps);
    await unitedRoutes(scope, deps);
    await peopleRoutes(scope, deps);
    await municipalitiesRoutes(scope, deps);
    await companiesCsvRoutes(scope, deps);
    await companiesRoutes(scope, deps);
    await openingsRoutes(scope, deps);
    await youthRoutes(scope, deps);
    await dataRightsRoutes(scope, deps);
    await internshipsRoutes(scope, deps);
    await matchingRoutes(scope, deps);
    await offersRoutes(scope, deps);
    await groupsRoutes(scope, deps);
    await supportRoutes(scope, deps);
    await movementRoutes(scope, deps);
    await passportRoutes(scope, deps);
    await partnersRoutes(scope, deps);
    await reportsRoutes(scope, deps);
    await caseworkRoutes(scope, deps);
    await trialsRoutes(scope, deps);
    await matchEventsRoutes(scope, deps);
    await notificationsRoutes(scope, deps);
    await messagesRoutes(scope, deps);
    await libraryRoutes(scope, deps);
    await apiRoutes(scope, deps);
    await companiesApi(scope, deps);
    await municipalitiesApi(scope, deps);
    await youthApi(scope, deps);
    await trialsApi(scope, deps);
    await internshipsApi(scope, deps);
    await matchingApi(scope, deps);
    await matchEventsApi(scope, deps);
    await meetingsApi(scope, deps);
    await networkMeetingsApi(scope, deps);
    await messagesApi(scope, deps);
    await libraryApi(scope, deps);
    await offersApi(scope, deps);
    await unitedApi(scope, deps);
    await passportApi(scope, deps);
    await partnersApi(scope, deps);
  });
  return app;
}
