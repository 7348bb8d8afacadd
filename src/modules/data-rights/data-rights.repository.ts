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
  /** Set once the personal data was erased. */
  erasedAt?: Date | string | null;
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
    return (res as { rows: T[] }).rows;
  }

  private async subject(where: SQL): Promise<DataSubject | undefined> {
    const [row] = await this.rows<DataSubject>(sql`
      select id, user_id as "userId", municipality_id as "municipalityId", first_name as "firstName", last_name as "lastName",
        erased_at as "erasedAt"
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

  /**
   * Erases the young person's personal data (decision 0027): rows only about them are deleted; rows
   * that feed counts (internships, offers, wishes, attendance, status history, scores) and the
   * pseudonymised research data are kept with their free texts emptied; the youth record and the
   * account stay as anonymous tombstones. The audit log is kept (append-only, decision 0002).
   * Call inside a transaction. `sealedNothing`: a sealed placeholder for the CPR number (the data-key
   * check at start-up and the team's page open it). Returns the number of rows deleted and anonymised.
   */
  async erase(subject: DataSubject, now: Date, sealedNothing: string): Promise<{ deleted: number; anonymised: number }> {
    const y = sql`${subject.id}::uuid`;
    const u = sql`${subject.userId}::uuid`;
    const at = sql`${now.toISOString()}::timestamptz`;
    const internshipsOf = sql`internship_id in (select id from internships where youth_id = ${y})`;
    const deletes: SQL[] = [
      sql`delete from youth_photos where youth_id = ${y}`,
      sql`delete from youth_checkins where youth_id = ${y}`,
      sql`delete from report_consents where youth_id = ${y}`,
      sql`delete from session_checkins where youth_id = ${y}`,
      sql`delete from group_post_replies where author_user_id = ${u}`,
      sql`delete from support_notes where youth_id = ${y}`,
      sql`delete from note_read_requests where youth_id = ${y}`,
      sql`delete from movement_reports where youth_id = ${y}`,
      sql`delete from conversations where youth_id = ${y}`,
      sql`delete from conversation_reads where user_id = ${u}`,
      sql`delete from notifications where user_id = ${u}`,
      sql`delete from notification_preferences where user_id = ${u}`,
      sql`delete from feedback_links where ${internshipsOf}`,
      sql`delete from sessions where user_id = ${u}`,
      sql`delete from calendar_feeds where user_id = ${u}`,
      sql`delete from one_time_tokens where user_id = ${u} or youth_id = ${y}`,
      sql`delete from memberships where user_id = ${u}`,
      sql`delete from passport_consents where passport_id in (select id from passports where youth_id = ${y})`,
      sql`delete from passports where youth_id = ${y}`,
      sql`delete from partnership_handovers where youth_id = ${y}`,
      sql`delete from sms_messages where user_id = ${u}`,
      sql`delete from oidc_identities where user_id = ${u}`,
    ];
    const updates: SQL[] = [
      sql`update wishes set reason = '' where youth_id = ${y}`,
      sql`update direct_invitations set message = '' where youth_id = ${y}`,
      sql`update internship_offers set message = '', decline_reason = '' where youth_id = ${y}`,
      sql`update internships set tasks = '', end_note = '', vitas_reference = '', what_to_bring = '', meet_at = '',
        start_late_reason = '' where youth_id = ${y}`,
      sql`update internship_events set note = '' where ${internshipsOf}`,
      sql`update internship_extensions set reason = '' where ${internshipsOf}`,
      sql`update internship_feedback set did_well = '', concern = '' where ${internshipsOf}`,
      sql`update internship_meetings set note = '' where ${internshipsOf}`,
      sql`update group_posts set body = '', hidden_at = coalesce(hidden_at, ${at}) where author_user_id = ${u}`,
      sql`update movement_assessments set reasons = '{}'::jsonb where youth_id = ${y}`,
      sql`update staff_time set note = '' where youth_id = ${y}`,
      sql`update youth_status_history set reason = '' where youth_id = ${y} and reason not in ('job', 'education', 'other', 'moved', 'not_eligible', 'invitation_accepted')`,
      // The research data keeps its pseudonym and sealed CPR number (for the register follow-up)
      // but loses the link to the record (decision 0014).
      sql`update trial_participants set youth_id = null where youth_id = ${y}`,
      sql`update users set email = 'erased-' || id::text || '@invalid', name = '', password_hash = null, phone = '',
        show_phone = false, show_email = false, disabled_at = coalesce(disabled_at, ${at}) where id = ${u}`,
      sql`update youth set user_id = null, first_name = '', last_name = '', email = '', phone = '', cpr_sealed = ${sealedNothing},
        cpr_hash = 'erased:' || id::text, birth_date = date_trunc('year', birth_date)::date, referring_caseworker = '',
        caseworker_user_id = null, eligibility_note = '', wish_to_try = '', good_at = '', matters_at_work = '',
        practical_hours = '', practical_transport = '', can_start_on = null,
        visibility = (select jsonb_object_agg(k, false) from jsonb_object_keys(visibility) k),
        photo_updated_at = null, updated_at = ${at}, erased_at = ${at} where id = ${y}`,
    ];
    let deleted = 0;
    let anonymised = 0;
    const count = (res: unknown) =>
      Number((res as { rowCount?: number; affectedRows?: number }).rowCount ?? (res as { affectedRows?: number }).affectedRows ?? 0);
    for (const q of deletes) deleted += count(await this.db.execute(q));
    for (const q of updates) anonymised += count(await this.db.execute(q));
    return { deleted, anonymised };
  }

  /** Young people whose course ended longer ago than their municipality keeps personal data, not yet erased. */
  async dueForErasure(now: Date): Promise<DataSubject[]> {
    return this.rows<DataSubject>(sql`
      select y.id, y.user_id as "userId", y.municipality_id as "municipalityId", y.first_name as "firstName", y.last_name as "lastName"
      from youth y join municipalities m on m.id = y.municipality_id
      where y.erased_at is null and y.status = 'ended'
        and y.status_since < ${now.toISOString()}::timestamptz - make_interval(months => m.youth_retention_months)
      order by y.status_since`);
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
