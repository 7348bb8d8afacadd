import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ChainedRecord, type Design, assignmentAt, chain, verifyChain } from '../../src/modules/evaluation/randomisation.ts';

const design = (seed: string, ratio: [number, number] = [1, 1], multiplier = 2): Design => ({ seed, ratio, multiplier });

describe('randomised intake', () => {
  it('keeps the ratio exactly within every complete block of every stratum', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }),
        fc.constantFrom<[number, number]>([1, 1], [2, 1], [1, 2]),
        fc.integer({ min: 1, max: 3 }),
        fc.string(),
        (seed, ratio, k, stratum) => {
          const d = design(seed, ratio, k);
          const size = k * (ratio[0] + ratio[1]);
          for (let block = 0; block < 3; block++) {
            const arms = Array.from({ length: size }, (_, i) => assignmentAt(d, stratum, block * size + i));
            expect(arms.filter((a) => a === 'nextwork')).toHaveLength(k * ratio[0]);
          }
        },
      ),
    );
  });

  it('is reproducible from the seed, and another seed gives another sequence', () => {
    const seq = (seed: string) => Array.from({ length: 40 }, (_, i) => assignmentAt(design(seed), 'Roskilde|18-24|k', i)).join();
    expect(seq('researcher-secret')).toBe(seq('researcher-secret'));
    expect(seq('researcher-secret')).not.toBe(seq('another-secret'));
    expect(seq('researcher-secret')).not.toBe(
      Array.from({ length: 40 }, (_, i) => assignmentAt(design('researcher-secret'), 'Vejle|18-24|k', i)).join(),
    );
  });
});

describe('tamper-evident chain', () => {
  const build = (n: number) => {
    const records: ChainedRecord[] = [];
    for (let i = 0; i < n; i++)
      records.push(
        chain(records.at(-1), { stratum: 's', subject: `p${i}`, arm: i % 2 ? 'control' : 'nextwork', at: `2026-03-0${1 + (i % 9)}` }),
      );
    return records;
  };

  it('an intact chain verifies', () => {
    expect(verifyChain(build(10))).toBe(-1);
  });

  it('any edit, deletion or reordering is detected at the first affected record', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9 }), fc.constantFrom('arm', 'subject', 'delete', 'swap'), (i, kind) => {
        const records = build(10);
        if (kind === 'arm') records[i] = { ...records[i]!, arm: records[i]!.arm === 'control' ? 'nextwork' : 'control' };
        if (kind === 'subject') records[i] = { ...records[i]!, subject: 'someone-else' };
        if (kind === 'delete') records.splice(i, 1);
        if (kind === 'swap') [records[i], records[(i + 1) % 10]] = [records[(i + 1) % 10]!, records[i]!];
        const broken = verifyChain(records);
        // Cutting off the newest record leaves a valid shorter chain: the head hash must be kept
        // apart (with the trial) to detect truncation. Everything else breaks the chain.
        if (kind === 'delete' && i === 9) expect(broken).toBe(-1);
        else if (kind === 'swap') expect(broken).toBeGreaterThanOrEqual(0);
        else expect(broken).toBe(i);
      }),
    );
  });
});
