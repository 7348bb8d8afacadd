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
    });
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

/**
 * Larger rounds, as a municipality runs them: up to 60 young people and openings with up to 12
 * seats, so many compete for each opening and the held young people (a heap) are replaced often.
 * Answers are strict lists, or tiers of ties when `ties` is set.
 */
const large = fc
  .record({ nY: fc.integer({ min: 10, max: 60 }), nO: fc.integer({ min: 1, max: 6 }), seed: fc.nat(), ties: fc.boolean() })
  .chain(({ nY, nO, seed, ties }) => {
    const ys = Array.from({ length: nY }, (_, i) => `y${i}`);
    const os = Array.from({ length: nO }, (_, i) => `o${i}`);
    const answer = fc
      .tuple(fc.shuffledSubarray(ys), fc.integer({ min: 1, max: ties ? 6 : 1 }))
      .map(([list, size]) =>
        size === 1 ? list : Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size)),
      );
    return fc.record({
      youth: fc
        .tuple(...ys.map(() => fc.shuffledSubarray(os, { minLength: 1 })))
        .map((l) => Object.fromEntries(ys.map((y, i) => [y, l[i]!]))),
      openings: fc
        .tuple(...os.map(() => fc.tuple(fc.integer({ min: 0, max: 12 }), answer)))
        .map((list) => Object.fromEntries(os.map((o, i) => [o, { seats: list[i]![0], accepts: list[i]![1] }]))),
      seed: fc.constant(seed),
    });
  });

/** An opening's tier for a young person (0 = best), or -1 when it did not list them. */
const tierOf = (inp: MatchInput, o: string, y: string) =>
  inp.openings[o]!.accepts.findIndex((entry) => (Array.isArray(entry) ? entry.includes(y) : entry === y));

/** Deferred acceptance written the plain way (sort and cut), for strict lists. */
function plainDeferredAcceptance(inp: MatchInput): Record<string, string | null> {
  const held = new Map<string, string[]>(Object.keys(inp.openings).map((o) => [o, []]));
  const next = new Map<string, number>();
  const free = Object.keys(inp.youth);
  while (free.length) {
    const y = free.shift()!;
    const list = inp.youth[y]!;
    for (let k = next.get(y) ?? 0; k < list.length; k++) {
      next.set(y, k + 1);
      const o = list[k]!;
      if (tierOf(inp, o, y) < 0) continue;
      const h = held.get(o)!;
      h.push(y);
      h.sort((a, b) => tierOf(inp, o, a) - tierOf(inp, o, b));
      const out = h.length > inp.openings[o]!.seats ? h.pop()! : undefined;
      if (out === y) continue;
      if (out !== undefined) free.push(out);
      break;
    }
  }
  const result: Record<string, string | null> = Object.fromEntries(Object.keys(inp.youth).map((y) => [y, null]));
  for (const [o, ys] of held) for (const y of ys) result[y] = o;
  return result;
}

