import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { match } from '../../src/modules/matching/deferred-acceptance.ts';
import { type RoundFacts, explainWishes } from '../../src/modules/matching/explain.ts';

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

describe('explanations, worked example', () => {
  const can = (tier: number) => ({ answer: 'can_take' as const, tier });
  const facts: RoundFacts = {
    youth: {
      me: ['seatless', 'withdrawn', 'silent', 'declined', 'better', 'tie', 'mine', 'after'],
      left: ['silent', 'better'],
      nowhere: [],
    },
    openings: {
      seatless: { seats: 0 },
      silent: { seats: 1 },
      declined: { seats: 1 },
      better: { seats: 1 },
      tie: { seats: 1 },
      mine: { seats: 2 },
      after: { seats: 1 },
    },
    answers: {
      seatless: { me: can(1) },
      silent: { rival3: can(1), left: can(1) },
      declined: { me: { answer: 'not_now', tier: 1 } },
      better: { rival1: can(1), me: can(2), left: can(1) },
      tie: { rival2: can(2), me: can(2) },
      mine: { me: can(3) },
    },
    assignments: { me: 'mine', rival1: 'better', rival2: 'tie', rival3: 'silent', left: null, nowhere: null },
  };

  it('says for each wish down to the placement what happened to it, ranked from 1', () => {
    expect(explainWishes(facts, 'me')).toEqual([
      { openingId: 'seatless', rank: 1, outcome: 'no_seats' },
      { openingId: 'withdrawn', rank: 2, outcome: 'no_seats' },
      { openingId: 'silent', rank: 3, outcome: 'not_answered' },
      { openingId: 'declined', rank: 4, outcome: 'not_now' },
      { openingId: 'better', rank: 5, outcome: 'filled_before' },
      { openingId: 'tie', rank: 6, outcome: 'lottery' },
      { openingId: 'mine', rank: 7, outcome: 'placed' },
    ]);
  });

  it('explains every wish of someone not placed, and nothing for no wishes', () => {
    expect(explainWishes(facts, 'left')).toEqual([
      { openingId: 'silent', rank: 1, outcome: 'lottery' },
      { openingId: 'better', rank: 2, outcome: 'lottery' },
    ]);
    expect(explainWishes(facts, 'nowhere')).toEqual([]);
    expect(explainWishes(facts, 'unknown')).toEqual([]);
  });

  it('does not trip over a holder without a recorded answer', () => {
    const edited: RoundFacts = { ...facts, answers: { ...facts.answers, tie: { me: can(2) } } };
    expect(explainWishes(edited, 'me')[5]).toEqual({ openingId: 'tie', rank: 6, outcome: 'filled_before' });
  });
});
