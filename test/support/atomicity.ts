import { sql } from 'drizzle-orm';
import type { TestContext } from './context.ts';

let seq = 0;

/**
 * Makes the database refuse audit entries of one action, as a crash or a full disk between the
 * write and its audit entry would: runs `fn` with the refusal in place and removes it afterwards.
 * A service that writes and audits in one transaction then leaves nothing behind.
 */
export async function withAuditRefused<T>(t: TestContext, action: string, fn: () => Promise<T>): Promise<T> {
  const name = `refuse_audit_${++seq}_${process.pid}`;
  await t.database.db.execute(
    sql.raw(
      `create function ${name}() returns trigger language plpgsql as $$ begin if new.action = '${action.replace(/'/g, "''")}' then raise exception 'audit refused (test)'; end if; return new; end $$`,
    ),
  );
  await t.database.db.execute(sql.raw(`create trigger ${name} before insert on audit_events for each row execute function ${name}()`));
  try {
    return await fn();
  } finally {
    await t.database.db.execute(sql.raw(`drop trigger ${name} on audit_events`));
    await t.database.db.execute(sql.raw(`drop function ${name}()`));
  }
}
