import type { Config } from './config.ts';
import { boot } from './boot.ts';
import { jobDefinitions } from './services.ts';
import { startJobs } from '../platform/jobs/jobs.ts';
import { answerBackupRequests } from '../platform/db/backup-requests.ts';
import { createLogger } from '../platform/logging/logger.ts';

/** `nextwork worker`: runs the job handlers, for deployments on a PostgreSQL server. */
export async function runWorker(config: Config): Promise<void> {
  const { database, services } = await boot({ ...config, demo: false });
  const log = createLogger(config.logLevel);
  const jobs = await startJobs(database, jobDefinitions(services), { work: true, onError: (err) => log.error({ err }, 'job error') });
  // In embedded mode the worker holds the data directory, so it answers backups too.
  const backups =
    database.kind === 'pglite'
      ? answerBackupRequests(database.pglite!, config.dataDir, (err) => log.error({ err }, 'backup failed'))
      : undefined;
  log.info(`nextwork worker running on ${database.kind}`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await jobs.stop();
  await backups?.stop();
  services.mailer.close();
  await database.close();
}
