import { describe, expect, it } from 'vitest';
import { type MatchInput, match } from '../../src/modules/matching/deferred-acceptance.ts';
import type { PlacementView, Round } from '../../src/modules/matching/matching.repository.ts';
import type { PlacementStatus } from '../../src/modules/matching/matching.schema.ts';
import { reportOf } from '../../src/modules/matching/rounds.service.ts';

// The figures a round reports: MatchStats from the algorithm, and the team's report built on them.
// Property checks of the same figures on random rounds are in matching.test.ts.

describe('the statistics of a round', () => {
  it('count young people, seats, placements, wishes granted and proposals', () => {
    const input: MatchInput = {
      youth: { a: ['x', 'y'], b: ['x'], c: ['y', 'x'], d: ['z'], e: [] },
      openings: {
        x: { seats: 1, accepts: ['b', 'a', 'c'] },
        y: { seats: 2, accepts: ['a', 'c'] },
        z: { seats: 1, accepts: [] }, // d wished it, but the company did not answer
        w: { seats: 3, accepts: ['a'] }, // nobody wished it
      },
      seed: 1,
    };
    const r = match(input);
    // b takes x from a, who then gets y; c gets y; d and e get nothing.
    expect(r.assignments).toEqual({ a: 'y', b: 'x', c: 'y', d: null, e: null });
    expect(r.stats).toEqual({
      youth: 5,
      openings: 4,
      seats: 7,
      matched: 3,
      unmatched: 2,
      firstChoice: 2,
      rankDistribution: [2, 1],
      seatsFilled: 3,
      seatsFree: 4,
      // a → x, b → x, a → y, c → y; d's wish was not mutual and is no proposal
      proposals: 4,
    });
  });

  it('show a wish rank nobody got as 0, and count a proposal to an opening without seats', () => {
    const r = match({
      youth: { f: ['p', 'q', 'r'] },
      openings: { p: { seats: 0, accepts: ['f'] }, q: { seats: 1, accepts: [] }, r: { seats: 1, accepts: [['f']] } },
      seed: 3,
    });
    expect(r.assignments).toEqual({ f: 'r' });
    expect(r.stats).toMatchObject({ firstChoice: 0, rankDistribution: [0, 0, 1], proposals: 2, seatsFree: 1 });
  });

  it('are all zero for an empty round', () => {
    expect(match({ youth: {}, openings: {}, seed: 0 }).stats).toEqual({
      youth: 0,
      openings: 0,
      seats: 0,
      matched: 0,
      unmatched: 0,
      firstChoice: 0,
      rankDistribution: [],
      seatsFilled: 0,
      seatsFree: 0,
      proposals: 0,
    });
  });
});

describe("the team's report of a round", () => {
  const input = {
    youth: { a: ['x', 'y'], b: ['x'], c: ['y', 'x'], d: ['z'] },
    openings: {
      x: { seats: 1, accepts: ['b', 'a', 'c'] },
      y: { seats: 3, accepts: ['a', 'c'] },
      z: { seats: 2, accepts: [] },
    },
    answers: {},
  };
  const result = match({ ...input, seed: 1 });
  const round = { stats: result.stats, input } as unknown as Round;
  const placement = (youthId: string, status: PlacementStatus) =>
    ({ youthId, openingId: result.assignments[youthId], status }) as unknown as PlacementView;

  it('gives the shares, the free seats per opening and the answers so far', () => {
    const report = reportOf(round, [placement('a', 'accepted'), placement('b', 'declined'), placement('c', 'offered')]);
    expect(report).toEqual({
      youth: 4,
      placed: 3,
      firstWish: 2,
      placedShare: 0.75,
      firstWishShare: 0.5,
      rankDistribution: [2, 1],
      seats: 6,
      seatsFree: 3,
      openingsLeftFree: [
        { openingId: 'y', free: 1 },
        { openingId: 'z', free: 2 },
      ],
      accepted: 1,
      declined: 1,
      waiting: 1,
    });
  });

  it('counts only the placements given to an opening as taking its seats', () => {
    const unplaced = { youthId: 'd', openingId: null, status: 'unplaced' } as unknown as PlacementView;
    const report = reportOf(round, [placement('a', 'offered'), placement('c', 'offered'), unplaced]);
    expect(report.openingsLeftFree).toEqual([
      { openingId: 'x', free: 1 },
      { openingId: 'y', free: 1 },
      { openingId: 'z', free: 2 },
    ]);
    expect(report).toMatchObject({ accepted: 0, declined: 0, waiting: 2 });
  });

  it('gives shares of 0 for a round without young people', () => {
    const empty = match({ youth: {}, openings: { x: { seats: 2, accepts: [] } }, seed: 1 });
    const report = reportOf(
      { stats: empty.stats, input: { youth: {}, openings: { x: { seats: 2, accepts: [] } }, answers: {} } } as unknown as Round,
      [],
    );
    expect(report).toMatchObject({ youth: 0, placedShare: 0, firstWishShare: 0, openingsLeftFree: [{ openingId: 'x', free: 2 }] });
  });
});
