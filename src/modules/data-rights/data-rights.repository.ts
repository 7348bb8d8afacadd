import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { references, type Source, sources } from './data-rights.sources.ts';

/** A row of the export: the table's columns as JSON (dates as ISO strings), minus the omitted ones. */
export type ExportRow = Record<string, unknown>;

export interface ExportSection {
  table: string;
  rows: ExportRow[];
}

/** The young person an export or an erasure is about. */
export interface DataSubject {
  id: string;
  userId: string | null;
  municipalityId: string;
  firstName: string;
  lastName: string;
}

/**
 * The young person's data across the platform (a read model, decision 0018): every table of
 * `data-rights.sources.ts`, read by their youth id and their account's id, with the names of the
 * people and records the rows refer to.
 */
export class DataRightsRepository {
  constructor(private readonly db: Db) {}

  private async rows<T>(query: SQL): Promise<T[]> {
    const res = await this.db.execute(query);
    return (res as unknown as { rows: T[] }).rows;
  }

  private async subject(where: SQL): Promise<DataSubject | undefined> {
    const [row] = await this.rows<DataSubject>(sql`
      select id, user_id as "userId", municipality_id as "municipalityId", first_name as "firstName", last_name as "lastName"
      from youth where ${where}`);
    return row;
  }

  find(youthId: string): Promise<DataSubject | undefined> {
    return this.subject(sql`id = ${youthId}::uuid`);
  }

  findByUser(userId: string): Promise<DataSubject | undefined> {
    return this.subject(sql`user_id = ${userId}::uuid`);
  }

  /** Whether a psychologist said yes to the young person reading the psychologist's notes. */
  async psychologistNotesGranted(youthId: string): Promise<boolean> {
    const [row] = await this.rows<{ n: number }>(
      sql`select count(*)::int as n from note_read_requests where youth_id = ${youthId}::uuid and answer = 'granted'`,
    );
    return (row?.n ?? 0) > 0;
  }

  private section(source: Source, youth: SQL, user: SQL): Promise<{ row: ExportRow }[]> {
    const omit = Object.keys(source.omit ?? {});
    const photo = source.table === 'youth_photos';
    const dropped = photo ? [...omit, 'bytes'] : omit;
    const row = dropped.length
      ? sql`to_jsonb(t) - array[${sql.join(
          dropped.map((c) => sql`${c}`),
          sql`, `,
        )}]::text[]`
      : sql`to_jsonb(t)`;
    // The photo as base64, not the bytea's hex text.
    const value = photo ? sql`${row} || jsonb_build_object('bytes_base64', encode(t.bytes, 'base64'))` : row;
    const order = source.order ? sql` order by ${sql.raw(source.order)}` : sql``;
    return this.rows<{ row: ExportRow }>(
      sql`select ${value} as row from ${sql.raw(`"${source.table}"`)} t where ${source.where({ youth, user })}${order}`,
    );
  }

  /** Every section, in the order of `sources`; sections without rows are kept (empty). */
  async collect(subject: DataSubject): Promise<ExportSection[]> {
    const youth = sql`${subject.id}::uuid`;
    const user = sql`${subject.userId}::uuid`;
    const sections: ExportSection[] = [];
    // One at a time: the export is rare, and a young person's data is a few hundred rows.
    for (const source of sources) {
      const rows = await this.section(source, youth, user);
      sections.push({ table: source.table, rows: rows.map((r) => r.row) });
    }
    return sections;
  }

  /** The names of the users among `ids`. */
  async userNames(ids: readonly string[]): Promise<Record<string, string>> {
    if (!ids.length) return {};
    const rows = await this.rows<{ id: string; name: string }>(
      sql`select id::text as id, name from users where id::text in (${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )})`,
    );
    return Object.fromEntries(rows.map((r) => [r.id, r.name]));
  }

  /** The names of referred records (companies, openings, groups…): `column → id → name`. */
  async recordNames(ids: Readonly<Record<string, readonly string[]>>): Promise<Record<string, Record<string, string>>> {
    const out: Record<string, Record<string, string>> = {};
    for (const [column, values] of Object.entries(ids)) {
      const ref = references[column];
      if (!ref || !values.length) continue;
      const rows = await this.rows<{ id: string; name: string }>(
        sql`select id::text as id, ${sql.raw(`"${ref.column}"`)} as name from ${sql.raw(`"${ref.table}"`)} where id::text in (${sql.join(
          values.map((v) => sql`${v}`),
          sql`, `,
        )})`,
      );
      out[column] = Object.fromEntries(rows.map((r) => [r.id, r.name]));
    }
    return out;
  }
}
