import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from './config.ts';
import { DataDirLockedError } from '../platform/db/lock.ts';
import { DataKeyMismatchError } from '../platform/crypto/sealed.ts';
import { BackupError } from '../platform/db/backup-requests.ts';
import { demoAccounts } from '../modules/demo/demo-accounts.ts';
import { MatchInputError } from '../modules/matching/deferred-acceptance.ts';
import { runMatchCommand } from '../modules/matching/match.command.ts';
import { EstimationError } from '../modules/evaluation/estimators.ts';
import { runEvaluateCommand } from '../modules/evaluation/evaluate.command.ts';
import { safeError } from '../platform/logging/log-safety.ts';
import { startupFailureLine } from './startup-failure.ts';

const usage = `Usage: nextwork <command> [options]

Commands:
  demo-accounts [--json]        The demo log-ins, one per role per demo municipality
  migrate                       Apply database migrations and exit
  worker                        Run the background jobs (with DATABASE_URL, beside the web servers)
  backup --output FILE          Write a consistent copy of the embedded database (also while it runs)
  restore --input FILE [--force]
                                Restore the embedded database from a backup (not while it runs)
  openapi [--output FILE]       Print the OpenAPI document
  match --input FILE [--output FILE] [--seed N]
                                Run a matching round on a JSON file (youth-proposing deferred acceptance)
  evaluate --input FILE.csv --outcome COL --treatment COL [--covariates a,b] [--blocks COL]
           [--estimator ols|lin|dim] [--se HC2|HC0|HC1|HC3|classical]
                                Estimate an effect as R's estimatr does; prints one JSON object
                                whose notes name a dropped (aliased) column; an undefined standard
                                error, p-value and interval are null, with the reason in the notes
`;

class UsageError extends Error {}

async function run(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'demo-accounts': {
      const { values } = parseArgs({ args: rest, options: { json: { type: 'boolean', default: false } } });
      const accounts = demoAccounts();
      if (values.json) {
        process.stdout.write(JSON.stringify(accounts, null, 2) + '\n');
      } else {
        for (const a of accounts)
          process.stdout.write(`${a.role.padEnd(20)} ${a.email.padEnd(44)} ${a.password}  ${a.municipality ?? '-'}\n`);
      }
      return;
    }
    case 'migrate': {
      const { openDatabase } = await import('../platform/db/client.ts');
      const { migrateDatabase } = await import('../platform/db/migrate.ts');
      const { dataKeyFor, verifyDataKey } = await import('./boot.ts');
      const config = loadConfig();
      const database = await openDatabase(config);
      try {
        await migrateDatabase(database);
        await verifyDataKey(database, dataKeyFor(config));
      } finally {
        await database.close();
      }
      process.stdout.write('Migrations applied.\n');
      return;
    }
    case 'worker': {
      const { runWorker } = await import('./worker.ts');
      await runWorker(loadConfig());
      return;
    }
    case 'backup': {
      const { values } = parseArgs({ args: rest, options: { output: { type: 'string' } } });
      if (!values.output) throw new UsageError('backup needs --output FILE');
      const { backupCommand } = await import('./backup.ts');
      process.stdout.write(await backupCommand(loadConfig(), values.output));
      return;
    }
    case 'restore': {
      const { values } = parseArgs({ args: rest, options: { input: { type: 'string' }, force: { type: 'boolean', default: false } } });
      if (!values.input) throw new UsageError('restore needs --input FILE');
      const { restoreCommand } = await import('./backup.ts');
      process.stdout.write(await restoreCommand(loadConfig(), values.input, values.force));
      return;
    }
    case 'openapi': {
      const { values } = parseArgs({ args: rest, options: { output: { type: 'string' } } });
      const { generateOpenApi } = await import('./openapi.ts');
      const doc = await generateOpenApi();
      if (values.output) fs.writeFileSync(values.output, doc);
      else process.stdout.write(doc);
      return;
    }
    case 'match': {
      const { values } = parseArgs({
        args: rest,
        options: { input: { type: 'string' }, output: { type: 'string' }, seed: { type: 'string' } },
      });
      runMatchCommand(values);
      return;
    }
    case 'evaluate': {
      const { values } = parseArgs({
        args: rest,
        options: {
          input: { type: 'string' },
          outcome: { type: 'string' },
          treatment: { type: 'string' },
          covariates: { type: 'string' },
          blocks: { type: 'string' },
          estimator: { type: 'string' },
          se: { type: 'string' },
        },
      });
      process.stdout.write(runEvaluateCommand(values));
      return;
    }
    case undefined:
    case 'help':
    case '--help':
      process.stdout.write(usage);
      return;
    default:
      throw new UsageError(`Unknown command "${command}".\n\n${usage}`);
  }
}

run(process.argv.slice(2)).catch((err: unknown) => {
  if (
    err instanceof UsageError ||
    err instanceof MatchInputError ||
    err instanceof EstimationError ||
    err instanceof ConfigError ||
    err instanceof DataDirLockedError ||
    err instanceof DataKeyMismatchError ||
    err instanceof BackupError ||
    (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
  ) {
    console.error((err as Error).message);
    process.exit(2);
  }
  const line = startupFailureLine(err);
  if (line) console.error(line);
  else console.error(safeError(err).stack); // no bound values or tokens (#19.3)
  process.exit(1);
});
