import { type SQL, sql } from 'drizzle-orm';
import type { users } from './accounts.schema.ts';

/**
 * The contact details a person has chosen to show (see `users.show_phone` / `show_email`), as
 * columns for a query: null where not chosen, so what is not shown never leaves the database.
 * Takes the table or an alias of it (a supervisor, a consultant).
 */
export function shownContact(u: Pick<typeof users, 'phone' | 'showPhone' | 'email' | 'showEmail'>): {
  phone: SQL<string | null>;
  email: SQL<string | null>;
} {
  return {
    phone: sql<string | null>`case when ${u.showPhone} and ${u.phone} <> '' then ${u.phone} end`,
    email: sql<string | null>`case when ${u.showEmail} then ${u.email} end`,
  };
}
