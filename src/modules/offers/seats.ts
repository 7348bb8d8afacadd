import { type Locale, type Translate, plural } from '../../platform/i18n/i18n.ts';

/** "1 af 2 pladser ledig", "Fuld: alle 2 pladser er besat": the free seats of an opening, in words. */
export function seatsText(t: Translate, locale: Locale, free: number, seats: number): string {
  const word = t(`seats.word.${plural(locale, seats)}`);
  return free > 0 ? t(`seats.free.${plural(locale, free)}`, { free, seats, word }) : t('seats.full', { seats, word });
}
