import { randomBytes } from 'node:crypto';
import { fmt, freePort, load, signIn, startProcess, stop, waitFor } from './bench/lib.ts';
const url = 'postgres://postgres@127.0.0.1:5432/nextwork_bench_23ca903f';
const port = await freePort();
const server = startProcess(['--import', 'tsx', 'src/app/main.ts'], { DATABASE_URL: url, DATA_KEY: randomBytes(32).toString('hex'), PORT: String(port), DEMO: 'false', LOG_LEVEL: 'warn' });
try {
  await waitFor(`http://127.0.0.1:${port}/health`);
  const cookie = await signIn(port, 'bench@nextwork.test', 'bench-password-1');
  const base = `http://127.0.0.1:${port}`;
  for (const q of ['q=lager', 'q=lagermedarbejder&hours=30', 'q=kokkenhjalper', 'q=hj%C3%A6lper&area=a', 'trade=Q&hours=25', 'q=butik&trade=G']) {
    const paths = [`/api/v1/municipalities/198e5348-fab6-4795-85d5-49e43765335d/openings?${q}`];
    await load(base, paths, 1, cookie);
    console.log(q.padEnd(28), fmt(await load(base, paths, 4, cookie)));
  }
} finally {
  await stop(server);
}
