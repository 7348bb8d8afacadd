import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { match } from '../../src/modules/matching/deferred-acceptance.ts';
import { explainWishes } from '../../src/modules/matching/explain.ts';

/** Random rounds as the service builds them: wishes, seats, and answers (can take in tiers 1–3, or not now). */
const round = fc
  .record({ nY: fc.integer({ min: 1, max: 6 }), nO: fc.integer({ min: 1, max: 4 }), seed: fc.nat() })
  .chain(({ nY, nO, seed }) => {
    const ys = Array.from({ length: nY }, (_, i) => `y${i}`);
    const os = Array.from({ length: nO }, (_, i) => `o${i}`);
    const answer = fc.option(
      fc.oneof(
        fc.constant({ answer: 'not_now' as const, tier: 1 }),
        fc.integer({ min: 1, max: 3 }).map((tier) => ({ answer: 'can_take' as const, tier })),
      ),
    );
    return fc
      .record({
        youth: fc.tuple(...ys.map(() => fc.shuffledSubarray(os))).map((l) => Object.fromEntries(ys.map((y, i) => [y, l[i]!]))),
        seats: fc.tuple(...os.map(() => fc.integer({ min: 0, max: 2 }))),
        answers: fc.tuple(...os.map(() => fc.tuple(...ys.map(() => answer)))),
        seed: fc.constant(seed),
      })
      .map(({ youth, seats, answers, seed }) => {
        const answerMap: Record<string, Record<string, { answer: 'can_take' | 'not_now'; tier: number }>> = {};
        const openings: Record<string, { seats: number; accepts: string[][] }> = {};
        os.forEach((o, i) => {
          const tiers: string[][] = [[], [], []];
          ys.forEach((y, j) => {
            const a = answers[i]![j];
            if (!a) return;
            (answerMap[o] ??= {})[y] = a;
            if (a.answer === 'can_take') tiers[a.tier - 1]!.push(y);
          });
          openings[o] = { seats: seats[i]!, accepts: tiers.filter((t) => t.length) };
        });
        return { youth, openings, answers: answerMap, seed };
      });
  });

describe('explanations of a round', () => {
  it('are true of the outcome: a wish above the placement was full of people ranked before you, unanswered, declined or seatless', () => {
    fc.assert(
      fc.property(round, (r) => {
        const { assignments } = match({ youth: r.youth, openings: r.openings, seed: r.seed });
        const facts = { ...r, assignments };
        for (const y of Object.keys(r.youth)) {
          const explained = explainWishes(facts, y);
          const got = assignments[y];
          // Every wish down to the placement is explained, and only the placement says "placed".
          expect(explained.map((e) => e.openingId)).toEqual(got ? r.youth[y]!.slice(0, r.youth[y]!.indexOf(got) + 1) : r.youth[y]);
          for (const e of explained) {
            const holders = Object.keys(assignments).filter((z) => assignments[z] === e.openingId);
            const mine = r.answers[e.openingId]?.[y];
            if (e.outcome === 'placed') expect(e.openingId).toBe(got);
            if (e.outcome === 'filled_before' || e.outcome === 'lottery') {
              expect(holders.length).toBe(r.openings[e.openingId]!.seats);
              for (const z of holders) expect(r.answers[e.openingId]![z]!.tier).toBeLessThanOrEqual(mine!.tier);
            }
            if (e.outcome === 'filled_before') for (const z of holders) expect(r.answers[e.openingId]![z]!.tier).toBeLessThan(mine!.tier);
            if (e.outcome === 'not_answered') expect(mine).toBeUndefined();
            if (e.outcome === 'not_now') expect(mine?.answer).toBe('not_now');
            if (e.outcome === 'no_seats') expect(r.openings[e.openingId]!.seats).toBe(0);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
