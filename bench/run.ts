/**
 * Benchmarks for the foundation (loopback only, bounded):
 *  1. start-up of `npm start` on an empty data directory (initdb + migrate + seed) and on an existing one;
 *  2. the signed-in dashboard under 20 connections for 10 s, beside a bare Fastify route, with the ratio.
 * Prints medians; these machines are noisy, so compare ratios more than absolute numbers.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { DEMO_PASSWORD, demoEmail, demoMunicipalities } from '../src/modules/demo/demo-accounts.ts';

const root = path.resolve(import.meta.dirname, '..');
const runs = Number(process.env.BENCH_RUNS ?? 3);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

async function waitFor(url: string, timeoutMs = 60_000): Promise<void> {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

function startProcess(args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

/** Time from spawning `npm start`'s command to the first successful health check. */
async function timeStart(dataDir: string): Promise<{ ms: number; child: ChildProcess; port: number }> {
  const port = await freePort();
  const t0 = performance.now();
  const child = startProcess(['--import', 'tsx', 'src/app/main.ts'], { DATA_DIR: dataDir, PORT: String(port) });
  await waitFor(`http://127.0.0.1:${port}/health`);
  return { ms: performance.now() - t0, child, port };
}

async function signIn(port: number): Promise<string> {
  const base = `http://127.0.0.1:${port}`;
  const page = await fetch(`${base}/sign-in`);
  const cookies = page.headers.getSetCookie().map((c) => c.split(';')[0]!);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())![1]!;
  const res = await fetch(`${base}/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookies.join('; ') },
    body: new URLSearchParams({ _csrf: csrf, email: demoEmail('team_leader', demoMunicipalities[0]!), password: DEMO_PASSWORD }),
  });
  if (res.status !== 303) throw new Error(`sign-in failed with ${res.status}`);
  const session = res.headers.getSetCookie().find((c) => c.startsWith('nw_session='))!;
  return [...cookies, session.split(';')[0]!].join('; ');
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

/** 20 connections for the set time; latencies of every response, so p50 and p95 are exact. */
async function load(url: string, cookie?: string) {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, connections: 20, duration: seconds, headers: cookie ? { cookie } : {} }, (err, res) =>
      err ? reject(err as Error) : resolve(res),
    );
    instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
  });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  latencies.sort((a, b) => a - b);
  return { rps: result.requests.average, p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99) };
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nextwork-bench-'));
try {
  console.log(`nextwork benchmarks — ${os.cpus().length} cores, Node ${process.version}, ${runs} runs`);
  const empty: number[] = [];
  const existing: number[] = [];
  let dataDir = '';
  for (let i = 0; i < runs; i++) {
    dataDir = path.join(tmp, `data-${i}`);
    const first = await timeStart(dataDir);
    empty.push(first.ms);
    await stop(first.child);
    const again = await timeStart(dataDir);
    existing.push(again.ms);
    await stop(again.child);
  }
  console.log(
    `start-up, empty data dir (initdb + migrate + seed): median ${median(empty).toFixed(0)} ms  [${empty.map((x) => x.toFixed(0)).join(', ')}]`,
  );
  console.log(
    `start-up, existing data dir:                        median ${median(existing).toFixed(0)} ms  [${existing.map((x) => x.toFixed(0)).join(', ')}]`,
  );

  const server = await timeStart(dataDir);
  const barePort = await freePort();
  const bare = startProcess(['--import', 'tsx', 'bench/bare-server.ts'], { PORT: String(barePort) });
  try {
    await waitFor(`http://127.0.0.1:${barePort}/bare`);
    const cookie = await signIn(server.port);
    await load(`http://127.0.0.1:${server.port}/dashboard`, cookie); // warm-up
    const dash = await load(`http://127.0.0.1:${server.port}/dashboard`, cookie);
    const floor = await load(`http://127.0.0.1:${barePort}/bare`);
    const fmt = (r: typeof dash) =>
      `${r.rps.toFixed(0)} req/s, p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms`;
    console.log(`dashboard (PGlite, signed in, 20 connections, ${seconds} s): ${fmt(dash)}`);
    console.log(`bare Fastify route (same run):                       ${fmt(floor)}`);
    console.log(
      `ratio bare/dashboard throughput: ${(floor.rps / dash.rps).toFixed(1)}×; dashboard p95 ${dash.p95.toFixed(1)} ms against the 50 ms target: ${dash.p95 < 50 ? 'met' : 'NOT met'}`,
    );
  } finally {
    await stop(bare);
    await stop(server.child);
  }
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
