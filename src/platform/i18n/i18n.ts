import { localDate } from '../dates.ts';
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
  return params ? fill(locale, template, params) : template;
}

/**
 * Fills `{name}` with a parameter, `{name:clock}` / `{name:number}` / `{name:percent}` / `{name:date}`
 * with it formatted for the locale ("kl. 9.30", "1.234,5", "20,3 %", "14. december 2026"), and
 * `{name|one|other}` with the word for the parameter's count, chosen by `plural`
 * ("{count} {count|plads|pladser}" → "1 plads", "2 pladser").
 */
function fill(locale: Locale, template: string, params: Record<string, string | number>): string {
  return template.replace(
    /\{(\w+)(?::(\w+))?(?:\|([^|{}]*)\|([^|{}]*))?\}/g,
    (m, name: string, format?: string, one?: string, other?: string) => {
      const value = params[name];
      if (value === undefined) return m;
      if (one !== undefined && other !== undefined) return plural(locale, countOf(locale, value)) === 'one' ? one : other;
      return format ? formatAs(locale, format, value) : String(value);
    },
  );
}

/** A count given as a number or as the locale formatted it ("1.424" is 1424 in Danish, not 1.424). */
function countOf(locale: Locale, value: string | number): number {
  if (typeof value === 'number') return value;
  const s = locale === 'da' ? value.replace(/\./g, '').replace(',', '.') : value.replace(/,/g, '');
  return s.trim() === '' ? Number.NaN : Number(s);
}

function formatAs(locale: Locale, format: string, value: string | number): string {
  const v = String(value);
  if (format === 'clock') return /^\d{1,2}:\d{2}$/.test(v) ? formatClock(locale, v) : v;
  if (format === 'date') return /^\d{4}-\d{2}-\d{2}/.test(v) ? formatDate(locale, v) : v;
  if (format === 'number') return v === '' || !Number.isFinite(Number(v)) ? v : formatNumber(locale, Number(v));
  if (format === 'percent') return v === '' || !Number.isFinite(Number(v)) ? v : formatPercent(locale, Number(v));
  return v;
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

const numberFormats = new Map<string, Intl.NumberFormat>();
/** A number as people read it: "1.234,5" in Danish, "1,234.5" in English; at most `digits` decimals. */
export function formatNumber(locale: Locale, n: number, digits = 1, minDigits = 0): string {
  if (!Number.isFinite(n)) return '–';
  const key = `${locale}:${digits}:${minDigits}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale === 'da' ? 'da-DK' : 'en-GB', {
      maximumFractionDigits: digits,
      minimumFractionDigits: Math.min(minDigits, digits),
    });
    numberFormats.set(key, f);
  }
  return f.format(n);
}

/** A share (0.203) as a percentage: "20,3 %" in Danish (space before %, Sprognævnet), "20.3%" in English. */
export function formatPercent(locale: Locale, share: number, digits = 1): string {
  if (!Number.isFinite(share)) return '–';
  const n = formatNumber(locale, share * 100, digits);
  return locale === 'da' ? `${n}\u00a0%` : `${n}%`;
}

/** A date in words without the weekday: "14. december 2026" ("14 December 2026"). */
export function formatDate(locale: Locale, at: Date | string): string {
  const iso = typeof at === 'string' ? at.slice(0, 10) : localDate(at);
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const month = new Intl.DateTimeFormat(locale === 'da' ? 'da-DK' : 'en-GB', { month: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
  return locale === 'da' ? `${d}. ${month} ${y}` : `${d} ${month} ${y}`;
}

/**
 * A decimal as typed by a Dane or an Englishman: "0,4", "0.4", "1.234,5" → number; null when it is
 * not a number. Used by the forms' decimal fields (zod preprocess).
 */
export function parseDecimal(input: string): number | null {
  let s = input.trim().replace(/\s/g, '');
  if (!s) return null;
  if (s.includes(',')) s = s.replace(/\.(?=\d{3}(\D|$))/g, '').replace(',', '.');
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(s)) return null;
  return Number(s);
}

/** A decimal shown back in a form field the way the locale writes it ("0,4"), without grouping. */
export function formatDecimalInput(locale: Locale, n: number): string {
  return n.toLocaleString(locale === 'da' ? 'da-DK' : 'en-GB', { useGrouping: false, maximumFractionDigits: 6 });
}
