import { createHash, createHmac } from 'node:crypto';

/**
 * Concealed, stratified, reproducible assignment for a randomised intake.
 *
 * Within each stratum (a block the researcher defines, e.g. municipality × age band × gender), the
 * sequence is made of permuted blocks with the configured ratio (e.g. 1:1 → blocks of 2k with k of
 * each). Every shuffle is driven by HMAC-SHA256 under a secret seed held by the researcher, so the
 * sequence can be reproduced by whoever holds the seed and cannot be predicted by anyone else.
 */
export type Arm = 'nextwork' | 'control';

export interface Design {
  /** Secret; never shown to frontline staff. */
  seed: string;
  /** Ratio NExTWORK : control, e.g. [1, 1] or [2, 1]. */
  ratio: [number, number];
  /** How many ratio units per permuted block (block size = multiplier × (a + b)). */
  multiplier: number;
}

/** The n-th assignment (0-based) in a stratum. */
export function assignmentAt(design: Design, stratum: string, n: number): Arm {
  const [a, b] = design.ratio;
  const size = design.multiplier * (a + b);
  const block = Math.floor(n / size);
  const arms: Arm[] = [
    ...Array.from({ length: design.multiplier * a }, () => 'nextwork' as const),
    ...Array.from({ length: design.multiplier * b }, () => 'control' as const),
  ];
  // Fisher–Yates driven by HMAC(seed, stratum/block/i): deterministic, unpredictable without the seed.
  for (let i = arms.length - 1; i > 0; i--) {
    const digest = createHmac('sha256', design.seed).update(`${stratum}\u0000${block}\u0000${i}`).digest();
    const j = digest.readUInt32BE(0) % (i + 1);
    [arms[i], arms[j]] = [arms[j]!, arms[i]!];
  }
  return arms[n % size]!;
}

export interface ChainedRecord {
  sequence: number;
  stratum: string;
  subject: string;
  arm: Arm;
  at: string;
  previousHash: string;
  hash: string;
}

export const GENESIS = '0'.repeat(64);

function recordHash(r: Omit<ChainedRecord, 'hash'>): string {
  const canonical = JSON.stringify([r.sequence, r.stratum, r.subject, r.arm, r.at, r.previousHash]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** Appends an assignment to the tamper-evident chain: each record carries the hash of the one before. */
export function chain(
  previous: ChainedRecord | undefined,
  entry: { stratum: string; subject: string; arm: Arm; at: string },
): ChainedRecord {
  const base = { ...entry, sequence: (previous?.sequence ?? -1) + 1, previousHash: previous?.hash ?? GENESIS };
  return { ...base, hash: recordHash(base) };
}

/** The index of the first record that does not fit the chain, or -1 when the chain is intact. */
export function verifyChain(records: ChainedRecord[]): number {
  let previous = GENESIS;
  for (let i = 0; i < records.length; i++) {
    const r = records[i]!;
    if (r.sequence !== i || r.previousHash !== previous || recordHash(r) !== r.hash) return i;
    previous = r.hash;
  }
  return -1;
}