describe('deferred acceptance, larger rounds', () => {
  it('equals the plain algorithm on strict lists', () => {
    fc.assert(
      fc.property(
        large.filter((inp) => Object.values(inp.openings).every((o) => o.accepts.every((e) => !Array.isArray(e)))),
        (inp) => {
          expect(match(inp).assignments).toEqual(plainDeferredAcceptance(inp));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('is valid and stable with ties: no one is turned away for someone in a worse tier, or for a free seat', () => {
    fc.assert(
      fc.property(large, (inp) => {
        const { assignments } = match(inp);
        const holders = (o: string) => Object.keys(assignments).filter((z) => assignments[z] === o);
        for (const [y, list] of Object.entries(inp.youth)) {
          const got = assignments[y] ?? null;
          if (got !== null) expect(tierOf(inp, got, y), `${y} placed at ${got} without being listed`).toBeGreaterThanOrEqual(0);
          for (const o of list) {
            if (o === got) break;
            const mine = tierOf(inp, o, y);
            if (mine < 0) continue;
            const h = holders(o);
            expect(h.length, `${o} has a free seat ${y} wanted`).toBe(inp.openings[o]!.seats);
            for (const z of h) expect(tierOf(inp, o, z), `${o} holds ${z} in a worse tier than ${y}`).toBeLessThanOrEqual(mine);
          }
        }
        for (const o of Object.keys(inp.openings)) expect(holders(o).length).toBeLessThanOrEqual(inp.openings[o]!.seats);
      }),
      { numRuns: 60 },
    );
  });

  it('reports figures that agree with the assignment', () => {
    fc.assert(
      fc.property(large, (inp) => {
        const { assignments, stats } = match(inp);
        const ys = Object.keys(inp.youth);
        const placedAt = ys.map((y) => (assignments[y] ? inp.youth[y]!.indexOf(assignments[y]) : -1));
        const matched = placedAt.filter((k) => k >= 0).length;
        const seats = Object.values(inp.openings).reduce((s, o) => s + o.seats, 0);
        const ranks = Array.from({ length: Math.max(0, ...placedAt.map((k) => k + 1)) }, (_, k) => placedAt.filter((p) => p === k).length);
        // Every young person proposes to each mutual wish down to the one they get (all of them if none).
        const proposals = ys.reduce((s, y, i) => {
          const reached = placedAt[i]! >= 0 ? inp.youth[y]!.slice(0, placedAt[i]! + 1) : inp.youth[y]!;
          return s + reached.filter((o) => tierOf(inp, o, y) >= 0).length;
        }, 0);
        expect(stats).toEqual({
          youth: ys.length,
          openings: Object.keys(inp.openings).length,
          seats,
          matched,
          unmatched: ys.length - matched,
          firstChoice: ranks[0] ?? 0,
          rankDistribution: ranks,
          seatsFilled: matched,
          seatsFree: seats - matched,
          proposals,
        });
      }),
      { numRuns: 60 },
    );
  });
});

describe('input validation', () => {
  it.each([
    [[], /JSON object/],
    [{ youth: { a: ['x'] }, openings: {} }, /youth\["a"\]\[0\] names unknown opening "x"/],
    [{ youth: { a: ['x', 'x'] }, openings: { x: { seats: 1, accepts: [] } } }, /youth\["a"\] lists "x" twice/],
    [{ youth: {}, openings: { x: { seats: -1, accepts: [] } } }, /openings\["x"\]\.seats must be a whole number ≥ 0/],
    [{ youth: {}, openings: { x: { seats: 1, accepts: ['a', ['b', 'a']] } } }, /openings\["x"\]\.accepts lists "a" twice/],
    [null, /JSON object/],
    ['{}', /JSON object/],
    [{ youth: [], openings: {} }, /"youth" must be an object of wish lists/],
    [{ youth: null, openings: {} }, /"youth" must be an object of wish lists/],
    [{ youth: 'a', openings: {} }, /"youth" must be an object of wish lists/],
    [{ youth: {}, openings: [] }, /"openings" must be an object/],
    [{ youth: {}, openings: null }, /"openings" must be an object/],
    [{ youth: {}, openings: 'x' }, /"openings" must be an object/],
    [{ youth: {}, openings: {}, seed: -1 }, /"seed" must be a whole number ≥ 0/],
    [{ youth: {}, openings: {}, seed: 1.5 }, /"seed" must be a whole number ≥ 0/],
    [{ youth: {}, openings: {}, seed: '3' }, /"seed" must be a whole number ≥ 0/],
    [{ youth: {}, openings: { x: [] } }, /openings\["x"\] must be an object with "seats" and "accepts"/],
    [{ youth: {}, openings: { x: null } }, /openings\["x"\] must be an object with "seats" and "accepts"/],
    [{ youth: {}, openings: { x: 2 } }, /openings\["x"\] must be an object with "seats" and "accepts"/],
    [{ youth: {}, openings: { x: { seats: 1.5, accepts: [] } } }, /openings\["x"\]\.seats must be a whole number ≥ 0/],
    [{ youth: {}, openings: { x: { seats: '1', accepts: [] } } }, /openings\["x"\]\.seats must be a whole number ≥ 0/],
    [{ youth: {}, openings: { x: { seats: 1, accepts: 'a' } } }, /openings\["x"\]\.accepts must be an array/],
    [{ youth: {}, openings: { x: { seats: 1, accepts: ['a', []] } } }, /openings\["x"\]\.accepts\[1\] is an empty tie/],
    [
      { youth: {}, openings: { x: { seats: 1, accepts: [1] } } },
      /openings\["x"\]\.accepts\[0\] must be a youth id or an array of youth ids/,
    ],
    [{ youth: {}, openings: { x: { seats: 1, accepts: [['a', 2]] } } }, /openings\["x"\]\.accepts\[0\] must be a youth id or an array/],
    [{ youth: { a: 'x' }, openings: {} }, /youth\["a"\] must be an array of opening ids/],
    [{ youth: { a: [1] }, openings: {} }, /youth\["a"\]\[0\] must be an opening id/],
  ])('refuses %j', (input, message) => {
    expect(() => validateInput(input)).toThrow(MatchInputError);
    expect(() => validateInput(input)).toThrow(message);
  });

  it('accepts no seats, seed 0, an empty round and no seed, and returns the input itself', () => {
    for (const input of [
      { youth: { a: ['x'] }, openings: { x: { seats: 0, accepts: [['a']] } }, seed: 0 },
      { youth: {}, openings: {} },
      { youth: { a: [] }, openings: { x: { seats: 3, accepts: [] } }, seed: 2 ** 40 },
    ]) {
      expect(validateInput(input)).toBe(input);
    }
  });

  it('ignores young people an opening lists who did not rank it, and the other way round', () => {
    const r = match(validateInput({ youth: { a: ['x'], b: [] }, openings: { x: { seats: 2, accepts: ['b', 'ghost'] } } }), 1);
    expect(r.assignments).toEqual({ a: null, b: null });
  });
});
