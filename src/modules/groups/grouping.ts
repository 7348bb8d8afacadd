/**
 * Proposes network groups for young people: groups of 6–7 (at most 8), each mixing people in an
 * internship with people still looking. Pure; the counsellor adjusts the proposal by hand.
 */
export interface Member {
  id: string;
  inInternship: boolean;
}

export const MIN_GROUP = 6;
export const MAX_GROUP = 8;
const IDEAL = 6.5;

/** How many groups: sizes within 6–8 when that is possible, as close to 6–7 as possible. */
export function groupCount(n: number): number {
  if (n <= MAX_GROUP) return 1;
  let best = 1;
  let bestScore = Infinity;
  for (let g = 1; g <= Math.ceil(n / MIN_GROUP) + 1; g++) {
    const small = Math.floor(n / g);
    const large = Math.ceil(n / g);
    // Penalise sizes outside 6–8 far more than distance from the ideal 6.5.
    const outside = Math.max(0, MIN_GROUP - small) + Math.max(0, large - MAX_GROUP);
    const score = outside * 100 + Math.abs(n / g - IDEAL);
    if (score < bestScore) {
      bestScore = score;
      best = g;
    }
  }
  return best;
}

/**
 * Deals people in an internship round-robin over the groups, then those still looking, continuing
 * where the first deal stopped: sizes differ by at most one, and so do the numbers in internship.
 * Input order decides ties (sort by name or join date first for a stable proposal).
 */
export function proposeGroups(members: Member[]): Member[][] {
  if (!members.length) return [];
  const g = groupCount(members.length);
  const groups: Member[][] = Array.from({ length: g }, () => []);
  const ordered = [...members.filter((m) => m.inInternship), ...members.filter((m) => !m.inInternship)];
  ordered.forEach((m, i) => groups[i % g]!.push(m));
  return groups;
}
