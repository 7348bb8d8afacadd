import { index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * A form that arrived after its sender's session had ended, kept for about 30 minutes until they
 * sign in again (saved-forms.ts). What was typed is sealed (AES-GCM under the data key); the row is
 * found only by the hash of a random token in the browser's cookie, and is deleted when used.
 */
export const savedForms = pgTable(
  'saved_forms',
  {
    /** sha256 of the cookie's token. */
    id: text('id').primaryKey(),
    /** The form's page (a local path), to return to after signing in. */
    path: text('path').notNull(),
    /** Sealed JSON: the form's action, the owner's email and the values typed (never passwords). */
    sealed: text('sealed').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('saved_forms_expires_idx').on(t.expiresAt)],
);
