import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../access/policy.ts';
import type { Context } from '../audit/audit.service.ts';
import { type Locale, pickLocale } from '../i18n/i18n.ts';
import type { Flash } from '../views/page.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    sessionId: string | null;
    locale: Locale;
    csrfToken: string;
  }
}

export const cookieNames = {
  session: 'nw_session',
  csrf: 'nw_csrf',
  flash: 'nw_flash',
  lang: 'nw_lang',
  device: 'nw_device',
  /** The token of a form kept over an expired session (saved-forms.ts). */
  savedForm: 'nw_saved_form',
  /** An OpenID Connect sign-in under way: state, nonce and PKCE verifier, sealed (decision 0028). */
  oidc: 'nw_oidc',
  /** This browser's session began at the OpenID Connect provider: sign-out ends it there too. */
  oidcSession: 'nw_oidc_session',
} as const;

/**
 * A cookie's name: on https the `__Host-` prefix, so the browser takes it only from this exact
 * host, Secure and for the whole site — no subdomain or plain-http page can set it (#19.9).
 */
export function cookieName(settings: { secure: boolean }, name: Exclude<keyof typeof cookieNames, 'lang'>): string {
  return settings.secure ? `__Host-${cookieNames[name]}` : cookieNames[name];
}

export interface CookieSettings {
  secure: boolean;
  secret: string;
}

export function baseCookie(settings: CookieSettings) {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: settings.secure };
}

/** The service context of a request: who acts and the request id. */
export function ctxOf(request: FastifyRequest): Context {
  return { actor: request.actor, requestId: request.id };
}

export function resolveLocale(request: FastifyRequest): Locale {
  return pickLocale(request.cookies[cookieNames.lang], request.headers['accept-language']);
}

/**
 * CSRF: a random per-browser cookie, and in forms an HMAC of it under the server secret. A site
 * that cannot read our cookies cannot forge the field; SameSite=Lax is a second wall.
 */
export function ensureCsrf(request: FastifyRequest, reply: FastifyReply, settings: CookieSettings, rotate = false): void {
  let seed = request.cookies[cookieName(settings, 'csrf')];
  if (rotate || !seed || !/^[A-Za-z0-9_-]{32,}$/.test(seed)) {
    seed = randomBytes(24).toString('base64url');
    reply.setCookie(cookieName(settings, 'csrf'), seed, baseCookie(settings));
  }
  request.csrfToken = createHmac('sha256', settings.secret).update(seed).digest('base64url');
}

export function csrfValid(request: FastifyRequest, submitted: unknown): boolean {
  if (typeof submitted !== 'string') return false;
  const a = Buffer.from(submitted);
  const b = Buffer.from(request.csrfToken);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function setFlash(reply: FastifyReply, settings: CookieSettings, flash: Flash): void {
  reply.setCookie(cookieName(settings, 'flash'), JSON.stringify(flash), { ...baseCookie(settings), signed: true, maxAge: 60 });
}

export function takeFlash(request: FastifyRequest, reply: FastifyReply, settings: CookieSettings): Flash | null {
  const raw = request.cookies[cookieName(settings, 'flash')];
  if (!raw) return null;
  reply.clearCookie(cookieName(settings, 'flash'), baseCookie(settings));
  const unsigned = request.unsignCookie(raw);
  if (!unsigned.valid || !unsigned.value) return null;
  try {
    return JSON.parse(unsigned.value) as Flash;
  } catch {
    return null;
  }
}

export function wantsJson(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/');
}

/** Redirect targets must stay on this site. */
const LOCAL = 'http://local.invalid';

/**
 * A path on this site to redirect to, from a `next` or `back` value, or the fallback. Normalised
 * as a browser would first (tabs and line breaks dropped, backslashes as slashes, dot segments
 * resolved, non-ASCII percent-encoded), then accepted only when it stays on this origin and does
 * not start with two slashes — so `/%09/evil.example` or `/.//evil.example` cannot leave the site,
 * and the Location header always holds plain ASCII.
 */
export function safeLocalPath(path: unknown, fallback = '/'): string {
  if (typeof path !== 'string' || !path.startsWith('/') || path.length > 2000) return fallback;
  let url: URL;
  try {
    url = new URL(path, LOCAL);
  } catch {
    return fallback;
  }
  const local = `${url.pathname}${url.search}${url.hash}`;
  return url.origin === LOCAL && /^\/(?![/\\])/.test(local) && /^[\x21-\x7e]*$/.test(local) ? local : fallback;
}
