import type { Db } from './client.ts';

/**
 * A unit of work, as services see the database: they open a transaction, and every repository call
 * inside joins it (ambient.ts); nested, it is a savepoint of the outer one. Services get this port
 * instead of the `Db`, so a service cannot query by accident: SQL belongs to repositories
 * (decision 0018).
 */
export interface Transactions {
  transaction<T>(fn: () => Promise<T>): Promise<T>;
}

/** The port over the ambient database (built once, in the composition root). */
export function transactionsOf(db: Db): Transactions {
  return { transaction: (fn) => db.transaction(() => fn()) };
}
