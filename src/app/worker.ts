import type { Config } from './config.ts';
import { boot } from './boot.ts';
import { jobDefinitions } from './services.ts';
import { startJobs } from '../platform/jobs/jobs.ts';

/** `nextwork worker`: runs the job handlers, for deployments on a PostgreSQL server. */
export async function runWorker(config: Config): Promise<void> {
  const { database, services } = await boot({ ...config, demo: false });
  const jobs = await startJobs(database, jobDefinitions(services), { work: true, onError: (err) => console.error('job error', err) });
  console.log(`nextwork worker running on ${database.kind}`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await jobs.stop();
  services.mailer.close();
  await database.close();
}
