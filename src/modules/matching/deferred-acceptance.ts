/**
 * Youth-proposing deferred acceptance with seats per opening (the hospital/residents problem).
 * Pure: no database, no clock. Every young person gets the best opening on their list that they
 * can have in any stable outcome. A pair counts only if both sides listed each other. Ties in an
 * opening's list are broken by one lottery over all young people, drawn from a seed, so any round
 * can be re-run and checked.
 */

/** An opening's answer: best first; an inner array is a tie (a tier). */
export type Accepts = (string | string[])[];

export interface MatchInput {
  youth: Record<string, string[]>;
  openings: Record<string, { seats: number; accepts: Accepts }>;
  seed?: number;
}

export interface MatchStats {
  youth: number;
  openings: number;
  seats: number;
  matched: number;
  unmatched: number;
  firstChoice: number;
  /** How many got their 1st, 2nd, … wish (index 0 = first wish). */
  rankDistribution: number[];
  seatsFilled: number;
  seatsFree: number;
  proposals: number;
}

export interface MatchResult {
  assignments: Record<string, string | null>;
  seed: number;
  stats: MatchStats;
}

export class MatchInputError extends Error {}

/** A small, fast, seedable generator (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Checks the input's shape and consistency; throws MatchInputError naming the problem and where. */
export function validateInput(input: unknown): MatchInput {
  const fail = (msg: string): never => {
    throw new MatchInputError(msg);
  };
  if (!input || typeof input !== 'object' || Array.isArray(input)) fail('input must be a JSON object with "youth" and "openings"');
  const { youth, openings, seed } = input as Record<string, unknown>;
  if (!youth || typeof youth !== 'object' || Array.isArray(youth)) fail('"youth" must be an object of wish lists');
  if (!openings || typeof openings !== 'object' || Array.isArray(openings)) fail('"openings" must be an object');
  if (seed !== undefined && (!Number.isSafeInteger(seed) || (seed as number) < 0)) fail('"seed" must be a whole number ≥ 0');
  const openingMap = openings as Record<string, unknown>;
  for (const [id, o] of Object.entries(openingMap)) {
    if (!o || typeof o !== 'object' || Array.isArray(o)) fail(`openings["${id}"] must be an object with "seats" and "accepts"`);
    const { seats, accepts } = o as Record<string, unknown>;
    if (!Number.isSafeInteger(seats) || (seats as number) < 0) fail(`openings["${id}"].seats must be a whole number ≥ 0`);
    if (!Array.isArray(accepts)) fail(`openings["${id}"].accepts must be an array`);
    const seen = new Set<string>();
    (accepts as unknown[]).forEach((entry, i) => {
      const tier = Array.isArray(entry) ? entry : [entry];
      if (Array.isArray(entry) && entry.length === 0) fail(`openings["${id}"].accepts[${i}] is an empty tie`);
      for (const y of tier) {
        if (typeof y !== 'string') fail(`openings["${id}"].accepts[${i}] must be a youth id or an array of youth ids`);
        if (seen.has(y as string)) fail(`openings["${id}"].accepts lists "${y as string}" twice`);
        seen.add(y as string);
      }
    });
  }
  for (const [id, list] of Object.entries(youth as Record<string, unknown>)) {
    if (!Array.isArray(list)) fail(`youth["${id}"] must be an array of opening ids`);
    const seen = new Set<string>();
    (list as unknown[]).forEach((o, i) => {
      if (typeof o !== 'string') fail(`youth["${id}"][${i}] must be an opening id`);
      if (!Object.hasOwn(openingMap, o as string)) fail(`youth["${id}"][${i}] names unknown opening "${o as string}"`);
      if (seen.has(o as string)) fail(`youth["${id}"] lists "${o as string}" twice`);
      seen.add(o as string);
    });
  }
  return input as MatchInput;
}

/** A max-heap of (rank, youth) pairs: the worst held young person on top. */
class Held {
  ranks: number[] = [];
  ids: number[] = [];
  get size() {
    return this.ranks.length;
  }
  worstRank() {
    return this.ranks[0]!;
  }
  push(rank: number, y: number) {
    const r = this.ranks;
    const ids = this.ids;
    let i = r.length;
    r.push(rank);
    ids.push(y);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (r[p]! >= rank) break;
      r[i] = r[p]!;
      ids[i] = ids[p]!;
      i = p;
    }
    r[i] = rank;
    ids[i] = y;
  }
  /** Replaces the worst with (rank, y) and returns the one let go. */
  replaceWorst(rank: number, y: number): number {
    const r = this.ranks;
    const ids = this.ids;
    const out = ids[0]!;
    const n = r.length;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const c = l + 1 < n && r[l + 1]! > r[l]! ? l + 1 : l;
      if (r[c]! <= rank) break;
      r[i] = r[c]!;
      ids[i] = ids[c]!;
      i = c;
    }
    r[i] = rank;
    ids[i] = y;
    return out;
  }
}

