/**
 * Foundation benchmarks (loopback only, bounded):
 *  1. start-up of `npm start` on an empty data directory (initdb + migrate + seed) and on an existing one;
 *  2. the signed-in dashboard under 20 connections for 10 s, beside a bare Fastify route, with the ratio.
 * Prints medians; these machines are noisy, so compare ratios more than absolute numbers.
 */
import { type ChildProcess, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEMO_PASSWORD, demoEmail, demoMunicipalities } from '../src/modules/demo/demo-accounts.ts';
import { fmt, freePort, load, median, root, signIn, startProcess, stop, waitFor } from './lib.ts';

const runs = Number(process.env.BENCH_RUNS ?? 3);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);

/** `npm start` runs the compiled build (bin/start.js); `npm run dev` the sources through tsx. */
const compiled = ['bin/start.js'];
const sources = ['--import', 'tsx', 'src/app/main.ts'];

/** Time from spawning `npm start`'s command to the first successful health check. */
async function timeStart(dataDir: string, command = compiled): Promise<{ ms: number; child: ChildProcess; port: number }> {
  const port = await freePort();
  const t0 = performance.now();
  const child = startProcess(command, { DATA_DIR: dataDir, PORT: String(port) });
  await waitFor(`http://127.0.0.1:${port}/health`);
  return { ms: performance.now() - t0, child, port };
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nextwork-bench-'));
try {
  console.log(`nextwork benchmarks — ${os.cpus().length} cores, Node ${process.version}, ${runs} runs`);
  const buildStart = performance.now();
  if (spawnSync(process.execPath, ['bin/build.js'], { cwd: root, stdio: 'inherit' }).status !== 0) throw new Error('build failed');
  console.log(`build (tsc -p tsconfig.build.json, from scratch): ${(performance.now() - buildStart).toFixed(0)} ms`);
  const empty: number[] = [];
  const existing: number[] = [];
  const existingSources: number[] = [];
  let dataDir = '';
  for (let i = 0; i < runs; i++) {
    dataDir = path.join(tmp, `data-${i}`);
    const first = await timeStart(dataDir);
    empty.push(first.ms);
    await stop(first.child);
    const again = await timeStart(dataDir);
    existing.push(again.ms);
    await stop(again.child);
    const fromSources = await timeStart(dataDir, sources);
    existingSources.push(fromSources.ms);
    await stop(fromSources.child);
  }
  console.log(
    `start-up, empty data dir (initdb + migrate + seed): median ${median(empty).toFixed(0)} ms  [${empty.map((x) => x.toFixed(0)).join(', ')}]`,
  );
  console.log(
    `start-up, existing data dir:                        median ${median(existing).toFixed(0)} ms  [${existing.map((x) => x.toFixed(0)).join(', ')}]  target < 1500 ms`,
  );
  console.log(
    `  the same from the sources through tsx (npm run dev): median ${median(existingSources).toFixed(0)} ms — compiled is ${(median(existingSources) / median(existing)).toFixed(2)}× faster`,
  );

  const server = await timeStart(dataDir);
  const barePort = await freePort();
  const bare = startProcess(['--import', 'tsx', 'bench/bare-server.ts'], { PORT: String(barePort) });
  try {
    await waitFor(`http://127.0.0.1:${barePort}/bare`);
    const cookie = await signIn(server.port, demoEmail('team_leader', demoMunicipalities[0]!), DEMO_PASSWORD);
    const base = `http://127.0.0.1:${server.port}`;
    await load(base, ['/dashboard'], Math.min(3, seconds), cookie); // warm-up
    const dash = await load(base, ['/dashboard'], seconds, cookie);
    const floor = await load(`http://127.0.0.1:${barePort}`, ['/bare'], seconds);
    console.log(`dashboard (PGlite, signed in, 20 connections, ${seconds} s): ${fmt(dash)}`);
    console.log(`bare Fastify route (same run):                       ${fmt(floor)}`);
    console.log(
      `ratio bare/dashboard throughput: ${(floor.rps / dash.rps).toFixed(1)}×; dashboard p95 ${dash.p95.toFixed(1)} ms against the 50 ms target: ${dash.p95 < 50 ? 'met' : 'NOT met'}`,
    );
    // The DKFDS stylesheet as a page links it (content-hashed), compressed, as a browser asks for it.
    const signInPage = await (await fetch(`${base}/sign-in`)).text();
    const stylesheet = /href="(\/assets\/dkfds\/css\/dkfds\.min\.css\?v=[0-9a-f]+)"/.exec(signInPage)![1]!;
    const encoding = { 'accept-encoding': 'gzip, deflate, br' };
    await load(base, [stylesheet], Math.min(3, seconds), undefined, encoding); // warm-up: read and compressed once
    const asset = await load(base, [stylesheet], seconds, undefined, encoding);
    const floorAgain = await load(`http://127.0.0.1:${barePort}`, ['/bare'], seconds);
    console.log(`static asset (DKFDS CSS, brotli, 20 connections):   ${fmt(asset)}`);
    console.log(`bare Fastify route (same run):                       ${fmt(floorAgain)}`);
    const share = asset.rps / floorAgain.rps;
    console.log(
      `static asset at ${(share * 100).toFixed(0)} % of the bare route's req/s against the 50 % target: ${share >= 0.5 ? 'met' : 'NOT met'}`,
    );
  } finally {
    await stop(bare);
    await stop(server.child);
  }
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
