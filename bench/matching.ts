/**
 * The matching engine at the size of the US national residency match: 45,000 young people, 6,400
 * openings, 41,500 seats, 15 wishes each, companies answering in tiers (ties). Median time of the
 * engine alone and of `nextwork match`, peak memory, and scaling at 1×, 2× and 4× the total length
 * of the wish lists. Target: the engine alone under 0.3 s.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type MatchInput, match } from '../src/modules/matching/deferred-acceptance.ts';
import { random } from '../src/modules/matching/deferred-acceptance.ts';
import { median, root } from './lib.ts';

const runs = Number(process.env.BENCH_RUNS ?? 5);

function instance(scale: number, seed = 1): MatchInput {
  const nY = 45_000 * scale;
  const nO = 6_400 * scale;
  const totalSeats = 41_500 * scale;
  const rnd = random(seed);
  const openings = Array.from({ length: nO }, (_, i) => `o${i}`);
  // Popularity skew: some openings are wished far more often than others.
  const weight = openings.map(() => rnd() ** 2 + 0.05);
  const cumulative: number[] = [];
  weight.reduce((sum, w, i) => (cumulative[i] = sum + w), 0);
  const total = cumulative.at(-1)!;
  const pick = () => {
    const x = rnd() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const youth: Record<string, string[]> = {};
  const applicants: string[][] = openings.map(() => []);
  for (let y = 0; y < nY; y++) {
    const chosen = new Set<number>();
    while (chosen.size < 15) chosen.add(pick());
    youth[`y${y}`] = [...chosen].map((o) => openings[o]!);
    for (const o of chosen) applicants[o]!.push(`y${y}`);
  }
  const seatsEach = totalSeats / nO;
  const result: MatchInput['openings'] = {};
  openings.forEach((o, i) => {
    // Answers in tiers of up to 4, most applicants acceptable.
    const accepted = applicants[i]!.filter(() => rnd() < 0.9);
    const tiers: (string | string[])[] = [];
    for (let k = 0; k < accepted.length; k += 4) tiers.push(accepted.slice(k, k + 4));
    result[o] = { seats: Math.floor(seatsEach) + (rnd() < seatsEach % 1 ? 1 : 0), accepts: tiers };
  });
  return { youth, openings: result, seed: 42 };
}

function timeEngine(input: MatchInput): { ms: number[]; heapMb: number; matched: number } {
  const ms: number[] = [];
  let heapMb = 0;
  let matched = 0;
  for (let i = 0; i < runs; i++) {
    const before = process.memoryUsage().heapUsed;
    const t0 = performance.now();
    const r = match(input);
    ms.push(performance.now() - t0);
    heapMb = Math.max(heapMb, (process.memoryUsage().heapUsed - before) / 2 ** 20);
    matched = r.stats.matched;
  }
  return { ms, heapMb, matched };
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nextwork-match-'));
try {
  console.log(`matching engine — Node ${process.version}, ${runs} runs each`);
  const base: number[] = [];
  for (const scale of [1, 2, 4]) {
    const input = instance(scale);
    const lengths = Object.values(input.youth).reduce((n, l) => n + l.length, 0);
    const { ms, heapMb, matched } = timeEngine(input);
    base.push(median(ms));
    console.log(
      `${scale}×: ${Object.keys(input.youth).length} young people, ${Object.keys(input.openings).length} openings, ${lengths} wishes — engine median ${median(ms).toFixed(0)} ms [${ms.map((x) => x.toFixed(0)).join(', ')}], heap growth ≤ ${heapMb.toFixed(0)} MB, matched ${matched}` +
        (scale > 1 ? `, ${(median(ms) / base[0]!).toFixed(2)}× the 1× time for ${scale}× the wishes` : ''),
    );
    if (scale === 1) {
      const file = path.join(tmp, 'input.json');
      fs.writeFileSync(file, JSON.stringify(input));
      const cli: number[] = [];
      let rss = '';
      for (let i = 0; i < Math.min(3, runs); i++) {
        const t0 = performance.now();
        const r = spawnSync(
          '/usr/bin/time',
          [
            '-f',
            '%M',
            process.execPath,
            path.join(root, 'bin/nextwork.js'),
            'match',
            '--input',
            file,
            '--output',
            path.join(tmp, 'out.json'),
          ],
          { encoding: 'utf8' },
        );
        cli.push(performance.now() - t0);
        if (r.status !== 0) throw new Error(r.stderr);
        rss = r.stderr.trim().split('\n').at(-1) ?? '';
      }
      console.log(
        `1×: nextwork match (read ${(fs.statSync(file).size / 2 ** 20).toFixed(0)} MB JSON, write result) median ${median(cli).toFixed(0)} ms, peak RSS ${(Number(rss) / 1024).toFixed(0)} MB`,
      );
    }
  }
  console.log(`engine alone at 1×: ${base[0]! < 300 ? 'under' : 'NOT under'} the 0.3 s target`);
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
