/**
 * Proposes network groups for young people: groups within the municipality's sizes (the model's
 * 7–8, at most 9 — `modelRules(m).groupSizeMin/groupSizeMax`), each mixing people in an internship
 * with people still looking. Pure; the counsellor adjusts the proposal by hand.
 */
export interface Member {
  id: string;
  inInternship: boolean;
}

/** A group's sizes: the proposal aims at min–max, and no group ever takes more than max. */
export interface GroupSizes {
  min: number;
  max: number;
}

/**
 * How many groups: never more than max in a group (the hard limit), sizes within min–max when that
 * is possible, as close to their middle as possible.
 */
export function groupCount(n: number, sizes: GroupSizes): number {
  const { min, max } = sizes;
  if (n <= max) return 1;
  const ideal = (min + max) / 2;
  let best = Math.ceil(n / max);
  let bestScore = Infinity;
  for (let g = Math.ceil(n / max); g <= Math.ceil(n / min) + 1; g++) {
    // Penalise groups smaller than min far more than distance from the ideal middle.
    const short = Math.max(0, min - Math.floor(n / g));
    const score = short * 100 + Math.abs(n / g - ideal);
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
export function proposeGroups(members: Member[], sizes: GroupSizes): Member[][] {
  if (!members.length) return [];
  const g = groupCount(members.length, sizes);
  const groups: Member[][] = Array.from({ length: g }, () => []);
  const ordered = [...members.filter((m) => m.inInternship), ...members.filter((m) => !m.inInternship)];
  ordered.forEach((m, i) => groups[i % g]!.push(m));
  return groups;
}
