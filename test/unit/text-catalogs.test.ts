import { describe, expect, it } from 'vitest';
import { da } from '../../src/platform/i18n/da.ts';
import { en } from '../../src/platform/i18n/en.ts';
import { translate } from '../../src/platform/i18n/i18n.ts';

/** Nouns that are plural whatever the count: after a `{count}` they must come through `{count|one|other}` (#15). */
const pluralNouns = {
  da: 'dage dages måneder pladser timer timers ønsker virksomheder praktikmuligheder statusser sekunder scoringer poster personer opfølgninger møder unge beskeder tilbud grupper',
  en: 'days months places seats hours wishes companies openings statuses seconds years scorings records people sessions employees messages groups follow-ups',
};
const catalogs = { da, en } as Record<'da' | 'en', Record<string, string>>;
/** The plural forms themselves: a key ending in .one/.other is chosen by `plural` in code. */
const chosenInCode = (key: string) => /\.(one|other)$/.test(key);

describe('catalogs: counts through Intl.PluralRules', () => {
  for (const locale of ['da', 'en'] as const) {
    it(`${locale}: no "(e)r"/"(s)" and no fixed plural noun after a count`, () => {
      const nouns = pluralNouns[locale].split(' ').join('|');
      const fixed = new RegExp(`\\{\\w+\\} (${nouns})(?![\\w|-])`, 'u');
      const bad = Object.entries(catalogs[locale]).filter(
        ([key, text]) => /\((e|s|er|r|ne)\)/.test(text) || (!chosenInCode(key) && fixed.test(text)),
      );
      expect(bad).toEqual([]);
    });
  }

  it('a plural choice names a parameter the text also prints, in both languages', () => {
    for (const locale of ['da', 'en'] as const) {
      for (const [key, text] of Object.entries(catalogs[locale])) {
        for (const [, name] of text.matchAll(/\{(\w+)\|[^|{}]*\|[^|{}]*\}/g)) {
          expect({ key, printed: text.includes(`{${name}}`) || text.includes(`{${name}:`) }).toEqual({ key, printed: true });
        }
      }
    }
  });

  it('the Danish and the English text of a key take the same parameters', () => {
    const names = (text: string) =>
      [...new Set([...text.matchAll(/\{(\w+)/g)].map((m) => m[1]))].sort((a, b) => String(a).localeCompare(String(b)));
    const differing = Object.keys(da).filter((key) => names(catalogs.da[key]!).join() !== names(catalogs.en[key] ?? '').join());
    expect(differing).toEqual([]);
  });

  it('Danish uses one term for each thing and Danish quotes', () => {
    const bad = Object.entries(da).filter(([, text]) => /tjek-ind|indtjekning|"/i.test(text));
    expect(bad).toEqual([]);
  });

  it('picks the word for the count', () => {
    expect(translate('da', 'rounds.wishes_count', { count: 1 })).toBe('1 ønske i alt');
    expect(translate('da', 'rounds.wishes_count', { count: 2 })).toBe('2 ønsker i alt');
    expect(translate('da', 'rounds.wishes_count', { count: 0 })).toBe('0 ønsker i alt');
    expect(translate('en', 'youth.capacity', { used: 1, capacity: 1 })).toBe('1 of 1 place is in use.');
    expect(translate('en', 'youth.capacity', { used: 2, capacity: 30 })).toBe('2 of 30 places are in use.');
    expect(translate('da', 'notify.digest_subject', { count: 1 })).toBe('NExTWORK: 1 ny besked');
    // A count the view already formatted is read the locale's way: "1.424" is more than one in Danish.
    expect(translate('da', 'rounds.wishes_count', { count: '1.424' })).toBe('1.424 ønsker i alt');
    expect(translate('en', 'rounds.wishes_count', { count: '1,424' })).toBe('1,424 wishes in all');
    expect(translate('da', 'time.month', { hours: '2,5' })).toBe('Du har registreret 2,5 timer denne måned.');
  });

  it('formats a parameter the catalog asks to be formatted', () => {
    expect(translate('da', 'schedule.meets', { day: 'tirsdag', time: '09:30', place: 'Ungehuset' })).toBe(
      'Gruppen mødes hver tirsdag kl. 9.30, Ungehuset.',
    );
    expect(translate('en', 'schedule.meets', { day: 'Tuesday', time: '14:05', place: 'Ungehuset' })).toBe(
      'The group meets every Tuesday at 14:05, Ungehuset.',
    );
  });
});
