import { type SQL, and, desc, eq, ilike, isNotNull, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { users } from '../accounts/accounts.schema.ts';
import { municipalities } from '../municipalities/municipalities.schema.ts';
import { libraryEntries } from './library.schema.ts';

export type LibraryEntry = Omit<typeof libraryEntries.$inferSelect, 'pdf'>;
export type NewLibraryEntry = typeof libraryEntries.$inferInsert;

/** An entry as a list or page shows it: with its author's and municipality's names. */
export type LibraryEntryView = LibraryEntry & { authorName: string | null; municipalityName: string | null };

export interface LibraryQuery {
  words: string[];
  tag?: string;
  archived: boolean;
}

const e = libraryEntries;
const viewColumns = {
  id: e.id,
  kind: e.kind,
  title: e.title,
  body: e.body,
  tags: e.tags,
  municipalityId: e.municipalityId,
  authorUserId: e.authorUserId,
  pdfName: e.pdfName,
  pdfBytes: e.pdfBytes,
  pinnedAt: e.pinnedAt,
  archivedAt: e.archivedAt,
  createdAt: e.createdAt,
  updatedAt: e.updatedAt,
  authorName: users.name,
  municipalityName: municipalities.name,
};

/** LIKE patterns match the words literally. */
const literal = (word: string) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The library's entries (without their PDFs, which are read one at a time). */
export class LibraryRepository {
  constructor(private readonly db: Db) {}

  private select() {
    return this.db
      .select(viewColumns)
      .from(libraryEntries)
      .leftJoin(users, eq(users.id, libraryEntries.authorUserId))
      .leftJoin(municipalities, eq(municipalities.id, libraryEntries.municipalityId));
  }

  /** Pinned first, then the most recently changed; every word must occur in the title, text or tags. */
  async search(q: LibraryQuery, limit = 100): Promise<LibraryEntryView[]> {
    const conditions: SQL[] = [q.archived ? isNotNull(libraryEntries.archivedAt) : isNull(libraryEntries.archivedAt)];
    for (const word of q.words) {
      conditions.push(
        or(
          ilike(libraryEntries.title, literal(word)),
          ilike(libraryEntries.body, literal(word)),
          sql`exists (select 1 from unnest(${libraryEntries.tags}) tag where tag ilike ${literal(word)})`,
        )!,
      );
    }
    if (q.tag) conditions.push(sql`${libraryEntries.tags} @> array[${q.tag}]::text[]`);
    const rows = await this.select()
      .where(and(...conditions))
      .orderBy(sql`${libraryEntries.pinnedAt} is null`, desc(libraryEntries.pinnedAt), desc(libraryEntries.updatedAt))
      .limit(limit);
    return rows;
  }

  async find(id: string): Promise<LibraryEntryView | undefined> {
    const [row] = await this.select().where(eq(libraryEntries.id, id));
    return row;
  }

  /** The tags in use on entries that are not archived, most used first. */
  async tags(): Promise<{ tag: string; entries: number }[]> {
    const result = await this.db.execute(
      sql`select tag, count(*)::int as entries from library_entries, unnest(tags) tag where archived_at is null group by tag order by count(*) desc, tag limit 40`,
    );
    return (result as { rows: { tag: string; entries: number }[] }).rows.map((r) => ({
      tag: r.tag,
      entries: Number(r.entries),
    }));
  }

  async pdf(id: string): Promise<{ pdf: Buffer; name: string } | undefined> {
    const [row] = await this.db
      .select({ pdf: libraryEntries.pdf, name: libraryEntries.pdfName })
      .from(libraryEntries)
      .where(eq(libraryEntries.id, id));
    return row?.pdf && row.name ? { pdf: row.pdf, name: row.name } : undefined;
  }

  async insert(entry: NewLibraryEntry): Promise<LibraryEntry> {
    const [row] = await this.db.insert(libraryEntries).values(entry).returning({ id: libraryEntries.id });
    return (await this.find(row!.id))!;
  }

  async update(id: string, changes: Partial<NewLibraryEntry>): Promise<void> {
    await this.db.update(libraryEntries).set(changes).where(eq(libraryEntries.id, id));
  }
}
