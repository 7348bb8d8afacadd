import type { ComponentChildren } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { translator } from '../i18n/i18n.ts';
import { Layout } from '../views/layout.tsx';
import { navFor } from '../views/nav.ts';
import type { PageContext } from '../views/page.ts';
import { type CookieSettings, safeLocalPath, takeFlash } from './request.ts';

export interface RenderSettings extends CookieSettings {
  demo: boolean;
  /** The session's idle timeout, for the warning before it. */
  sessionIdleMinutes?: number;
  /** The accessibility statement's feedback address. */
  accessibilityEmail?: string;
}

/** The page a form came from: the page itself on GET; after a POST, the `_page` the form sent (a local path), if any. */
function formPageOf(request: FastifyRequest): string | undefined {
  if (request.method === 'GET') return request.url;
  const sent = (request.body as Record<string, unknown> | undefined)?._page;
  return safeLocalPath(sent, '') || undefined;
}

export function pageContext(request: FastifyRequest, reply: FastifyReply, settings: RenderSettings): PageContext {
  const t = translator(request.locale);
  return {
    t,
    locale: request.locale,
    actor: request.actor,
    csrfToken: request.csrfToken,
    flash: takeFlash(request, reply, settings),
    path: request.url.split('?')[0] ?? '/',
    demo: settings.demo,
    nav: navFor(request.actor, t, settings.demo),
    requestId: request.id,
    formPage: formPageOf(request),
    sessionIdleMinutes: request.actor ? settings.sessionIdleMinutes : undefined,
  };
}

/** Renders a whole page in the layout and sends it. */
export function sendPage(reply: FastifyReply, page: PageContext, title: string, body: ComponentChildren, status = 200): FastifyReply {
  const html =
    '<!doctype html>' +
    renderToString(
      <Layout page={page} title={title}>
        {body}
      </Layout>,
    );
  return reply.status(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
}
