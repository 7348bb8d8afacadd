import { fromPglite, PgBoss } from 'pg-boss';
import type { Database } from '../db/client.ts';

/**
 * A job: a typed definition with a handler and an optional cron schedule. Scheduled runs get one
 * job per slot in pg-boss, so two servers never run the same slot twice.
 */
export interface JobDefinition {
  name: string;
  /** Cron expression in UTC. */
  cron?: string;
  handler: () => Promise<unknown>;
}

export interface JobRunner {
  boss: PgBoss;
  stop(): Promise<void>;
}

export function createBoss(database: Database): PgBoss {
  if (database.kind === 'pglite') {
    return new PgBoss({ db: fromPglite(database.pglite!), backend: 'pglite', schema: 'pgboss' });
  }
  return new PgBoss({ connectionString: database.url!, schema: 'pgboss', max: 4 });
}

/**
 * Starts pg-boss, creates the queues and schedules. With `work`, this process also runs the
 * handlers (embedded mode, or `nextwork worker`); without, it only schedules and sends.
 */
export async function startJobs(
  database: Database,
  jobs: readonly JobDefinition[],
  options: { work: boolean; onError: (err: unknown) => void; pollingIntervalSeconds?: number },
): Promise<JobRunner> {
  const boss = createBoss(database);
  boss.on('error', options.onError);
  await boss.start();
  for (const job of jobs) {
    await boss.createQueue(job.name);
    if (job.cron) await boss.schedule(job.name, job.cron);
    if (options.work) {
      await boss.work(job.name, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 10 }, async () => {
        await job.handler();
      });
    }
  }
  return {
    boss,
    stop: () => boss.stop({ graceful: true, timeout: 10_000, close: true }),
  };
}
