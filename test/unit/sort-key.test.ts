import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { danishSortKey } from '../../src/platform/i18n/sort-key.ts';

const collator = new Intl.Collator('da');
const byKey = (a: string, b: string) => (danishSortKey(a) < danishSortKey(b) ? -1 : danishSortKey(a) > danishSortKey(b) ? 1 : 0);

describe('Danish sort key', () => {
  it('orders real names as Danish collation does', () => {
    const names = [
      'Aabenraa Bageri',
      'Ærø Frisør',
      'Østergaards VVS',
      'Zebra Data',
      'Andersens Tømrer',
      'Åby Cykler',
      'Bager Hansen',
      'Ødegaard',
      'Müller Auto',
    ];
    expect([...names].sort(byKey)).toEqual([...names].sort(collator.compare));
  });

  it('agrees with Intl.Collator("da") on words over Danish letters', () => {
    const letter = fc.constantFrom(...'bdeklmnostuyzæøå'.split(''));
    const word = fc.array(letter, { minLength: 1, maxLength: 8 }).map((l) => l.join(''));
    expect(danishSortKey('Åbo')).toBe('}bo');
    fc.assert(
      fc.property(word, word, (a, b) => {
        const c = Math.sign(collator.compare(a, b));
        if (c !== 0) expect(Math.sign(byKey(a, b))).toBe(c);
      }),
    );
  });
});
