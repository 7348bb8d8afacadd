import { sql } from 'drizzle-orm';
import { check, customType, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../accounts/accounts.schema.ts';
import { municipalities } from '../municipalities/municipalities.schema.ts';
import type { LibraryKind } from './library.values.ts';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/**
 * The shared learning library of NExTWORK United: methods, tools and anonymised case stories that
 * the staff of every municipality publish and read. Never personal data about a young person (the
 * form says so, and a CPR number is refused); never shown to companies or young people.
 */
export const libraryEntries = pgTable(
  'library_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').$type<LibraryKind>().notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    tags: text('tags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** The author's municipality when they published (none for the programme lead). */
    municipalityId: uuid('municipality_id').references(() => municipalities.id),
    authorUserId: uuid('author_user_id').references(() => users.id, { onDelete: 'set null' }),
    pdf: bytea('pdf'),
    pdfName: text('pdf_name'),
    pdfBytes: integer('pdf_bytes'),
    pinnedAt: timestamp('pinned_at', { withTimezone: true }),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('library_entries_listing_idx').on(t.archivedAt, t.pinnedAt, t.updatedAt),
    index('library_entries_tags_idx').using('gin', t.tags),
    check('library_entries_kind_check', sql`kind in ('method', 'tool', 'case_story')`),
    check('library_entries_pdf_check', sql`(pdf is null) = (pdf_name is null) and (pdf is null) = (pdf_bytes is null)`),
  ],
);
