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

const dayFormatters = new Map<string, Intl.DateTimeFormat>();
/**
 * A calendar date (YYYY-MM-DD) in words, as Danes write it: "fredag 11. december" ("Friday
 * 11 December"), with the year when it is not `thisYear`.
 */
export function formatDay(locale: Locale, isoDate: string, thisYear?: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const withYear = thisYear !== undefined && y !== thisYear;
  const key = `${locale}:${withYear}`;
  let f = dayFormatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale === 'da' ? 'da-DK' : 'en-GB', {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      ...(withYear ? { year: 'numeric' } : {}),
      timeZone: 'UTC',
    });
    dayFormatters.set(key, f);
  }
  const parts = f.formatToParts(new Date(Date.UTC(y, m - 1, d)));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return locale === 'da'
    ? `${part('weekday')} ${part('day')}. ${part('month')}${withYear ? ` ${part('year')}` : ''}`
    : `${part('weekday')} ${part('day')} ${part('month')}${withYear ? ` ${part('year')}` : ''}`;
}

/** A time of day (HH:MM) as Danes write it: "kl. 9.30"; in English "9:30". */
export function formatClock(locale: Locale, hhmm: string): string {
  const [h, m] = hhmm.split(':') as [string, string];
  return locale === 'da' ? `kl. ${Number(h)}.${m}` : `${Number(h)}:${m}`;
}

const pluralRules = new Map<Locale, Intl.PluralRules>();
/** The plural category of a count in the language ("one" or "other" in Danish and English). */
export function plural(locale: Locale, count: number): 'one' | 'other' {
  let r = pluralRules.get(locale);
  if (!r) pluralRules.set(locale, (r = new Intl.PluralRules(locale === 'da' ? 'da-DK' : 'en-GB')));
  return r.select(count) === 'one' ? 'one' : 'other';
}
