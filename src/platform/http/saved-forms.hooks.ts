import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../clock.ts';
import { translate } from '../i18n/i18n.ts';
import { knownDeviceEmail } from './device.ts';
import type { OnSignedOut } from './errors.tsx';
import { baseCookie, cookieName, type CookieSettings, safeLocalPath, setFlash, wantsJson } from './request.ts';
import { fillSavedForm, keepableFields, SAVED_FORM_MINUTES, type SavedForms } from './saved-forms.ts';

/**
 * Wires the saved forms into HTTP: returns the error boundary's hook that keeps a form posted
 * without a session, and adds the hook that fills it in when its owner is back on its page.
 */
export function registerSavedForms(app: FastifyInstance, forms: SavedForms, settings: CookieSettings, clock: Clock): OnSignedOut {
  const cookie = cookieName(settings, 'savedForm');

  app.addHook('onSend', async (request, reply, payload) => {
    // A request shed before the cookies were read (load shedding, decision 0016) has none.
    const token = request.cookies?.[cookie];
    if (!token || request.method !== 'GET' || !request.actor || typeof payload !== 'string' || reply.statusCode !== 200) return payload;
    if (!String(reply.getHeader('content-type') ?? '').startsWith('text/html')) return payload;
    try {
      const taken = await forms.take(token, request.url, request.actor.email);
      if (taken.kind === 'elsewhere') return payload;
      reply.clearCookie(cookie, baseCookie(settings));
      if (taken.kind !== 'restore') return payload;
      const filled = fillSavedForm(payload, taken.form, {
        heading: translate(request.locale, 'saved_form.heading'),
        text: translate(request.locale, 'saved_form.text'),
      });
      return filled ?? payload;
    } catch (err) {
      request.log.warn({ err }, 'saved form not restored');
      return payload;
    }
  });

  return async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.method === 'GET' || request.method === 'HEAD' || wantsJson(request)) return undefined;
    const body = request.body as Record<string, unknown> | undefined;
    const page = safeLocalPath(body?._page, '');
    // Only a form on a page of this site that the person can come back to (not the sign-in page itself).
    if (!page || page.startsWith('/sign-in')) return undefined;
    const owner = knownDeviceEmail(settings.secret, request.cookies?.[cookieName(settings, 'device')], clock.now());
    const values = keepableFields(body);
    // Without a known owner (no account has signed in on this browser) nothing is kept: it could be
    // shown to whoever signs in next. The person still goes back to the form's page.
    if (owner && values) {
      try {
        const token = await forms.save({ path: page, action: request.url, owner, values });
        reply.setCookie(cookie, token, { ...baseCookie(settings), maxAge: SAVED_FORM_MINUTES * 60 });
        setFlash(reply, settings, { kind: 'info', key: 'saved_form.signed_out' });
      } catch (err) {
        request.log.warn({ err }, 'form not kept over the expired session');
      }
    }
    return page;
  };
}
