import { pageContext, sendPage } from '../platform/http/render.tsx';
import { baseCookie, cookieNames, ctxOf, safeLocalPath } from '../platform/http/request.ts';
import { municipalityFor } from '../platform/http/scope.ts';
import { notFound } from '../platform/errors.ts';
import type { App, RouteDeps } from '../platform/http/app.ts';
import { AUDIT_PAGE, auditKind } from '../modules/audit-log/audit-log.service.ts';
import { AccessibilityStatement, DEFAULT_ACCESSIBILITY_EMAIL } from './accessibility.views.tsx';
import { ApiDocs, type ApiOperation, AuditTable, OutboxTable } from './site.views.tsx';
import { AuditKindFilter, MyAuditLog } from './audit.views.tsx';

const cursor = (q: unknown) => {
  const before = Number((q as Record<string, unknown>)?.before);
  return Number.isInteger(before) && before > 0 ? before : undefined;
};

const HEALTH_WAIT_MS = 1_000;

/** Pages every site has: front page, language, health, accessibility, audit, outbox, API docs. */
export async function siteRoutes(app: App, { services, settings }: RouteDeps): Promise<void> {
  app.get('/', (request, reply) => reply.redirect(request.actor ? '/dashboard' : '/sign-in', 303));

  // Answers within a second whatever the database does, and says whether it is reachable (#19.12).
  app.get('/health', async (_request, reply) => {
    let timer: NodeJS.Timeout | undefined;
    const reachable = await Promise.race([
      services.database.db.execute('select 1').then(
        () => true,
        () => false,
      ),
      new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), HEALTH_WAIT_MS))),
    ]).finally(() => clearTimeout(timer));
    reply.header('cache-control', 'no-store');
    if (!reachable) return reply.status(503).header('retry-after', '10').send({ status: 'unavailable', database: 'unreachable' });
    return { status: 'ok', database: 'reachable' };
  });

  app.get('/language', (request, reply) => {
    const q = request.query as Record<string, string | undefined>;
    const to = q.to === 'en' ? 'en' : 'da';
    reply.setCookie(cookieNames.lang, to, { ...baseCookie(settings), maxAge: 365 * 86_400 });
    return reply.redirect(safeLocalPath(q.back), 303);
  });

  app.get('/accessibility', (request, reply) => {
    const page = pageContext(request, reply, settings);
    return sendPage(
      reply,
      page,
      page.t('a11y.title'),
      <AccessibilityStatement page={page} email={settings.accessibilityEmail ?? DEFAULT_ACCESSIBILITY_EMAIL} />,
    );
  });

  app.get('/me/audit', async (request, reply) => {
    const kind = auditKind((request.query as Record<string, unknown>)?.kind);
    const events = await services.auditLog.listAboutMe(ctxOf(request), cursor(request.query), kind);
    const page = pageContext(request, reply, settings);
    const last = events.at(-1);
    const older = events.length === AUDIT_PAGE && last ? `/me/audit?${kind ? `kind=${kind}&` : ''}before=${last.event.id}` : null;
    return sendPage(
      reply,
      page,
      page.t('audit.my_title'),
      <>
        <h1>{page.t('audit.my_title')}</h1>
        <p>{page.t('audit.my_intro')}</p>
        {request.actor?.memberships.some((m) => m.role === 'youth') && (
          <p>
            <a href="/me/data">{page.t('data.nav')}</a>
          </p>
        )}
        <AuditKindFilter page={page} path="/me/audit" kind={kind} />
        <MyAuditLog page={page} events={events} olderHref={older} />
      </>,
    );
  });

  app.get('/audit', async (request, reply) => {
    const ctx = ctxOf(request);
    const m = municipalityFor(request, 'audit.read');
    const kind = auditKind((request.query as Record<string, unknown>)?.kind);
    const events = await services.auditLog.listForMunicipality(ctx, m, cursor(request.query), kind);
    const page = pageContext(request, reply, settings);
    const last = events.at(-1);
    const older = events.length === AUDIT_PAGE && last ? `/audit?m=${m}${kind ? `&kind=${kind}` : ''}&before=${last.event.id}` : null;
    return sendPage(
      reply,
      page,
      page.t('audit.title'),
      <>
        <h1>{page.t('audit.title')}</h1>
        <p>{page.t('audit.intro')}</p>
        <AuditKindFilter page={page} path="/audit" kind={kind} hidden={{ m }} />
        <AuditTable page={page} events={events} olderHref={older} />
      </>,
    );
  });

  app.get('/dev/outbox', async (request, reply) => {
    if (!services.outbox.enabled) throw notFound();
    const messages = await services.outbox.list(ctxOf(request));
    const page = pageContext(request, reply, settings);
    return sendPage(
      reply,
      page,
      page.t('outbox.title'),
      <>
        <h1>{page.t('outbox.title')}</h1>
        <p>{page.t('outbox.intro')}</p>
        <OutboxTable page={page} messages={messages} />
      </>,
    );
  });

  app.get('/api/openapi.json', () => app.swagger());

  app.get('/api/docs', (request, reply) => {
    const doc = app.swagger() as { paths?: Record<string, Record<string, { summary?: string }>> };
    const operations: ApiOperation[] = Object.entries(doc.paths ?? {}).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ method: method.toUpperCase(), path, summary: op.summary ?? '' })),
    );
    const page = pageContext(request, reply, settings);
    return sendPage(reply, page, page.t('api_docs.title'), <ApiDocs page={page} operations={operations} />);
  });
}
