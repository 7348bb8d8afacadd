/**
 * Why a young person did not get a wish ranked above the one they got, in plain words and without
 * revealing other young people. Pure: reads only the round's recorded input and result.
 */
export type WishOutcome =
  /** The opening had no free seats this round (full, or no longer published). */
  | 'no_seats'
  /** The company has not answered yet. */
  | 'not_answered'
  /** The company answered "not now". */
  | 'not_now'
  /** The seats went to people the company could take before you (a better tier). */
  | 'filled_before'
  /** The seats went to people in the same tier as you; the round's lottery decided. */
  | 'lottery'
  /** You got this one. */
  | 'placed';

export interface RoundFacts {
  youth: Record<string, string[]>;
  openings: Record<string, { seats: number }>;
  answers: Record<string, Record<string, { answer: 'can_take' | 'not_now'; tier: number }>>;
  assignments: Record<string, string | null>;
}

export interface WishExplanation {
  openingId: string;
  rank: number;
  outcome: WishOutcome;
}

/** Each wish down to (and including) the one the young person got, with what happened to it. */
export function explainWishes(facts: RoundFacts, youthId: string): WishExplanation[] {
  const wishes = facts.youth[youthId] ?? [];
  const got = facts.assignments[youthId] ?? null;
  const out: WishExplanation[] = [];
  for (const [i, openingId] of wishes.entries()) {
    if (openingId === got) {
      out.push({ openingId, rank: i + 1, outcome: 'placed' });
      break;
    }
    out.push({ openingId, rank: i + 1, outcome: outcomeOf(facts, youthId, openingId) });
  }
  return out;
}

function outcomeOf(facts: RoundFacts, youthId: string, openingId: string): WishOutcome {
  if ((facts.openings[openingId]?.seats ?? 0) <= 0) return 'no_seats';
  const answers = facts.answers[openingId] ?? {};
  const mine = answers[youthId];
  if (!mine) return 'not_answered';
  if (mine.answer === 'not_now') return 'not_now';
  // Deferred acceptance only turns a young person away when every seat holds someone the
  // company ranks above them: a better tier, or the same tier and an earlier lottery ticket.
  const holders = Object.entries(facts.assignments).filter(([, o]) => o === openingId);
  return holders.some(([y]) => answers[y]?.tier === mine.tier) ? 'lottery' : 'filled_before';
}
