import { da, type MessageKey } from './da.ts';
import { en } from './en.ts';

export type Locale = 'da' | 'en';
export const locales: readonly Locale[] = ['da', 'en'];
export type { MessageKey };

const catalogs: Record<Locale, Record<MessageKey, string>> = { da, en };

export function isMessageKey(key: string): key is MessageKey {
  return key in da;
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** Looks up a message; unknown keys (e.g. from a zod default) fall back to a generic message. */
export function translate(locale: Locale, key: string, params?: Record<string, string | number>): string {
  const template = isMessageKey(key) ? catalogs[locale][key] : catalogs[locale]['validation.invalid'];
  return params ? template.replace(/\{(\w+)\}/g, (m, name: string) => String(params[name] ?? m)) : template;
}

export function translator(locale: Locale): Translate {
  return (key, params) => translate(locale, key, params);
}

export function pickLocale(cookie: string | undefined, acceptLanguage: string | undefined): Locale {
  if (cookie === 'da' || cookie === 'en') return cookie;
  if (acceptLanguage && /^en\b/i.test(acceptLanguage.trim())) return 'en';
  return 'da';
}

const formatters = new Map<string, Intl.DateTimeFormat>();
/** Timestamps are stored in UTC and shown in Europe/Copenhagen. */
export function formatDateTime(locale: Locale, at: Date): string {
  let f = formatters.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale === 'da' ? 'da-DK' : 'en-GB', {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: 'Europe/Copenhagen',
    });
    formatters.set(locale, f);
  }
  return f.format(at);
}

const collators = new Map<Locale, Intl.Collator>();
/** Danish collation (æ, ø, å last) for display; PGlite sorts in byte order. */
export function collator(locale: Locale): Intl.Collator {
  let c = collators.get(locale);
  if (!c) collators.set(locale, (c = new Intl.Collator(locale === 'da' ? 'da' : 'en')));
  return c;
}
