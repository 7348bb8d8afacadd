import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type MatchInput, MatchInputError, match, validateInput } from '../../src/modules/matching/deferred-acceptance.ts';

const reference = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../fixtures/matching-reference-cases.json'), 'utf8')) as {
  cases: { id: string; input: MatchInput; expected: { youthOptimal: Record<string, string | null> } }[];
};

// A copy of shared/data/matching/reference-cases.json, so the suite runs from any checkout.
describe('reference cases', () => {
  for (const c of reference.cases) {
    it(`${c.id} gives the youth-optimal result`, () => {
      expect(match(validateInput(c.input), 1).assignments).toEqual(c.expected.youthOptimal);
    });
  }
});

/** Small random instances with strict lists (no ties), so stability is exact. */
const instance = fc
  .record({ nY: fc.integer({ min: 1, max: 4 }), nO: fc.integer({ min: 1, max: 3 }), seed: fc.nat() })
  .chain(({ nY, nO, seed }) => {
    const ys = Array.from({ length: nY }, (_, i) => `y${i}`);
    const os = Array.from({ length: nO }, (_, i) => `o${i}`);
    const subsetPerm = (items: string[]) =>
      fc.shuffledSubarray(items).chain((s) => fc.shuffledSubarray(s, { minLength: s.length, maxLength: s.length }));
    return fc.record({
      youth: fc.tuple(...ys.map(() => subsetPerm(os))).map((lists) => Object.fromEntries(ys.map((y, i) => [y, lists[i]!]))),
      openings: fc
        .tuple(...os.map(() => fc.tuple(fc.integer({ min: 0, max: 2 }), subsetPerm(ys))))
        .map((list) => Object.fromEntries(os.map((o, i) => [o, { seats: list[i]![0], accepts: list[i]![1] }]))),
      seed: fc.constant(seed),
    }) as fc.Arbitrary<MatchInput>;
  });

/** Place of an opening in a true wish list; one not on it is worth as little as none. */
const pos = (list: string[], x: string | null) => (x === null || !list.includes(x) ? Infinity : list.indexOf(x));
const acceptable = (inp: MatchInput, y: string, o: string) =>
  inp.youth[y]!.includes(o) && (inp.openings[o]!.accepts as string[]).includes(y);

function isValid(inp: MatchInput, a: Record<string, string | null>): boolean {
  const count = new Map<string, number>();
  for (const [y, o] of Object.entries(a)) {
    if (o === null) continue;
    if (!acceptable(inp, y, o)) return false;
    count.set(o, (count.get(o) ?? 0) + 1);
  }
  return [...count].every(([o, n]) => n <= inp.openings[o]!.seats);
}

function isStable(inp: MatchInput, a: Record<string, string | null>): boolean {
  for (const y of Object.keys(inp.youth)) {
    for (const o of inp.youth[y]!) {
      if (pos(inp.youth[y]!, o) >= pos(inp.youth[y]!, a[y] ?? null)) break;
      if (!acceptable(inp, y, o)) continue;
      const accepts = inp.openings[o]!.accepts as string[];
      const holders = Object.keys(a).filter((z) => a[z] === o);
      if (holders.length < inp.openings[o]!.seats) return false;
      if (holders.some((z) => accepts.indexOf(z) > accepts.indexOf(y))) return false;
    }
  }
  return true;
}

/** Every stable matching, by brute force. */
function allStable(inp: MatchInput): Record<string, string | null>[] {
  const ys = Object.keys(inp.youth);
  const out: Record<string, string | null>[] = [];
  const walk = (i: number, a: Record<string, string | null>) => {
    if (i === ys.length) {
      if (isValid(inp, a) && isStable(inp, a)) out.push({ ...a });
      return;
    }
    for (const o of [null, ...inp.youth[ys[i]!]!]) walk(i + 1, { ...a, [ys[i]!]: o });
  };
  walk(0, {});
  return out;
}

