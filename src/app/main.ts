import { ConfigError, loadConfig } from './config.ts';
import { boot, sessionSecretFor } from './boot.ts';
import { buildServer } from './server.ts';
import { jobDefinitions } from './services.ts';
import { startJobs } from '../platform/jobs/jobs.ts';
import { DataDirLockedError } from '../platform/db/lock.ts';
import { answerBackupRequests } from '../platform/db/backup-requests.ts';
import { DataKeyMismatchError } from '../platform/crypto/sealed.ts';
import { followSessionChanges } from '../modules/accounts/session-cache.ts';
import { safeError } from '../platform/logging/log-safety.ts';
import { startupFailureLine } from './startup-failure.ts';

/** `npm start`: the platform on one port; in embedded mode it also runs the jobs. */
async function main(): Promise<void> {
  const started = performance.now();
  const config = loadConfig();
  const { database, services, seeded } = await boot(config);
  const app = await buildServer(services, {
    sessionSecret: sessionSecretFor(config),
    secureCookies: config.secureCookies,
    logLevel: config.logLevel,
    trustProxy: config.trustProxy,
    maxConcurrentRequests: config.maxConcurrentRequests,
  });
  const sessionNotices = await followSessionChanges(database, services.sessionCache, (err) =>
    app.log.warn({ err }, 'session change notices lost: the session cache is off until they are back'),
  );
  const jobs = await startJobs(database, jobDefinitions(services), {
    // With a PostgreSQL server, `nextwork worker` runs the handlers; the web servers only schedule.
    work: database.kind === 'pglite',
    onError: (err) => app.log.error({ err }, 'job error'),
  });
  const backups =
    database.kind === 'pglite'
      ? answerBackupRequests(database.pglite!, config.dataDir, (err) => app.log.error({ err }, 'backup failed'))
      : undefined;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    try {
      await app.close();
      await sessionNotices?.close();
      await jobs.stop();
      await backups?.stop();
      services.mailer.close();
      await database.close();
    } finally {
      process.exit(0);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  app.log.info(
    { url: config.baseUrl, database: database.kind, demo: config.demo, seeded, startupMs: Math.round(performance.now() - started) },
    `nextwork is ready at ${config.baseUrl}`,
  );
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof DataDirLockedError || err instanceof DataKeyMismatchError) {
    console.error(err.message);
    process.exit(2);
  }
  const line = startupFailureLine(err);
  if (line) console.error(line);
  else console.error(safeError(err).stack); // no bound values or tokens (#19.3)
  process.exit(1);
});