/** Runs the round. Assumes valid input (see validateInput). */
export function match(input: MatchInput, seedIfNone?: number): MatchResult {
  const seed = input.seed ?? seedIfNone ?? Math.floor(Math.random() * 2 ** 31);
  // Ids sorted, so the result does not depend on the order of the input.
  const youthIds = Object.keys(input.youth).sort();
  const openingIds = Object.keys(input.openings).sort();
  const openingIndex = new Map(openingIds.map((id, i) => [id, i]));

  // One lottery over all young people breaks every tie (single tie-breaking): a seeded shuffle.
  const nY = youthIds.length;
  const drawn = new Int32Array(nY); // drawn[k] = the young person drawn k-th
  const ticket = new Int32Array(nY); // ticket[y] = when y was drawn
  for (let i = 0; i < nY; i++) drawn[i] = i;
  const rnd = random(seed);
  for (let i = nY - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    const t = drawn[i]!;
    drawn[i] = drawn[j]!;
    drawn[j] = t;
  }
  for (let k = 0; k < nY; k++) ticket[drawn[k]!] = k;

  // Wish lists in one flat array (CSR): youth y's wishes are wishO[start[y] .. start[y + 1]).
  const start = new Int32Array(nY + 1);
  for (let y = 0; y < nY; y++) start[y + 1] = start[y]! + input.youth[youthIds[y]!]!.length;
  const wishO = new Int32Array(start[nY]!);
  for (let y = 0; y < nY; y++) {
    const list = input.youth[youthIds[y]!]!;
    for (let k = 0; k < list.length; k++) wishO[start[y]! + k] = openingIndex.get(list[k]!)!;
  }

  // rankAt[p]: how the opening of wish p ranks this young person — tier × nY + lottery ticket, a
  // strict order with ties broken by the lottery — or -1 when the opening did not list them
  // (not mutually acceptable). Only the order matters, so no sorting is needed.
  const rankAt = new Float64Array(wishO.length).fill(-1);
  const seats = new Int32Array(openingIds.length);
  // The wishes grouped by opening (counting sort), so each opening's answer is resolved against the
  // few young people who wished it — a small table that stays in cache — rather than against one
  // table of every young person: that global look-up was most of the time and grew faster than
  // the input (cache misses).
  const byO = new Int32Array(openingIds.length + 1);
  for (let p = 0; p < wishO.length; p++) byO[wishO[p]! + 1]!++;
  for (let o = 0; o < openingIds.length; o++) byO[o + 1]! += byO[o]!;
  const fill = byO.slice(0, openingIds.length);
  const wishP = new Int32Array(wishO.length); // wish positions, grouped by opening
  const wishY = new Int32Array(wishO.length); // the young person of each
  for (let y = 0; y < nY; y++) {
    for (let p = start[y]!; p < start[y + 1]!; p++) {
      const k = fill[wishO[p]!]!++;
      wishP[k] = p;
      wishY[k] = y;
    }
  }
  const wishers = new Map<string, number>();
  const rank = (id: string, tier: number) => {
    const k = wishers.get(id);
    if (k !== undefined) rankAt[wishP[k]!] = tier * nY + ticket[wishY[k]!]!;
  };
  for (let o = 0; o < openingIds.length; o++) {
    const opening = input.openings[openingIds[o]!]!;
    seats[o] = opening.seats;
    wishers.clear();
    for (let k = byO[o]!; k < byO[o + 1]!; k++) wishers.set(youthIds[wishY[k]!]!, k);
    for (let tier = 0; tier < opening.accepts.length; tier++) {
      const entry = opening.accepts[tier]!;
      if (Array.isArray(entry)) for (const id of entry) rank(id, tier);
      else rank(entry, tier);
    }
  }

  const next = new Int32Array(youthIds.length);
  const assigned = new Int32Array(youthIds.length).fill(-1);
  const held = openingIds.map(() => new Held());
  const free: number[] = [];
  for (let y = youthIds.length - 1; y >= 0; y--) free.push(y);
  let proposals = 0;

  while (free.length) {
    const y = free.pop()!;
    const end = start[y + 1]!;
    while (start[y]! + next[y]! < end) {
      const p = start[y]! + next[y]!++;
      const r = rankAt[p]!;
      if (r < 0) continue; // not mutually acceptable
      const o = wishO[p]!;
      proposals++;
      const h = held[o]!;
      if (h.size < seats[o]!) {
        h.push(r, y);
        assigned[y] = o;
        break;
      }
      if (h.size > 0 && r < h.worstRank()) {
        const out = h.replaceWorst(r, y);
        assigned[y] = o;
        assigned[out] = -1;
        free.push(out);
        break;
      }
    }
  }

  const assignments: Record<string, string | null> = {};
  const rankDistribution: number[] = [];
  let matched = 0;
  youthIds.forEach((id, y) => {
    const o = assigned[y]!;
    assignments[id] = o >= 0 ? openingIds[o]! : null;
    if (o >= 0) {
      matched++;
      let k = 0;
      while (wishO[start[y]! + k] !== o) k++;
      rankDistribution[k] = (rankDistribution[k] ?? 0) + 1;
    }
  });
  const totalSeats = seats.reduce((a, b) => a + b, 0);
  return {
    assignments,
    seed,
    stats: {
      youth: youthIds.length,
      openings: openingIds.length,
      seats: totalSeats,
      matched,
      unmatched: youthIds.length - matched,
      firstChoice: rankDistribution[0] ?? 0,
      rankDistribution: Array.from(rankDistribution, (n) => n ?? 0),
      seatsFilled: matched,
      seatsFree: totalSeats - matched,
      proposals,
    },
  };
}