describe('deferred acceptance, properties', () => {
  it('is valid and stable', () => {
    fc.assert(
      fc.property(instance, (inp) => {
        const { assignments } = match(inp);
        expect(isValid(inp, assignments)).toBe(true);
        expect(isStable(inp, assignments)).toBe(true);
      }),
    );
  });

  it('equals the youth-optimal stable matching found by brute force', () => {
    fc.assert(
      fc.property(instance, (inp) => {
        const { assignments } = match(inp);
        const stable = allStable(inp);
        expect(stable.length).toBeGreaterThan(0);
        for (const s of stable)
          for (const y of Object.keys(inp.youth))
            expect(pos(inp.youth[y]!, assignments[y]!)).toBeLessThanOrEqual(pos(inp.youth[y]!, s[y]!));
      }),
    );
  });

  it('leaves the same young people unmatched in every stable matching (rural hospitals)', () => {
    fc.assert(
      fc.property(instance, (inp) => {
        const unmatched = (a: Record<string, string | null>) =>
          Object.keys(a)
            .filter((y) => a[y] === null)
            .sort()
            .join();
        const mine = unmatched(match(inp).assignments);
        for (const s of allStable(inp)) expect(unmatched(s)).toBe(mine);
      }),
    );
  });

  it('does not depend on the order of the input', () => {
    fc.assert(
      fc.property(instance, (inp) => {
        const reversed: MatchInput = {
          youth: Object.fromEntries(Object.entries(inp.youth).reverse()),
          openings: Object.fromEntries(Object.entries(inp.openings).reverse()),
          seed: inp.seed,
        };
        expect(match(reversed).assignments).toEqual(match(inp).assignments);
      }),
    );
  });

  it('no young person gains by misreporting their list', () => {
    const withLie = instance.chain((inp) =>
      fc.tuple(fc.constant(inp), fc.constantFrom(...Object.keys(inp.youth)), fc.shuffledSubarray(Object.keys(inp.openings))),
    );
    fc.assert(
      fc.property(withLie, ([inp, y, lie]) => {
        const truth = inp.youth[y]!;
        const truthful = pos(truth, match(inp).assignments[y]!);
        const lied = match({ ...inp, youth: { ...inp.youth, [y]: lie } }).assignments[y]!;
        expect(pos(truth, lied)).toBeGreaterThanOrEqual(truthful);
      }),
    );
  });

  it('breaks ties by a recorded lottery: the same seed gives the same result, stable under the tie-broken order', () => {
    const inp: MatchInput = {
      youth: { a: ['x'], b: ['x'], c: ['x'], d: ['x'] },
      openings: { x: { seats: 2, accepts: [['a', 'b', 'c', 'd']] } },
    };
    const outcomes = new Set<string>();
    for (let seed = 0; seed < 40; seed++) {
      const r = match({ ...inp, seed });
      expect(match({ ...inp, seed }).assignments).toEqual(r.assignments);
      expect(r.stats.matched).toBe(2);
      outcomes.add(JSON.stringify(r.assignments));
    }
    expect(outcomes.size).toBeGreaterThan(1);
  });
});

describe('input validation', () => {
  it.each([
    [[], /JSON object/],
    [{ youth: { a: ['x'] }, openings: {} }, /youth\["a"\]\[0\] names unknown opening "x"/],
    [{ youth: { a: ['x', 'x'] }, openings: { x: { seats: 1, accepts: [] } } }, /youth\["a"\] lists "x" twice/],
    [{ youth: {}, openings: { x: { seats: -1, accepts: [] } } }, /openings\["x"\]\.seats must be a whole number ≥ 0/],
    [{ youth: {}, openings: { x: { seats: 1, accepts: ['a', ['b', 'a']] } } }, /openings\["x"\]\.accepts lists "a" twice/],
  ])('refuses %j', (input, message) => {
    expect(() => validateInput(input)).toThrow(MatchInputError);
    expect(() => validateInput(input)).toThrow(message);
  });

  it('ignores young people an opening lists who did not rank it, and the other way round', () => {
    const r = match(validateInput({ youth: { a: ['x'], b: [] }, openings: { x: { seats: 2, accepts: ['b', 'ghost'] } } }), 1);
    expect(r.assignments).toEqual({ a: null, b: null });
  });
});
