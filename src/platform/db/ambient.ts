import { AsyncLocalStorage } from 'node:async_hooks';
import type { Db } from './client.ts';

/** One unit of work: its open transaction, and what to do once it has ended (committed or not). */
interface Unit {
  tx: Db;
  after: (() => Promise<void>)[];
}

const units = new AsyncLocalStorage<Unit>();

type TransactionFn = Db['transaction'];

/**
 * The database as code sees it: inside `db.transaction(…)` every query made through this object —
 * by any repository, the audit log included — joins that transaction, without passing `tx` down;
 * elsewhere it is the pool. So a service write, its history and its audit entry commit together or
 * not at all (#19.10). A transaction opened inside another is a savepoint of it.
 */
export function ambient(base: Db): Db {
  const transaction =
    (unit: Unit | undefined): TransactionFn =>
    async (fn, config) => {
      if (unit) return unit.tx.transaction((tx) => units.run({ tx, after: unit.after }, () => fn(tx)), config);
      const after: Unit['after'] = [];
      let result: Awaited<ReturnType<typeof fn>>;
      try {
        result = await base.transaction((tx) => units.run({ tx, after }, () => fn(tx)), config);
      } catch (err) {
        await Promise.allSettled(after.map((f) => f()));
        throw err;
      }
      for (const f of after) await f();
      return result;
    };
  return new Proxy(base, {
    get(target, prop) {
      const unit = units.getStore();
      if (prop === 'transaction') return transaction(unit);
      const source = unit?.tx ?? target;
      const value: unknown = Reflect.get(source, prop);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(source) : value;
    },
  });
}

/**
 * Runs `fn` once the current unit of work has ended — committed or rolled back — or now when there
 * is none. For what must be kept whatever happens to the unit: an audited refusal.
 */
export async function afterUnit(fn: () => Promise<void>): Promise<void> {
  const unit = units.getStore();
  if (unit) unit.after.push(() => units.exit(fn));
  else await fn();
}
