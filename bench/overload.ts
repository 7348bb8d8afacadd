/**
 * Overload (#19.13): 1,000 concurrent connections for 10 s against the signed-in dashboard of a
 * server on PostgreSQL (loopback only, bounded), with load shedding at its default and switched
 * off. Prints the share answered 200 and 503, the p95 of the 200s, and the time to the first 503.
 */
import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import { DEMO_PASSWORD, demoEmail, demoMunicipalities } from '../src/modules/demo/demo-accounts.ts';
import { freePort, signIn, startProcess, stop, waitFor, withScratchPostgres } from './lib.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 1_000);

async function flood(base: string, cookie: string) {
  const ok: number[] = [];
  let shed = 0;
  let other = 0;
  let firstShedMs: number | null = null;
  const started = performance.now();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url: `${base}/dashboard`, connections, duration: seconds, timeout: 10, headers: { cookie } },
      (err, res) => (err ? reject(err as Error) : resolve(res)),
    );
    instance.on('response', (_client, status, _bytes, ms) => {
      if (status === 200) ok.push(ms);
      else if (status === 503) {
        shed++;
        firstShedMs ??= performance.now() - started;
      } else other++;
    });
  });
  ok.sort((a, b) => a - b);
  const sent = ok.length + shed + other + result.timeouts;
  const pct = (n: number) => `${((100 * n) / Math.max(1, sent)).toFixed(1)} %`;
  const p95 = ok.length ? ok[Math.floor(0.95 * (ok.length - 1))]!.toFixed(0) : '–';
  return `${sent} requests: ${pct(ok.length)} answered 200 (p95 ${p95} ms), ${pct(shed)} 503, ${pct(result.timeouts)} unanswered after 10 s, ${other} other; first 503 after ${firstShedMs === null ? '–' : `${(firstShedMs as number).toFixed(0)} ms`}`;
}

await withScratchPostgres(async (url) => {
  const env = { DATABASE_URL: url, DATA_KEY: randomBytes(32).toString('hex'), SESSION_SECRET: randomBytes(32).toString('hex'), DEMO: '1' };
  for (const [label, limit] of [
    ['load shedding at the default (the pool size, 20)', undefined],
    ['load shedding at 3 × the pool size (60)', '60'],
    ['load shedding off', '100000'],
  ] as const) {
    const port = await freePort();
    const child = startProcess(['--import', 'tsx', 'src/app/main.ts'], {
      ...env,
      PORT: String(port),
      ...(limit ? { MAX_CONCURRENT_REQUESTS: limit } : {}),
    });
    try {
      await waitFor(`http://127.0.0.1:${port}/health`, 180_000);
      const cookie = await signIn(port, demoEmail('team_leader', demoMunicipalities[0]!), DEMO_PASSWORD);
      console.log(
        `overload, PostgreSQL, ${connections} connections, ${seconds} s, ${label}:\n  ${await flood(`http://127.0.0.1:${port}`, cookie)}`,
      );
    } finally {
      await stop(child);
    }
  }
});
