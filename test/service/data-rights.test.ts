import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { DEMO_PASSWORD, demoEmail, demoMunicipalities, demoWithOfferEmail } from '../../src/modules/demo/demo-accounts.ts';
import { seedDemo } from '../../src/modules/demo/seed.ts';
import { keptAfterErasure, notExported, sources } from '../../src/modules/data-rights/data-rights.sources.ts';
import { municipalities } from '../../src/modules/municipalities/municipalities.schema.ts';
import type { DataExport } from '../../src/modules/data-rights/data-rights.service.ts';
import { youth } from '../../src/modules/youth/youth.schema.ts';
import { users } from '../../src/modules/accounts/accounts.schema.ts';
import { supportNotes } from '../../src/modules/support/support.schema.ts';
import { auditEvents } from '../../src/platform/audit/audit.schema.ts';
import { da } from '../../src/platform/i18n/da.ts';
import { en } from '../../src/platform/i18n/en.ts';
import type { Actor } from '../../src/platform/access/policy.ts';
import { type TestContext, auditFor, createTestContext, ctx, failure, makeUser } from '../support/context.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
  await seedDemo(t.database.db, t.clock.now(), t.services.sealer);
}, 120_000);
afterAll(() => t.close());

const rows = async <T>(query: ReturnType<typeof sql>) => ((await t.database.db.execute(query)) as { rows: T[] }).rows ?? [];

interface PersonColumn {
  table: string;
  column: string;
  /** What it refers to: a young person's record or a user's account. */
  refers: 'youth' | 'users';
}

/**
 * Every column in the database that refers to a young person or a user: a foreign key to `youth`
 * or `users`, or a name that says so (`youth_id`, `user_id`, `*_user_id`, `actor_id`) — the audit
 * log's columns have no foreign keys on purpose (it outlives the rows).
 */
async function personColumns(): Promise<PersonColumn[]> {
  const found = await rows<{ table: string; column: string; fk: string | null }>(sql`
    select c.table_name as "table", c.column_name as "column",
      (select ccu.table_name from information_schema.key_column_usage k
        join information_schema.table_constraints tc on tc.constraint_name = k.constraint_name and tc.constraint_type = 'FOREIGN KEY'
        join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name
        where k.table_schema = c.table_schema and k.table_name = c.table_name and k.column_name = c.column_name
          and ccu.table_name in ('youth', 'users') limit 1) as fk
    from information_schema.columns c
    where c.table_schema = 'public' order by 1, 2`);
  const out: PersonColumn[] = [];
  for (const r of found) {
    const named =
      r.column === 'youth_id'
        ? 'youth'
        : r.column === 'user_id' || r.column.endsWith('_user_id') || r.column === 'actor_id'
          ? 'users'
          : null;
    const refers = (r.fk as 'youth' | 'users' | null) ?? named;
    if (refers) out.push({ table: r.table, column: r.column, refers });
  }
  // The person tables themselves: their id is the person.
  out.push({ table: 'youth', column: 'id', refers: 'youth' }, { table: 'users', column: 'id', refers: 'users' });
  return out;
}

async function actorOf(email: string): Promise<Actor> {
  const { sessionToken } = await t.services.accounts.signInWithPassword(ctx(null), { email, password: DEMO_PASSWORD }, '10.0.0.9');
  return (await t.services.accounts.resolveSession(sessionToken))!.actor;
}

const rowKey = (table: string, row: Record<string, unknown>) => {
  if ('id' in row) return String(row.id);
  const omit = new Set(Object.keys(sources.find((s) => s.table === table)?.omit ?? {}));
  return JSON.stringify(
    Object.entries(row)
      .filter(([k]) => !omit.has(k))
      .sort(([a], [b]) => a.localeCompare(b)),
  );
};

describe('the export covers every table that refers to a person (schema-driven)', () => {
  it('classifies every person column of the database: exported by it, naming someone else, or a table not exported with a reason', async () => {
    const columns = await personColumns();
    expect(columns.length).toBeGreaterThan(60);
    const missing = columns.filter(({ table, column }) => {
      if (notExported[table]) return false;
      const source = sources.find((s) => s.table === table);
      return !source || ![...source.subject, ...(source.others ?? [])].includes(column);
    });
    // A new table or column that refers to a young person or a user lands here: add it to
    // modules/data-rights/data-rights.sources.ts (exported, or not exported with the reason).
    expect(missing.map((c) => `${c.table}.${c.column}`)).toEqual([]);
  });

  it('names no table or column that does not exist, and gives every reason in words', async () => {
    const all = await rows<{ table: string; column: string }>(
      sql`select table_name as "table", column_name as "column" from information_schema.columns where table_schema = 'public'`,
    );
    const has = (table: string, column?: string) => all.some((c) => c.table === table && (!column || c.column === column));
    for (const s of sources) {
      for (const c of [...s.subject, ...(s.others ?? []), ...Object.keys(s.omit ?? {})])
        expect(has(s.table, c), `${s.table}.${c}`).toBe(true);
      for (const reason of Object.values(s.omit ?? {})) expect(reason.length).toBeGreaterThan(30);
    }
    for (const [table, reason] of Object.entries(notExported)) {
      expect(has(table), table).toBe(true);
      expect(reason.length).toBeGreaterThan(30);
    }
  });

  it('labels every section and every shown column in Danish and English (no raw column names in the document)', async () => {
    const all = await rows<{ table: string; column: string }>(
      sql`select table_name as "table", column_name as "column" from information_schema.columns where table_schema = 'public'`,
    );
    const unlabelled: string[] = [];
    for (const s of sources) {
      for (const catalog of [da, en] as Record<string, string>[])
        if (!catalog[`data.section.${s.table}`]) unlabelled.push(`section ${s.table}`);
      for (const { column } of all.filter((c) => c.table === s.table)) {
        if (s.omit?.[column] || column === 'id') continue;
        const shown = !column.endsWith('_id') || column === 'user_id' || column.endsWith('_user_id');
        const named = ['municipality_id', 'company_id', 'opening_id', 'group_id', 'event_id', 'trial_id'].includes(column);
        if (!shown && !named) continue;
        for (const catalog of [da, en] as Record<string, string>[])
          if (!catalog[`data.col.${column}`]) unlabelled.push(`${s.table}.${column}`);
      }
    }
    expect(unlabelled).toEqual([]);
  });

  it('holds every row that refers to a demo young person, in every table, and no one else’s', async () => {
    const columns = await personColumns();
    const roskilde = demoMunicipalities[0]!;
    const emails = [demoEmail('youth', roskilde), demoWithOfferEmail(roskilde)];
    const tablesWithRows = new Set<string>();
    for (const email of emails) {
      const actor = await actorOf(email);
      const c = ctx(actor);
      const exported = await t.services.dataRights.exportMine(c);
      const [y] = await t.database.db.select().from(youth).where(eq(youth.userId, actor.userId));
      const left: string[] = [];
      for (const { table, column, refers } of columns) {
        if (notExported[table]) continue;
        const id = refers === 'youth' ? y!.id : actor.userId;
        const held = await rows<{ row: Record<string, unknown> }>(
          sql`select to_jsonb(t) as row from ${sql.raw(`"${table}"`)} t where ${sql.raw(`"${column}"`)}::text = ${id}`,
        );
        if (held.length) tablesWithRows.add(table);
        const section = exported.sections.find((s) => s.table === table);
        const keys = new Set(section?.rows.map((r) => rowKey(table, r)));
        // The export's own audit entry is written once the export is made.
        const before = held.filter((h) => table !== 'audit_events' || h.row.request_id !== c.requestId);
        for (const h of before) if (!keys.has(rowKey(table, h.row))) left.push(`${table}.${column}`);
      }
      expect([...new Set(left)]).toEqual([]);
      // Nothing about another young person: rows chosen by the young person hold them.
      for (const s of exported.sections) {
        for (const r of s.rows) {
          if ('youth_id' in r && sources.find((x) => x.table === s.table)?.subject.includes('youth_id')) expect(r.youth_id).toBe(y!.id);
        }
      }
      for (const r of exported.sections.find((s) => s.table === 'group_posts')!.rows) expect(r.author_user_id).toBe(actor.userId);
      // The CPR number and the password hash never leave.
      const text = JSON.stringify(exported);
      const [account] = await t.database.db.select().from(users).where(eq(users.id, actor.userId));
      for (const secret of [y!.cprSealed, y!.cprHash, account!.passwordHash!]) expect(text.includes(secret)).toBe(false);
    }
    // The demo gives the check something to check: most kinds of data about a young person.
    expect(tablesWithRows.size).toBeGreaterThanOrEqual(15);
  });
});

describe('exporting', () => {
  it("is audited: the young person's own export, with the number of rows", async () => {
    const actor = await actorOf(demoEmail('youth', demoMunicipalities[0]!));
    const c = ctx(actor);
    const exported = await t.services.dataRights.exportMine(c);
    const [entry] = await auditFor(t, c.requestId!);
    expect(entry).toMatchObject({ action: 'data.export', outcome: 'allowed', subjectUserId: actor.userId, targetType: 'youth' });
    expect(entry!.details).toEqual({ requestedBy: 'self', rows: exported.sections.reduce((n, s) => n + s.rows.length, 0) });
    expect(exported.requestedBy).toBe('self');
    // Names, not ids: the staff who changed the young person's status.
    expect(Object.values(exported.people).length).toBeGreaterThan(0);
  });

  it('is done by the team for a request by letter (audited), and refused to others as not found (audited)', async () => {
    const roskilde = demoMunicipalities[0]!;
    const young = await actorOf(demoEmail('youth', roskilde));
    const [y] = await t.database.db.select().from(youth).where(eq(youth.userId, young.userId));
    const leader = await actorOf(demoEmail('team_leader', roskilde));
    const c = ctx(leader);
    const exported = await t.services.dataRights.exportFor(c, y!.id);
    expect(exported.requestedBy).toBe('team');
    expect(exported.sections.find((s) => s.table === 'youth')!.rows[0]!.id).toBe(y!.id);
    expect((await auditFor(t, c.requestId!))[0]).toMatchObject({
      action: 'data.export',
      actorRole: 'team_leader',
      subjectUserId: young.userId,
    });

    // Another municipality's team leader, a company contact, a caseworker, another young person, someone without a role.
    const other = await makeUser(t, []);
    const refused = [
      await actorOf(demoEmail('team_leader', demoMunicipalities[1]!)),
      await actorOf(demoEmail('company_contact', roskilde)),
      await actorOf(demoEmail('caseworker', roskilde)),
      await actorOf(demoWithOfferEmail(roskilde)),
      other,
    ];
    for (const actor of refused) {
      const d = ctx(actor);
      expect((await failure(t.services.dataRights.exportFor(d, y!.id))).code).toBe('not_found');
      expect((await auditFor(t, d.requestId!))[0]).toMatchObject({ action: 'data.export', outcome: 'denied', subjectUserId: young.userId });
    }
    // Someone without a young person's record has nothing to export.
    expect((await failure(t.services.dataRights.exportMine(ctx(leader)))).code).toBe('not_found');
  });

  it("shows the team's and an unread psychologist's notes as dates only, the young person's own in full", async () => {
    const actor = await actorOf(demoEmail('youth', demoMunicipalities[0]!));
    const [y] = await t.database.db.select().from(youth).where(eq(youth.userId, actor.userId));
    const base = {
      municipalityId: y!.municipalityId,
      youthId: y!.id,
      heldOn: '2026-11-02',
      conversation: 'meeting' as const,
      createdAt: t.clock.now(),
    };
    await t.database.db.insert(supportNotes).values([
      { ...base, kind: 'team', note: 'TEAM-SECRET', nextStep: 'TEAM-NEXT' },
      { ...base, kind: 'psychologist', note: 'PSY-SECRET' },
      { ...base, kind: 'youth', note: 'MY-OWN-WORDS', authorUserId: actor.userId },
    ]);
    const exported: DataExport = await t.services.dataRights.exportMine(ctx(actor));
    const text = JSON.stringify(exported);
    expect(text).not.toContain('TEAM-SECRET');
    expect(text).not.toContain('TEAM-NEXT');
    expect(text).not.toContain('PSY-SECRET');
    expect(text).toContain('MY-OWN-WORDS');
    const notes = exported.sections.find((s) => s.table === 'support_notes')!.rows;
    expect(new Set(notes.filter((n) => n.withheld).map((n) => n.kind))).toEqual(new Set(['psychologist', 'team']));
    await t.database.db.delete(supportNotes).where(and(eq(supportNotes.youthId, y!.id), eq(supportNotes.heldOn, '2026-11-02')));
  });

  it('leaves the audit log append-only: exporting writes one entry and changes none', async () => {
    const before = await rows<{ n: number }>(sql`select count(*)::int as n from audit_events`);
    const actor = await actorOf(demoEmail('youth', demoMunicipalities[0]!));
    const c = ctx(actor);
    await t.services.dataRights.exportMine(c);
    const after = await rows<{ n: number }>(sql`select count(*)::int as n from audit_events`);
    // The sign-in above is one entry, the export another.
    expect(after[0]!.n - before[0]!.n).toBe(2);
    expect(await t.database.db.select().from(auditEvents).where(eq(auditEvents.requestId, c.requestId!))).toHaveLength(1);
  });
});

/** A demo young person with an account, an internship, a group and a post: much to erase. */
async function richYoungPerson(except: string[]) {
  const [row] = await rows<{ id: string }>(sql`
    select y.id from youth y join users u on u.id = y.user_id
    where y.erased_at is null and lower(u.email) not in (${sql.join(
      except.map((e) => sql`${e.toLowerCase()}`),
      sql`, `,
    )})
      and exists (select 1 from internships i where i.youth_id = y.id)
      and exists (select 1 from group_members g where g.youth_id = y.id)
      and exists (select 1 from trial_participants p where p.youth_id = y.id)
    order by (select count(*) from group_posts p where p.author_user_id = y.user_id) desc, y.id limit 1`);
  const [y] = await t.database.db.select().from(youth).where(eq(youth.id, row!.id));
  return y!;
}

/** Every text and JSON column of every table (but the audit log) that holds one of the markers. */
async function holding(markers: string[]): Promise<string[]> {
  const columns = await rows<{ table: string; column: string }>(sql`
    select table_name as "table", column_name as "column" from information_schema.columns
    where table_schema = 'public' and data_type in ('text', 'character varying', 'jsonb', 'json') and table_name <> 'audit_events'`);
  const found: string[] = [];
  const patterns = sql.join(
    markers.map((m) => sql`${`%${m}%`}`),
    sql`, `,
  );
  for (const { table, column } of columns) {
    const [r] = await rows<{ n: number }>(
      sql`select count(*)::int as n from ${sql.raw(`"${table}"`)} where ${sql.raw(`"${column}"`)}::text ilike any (array[${patterns}])`,
    );
    if (r!.n > 0) found.push(`${table}.${column}`);
  }
  return found;
}

const figures = async (municipalityId: string) =>
  (
    await rows<Record<string, number>>(sql`
    select (select count(*)::int from youth where municipality_id = ${municipalityId}) as youth,
      (select count(*)::int from youth where municipality_id = ${municipalityId} and status = 'in_internship') as in_internship,
      (select count(*)::int from internships where municipality_id = ${municipalityId}) as internships,
      (select count(*)::int from group_members m join network_groups g on g.id = m.group_id where g.municipality_id = ${municipalityId}) as members,
      (select count(*)::int from session_attendance a join group_sessions s on s.id = a.session_id join network_groups g on g.id = s.group_id
        where g.municipality_id = ${municipalityId} and a.status = 'present') as present,
      (select count(*)::int from trial_participants) as participants,
      (select count(*)::int from trial_outcomes) as outcomes`)
  )[0]!;

describe('erasure (art. 17), schema-driven', () => {
  it('lists every table that keeps a row about an erased person with its reason, and only existing tables', async () => {
    const tables = new Set((await personColumns()).map((c) => c.table));
    for (const [table, reason] of Object.entries(keptAfterErasure)) {
      expect(tables.has(table), table).toBe(true);
      expect(reason.length).toBeGreaterThan(30);
    }
  });

  it('refuses without the confirm box, and anyone but the team leader and administrator, changing nothing', async () => {
    const roskilde = demoMunicipalities[0]!;
    const y = await richYoungPerson([demoEmail('youth', roskilde), demoWithOfferEmail(roskilde)]);
    const leader = await actorOf(demoEmail('team_leader', roskilde));
    const e = await failure(t.services.dataRights.erase(ctx(leader), y.id, {}));
    expect(e.code).toBe('invalid');
    expect(e.fields).toEqual({ confirm: 'validation.erase_confirm' });
    for (const email of [demoEmail('youth_counsellor', roskilde), demoEmail('team_leader', demoMunicipalities[1]!)]) {
      const c = ctx(await actorOf(email));
      expect((await failure(t.services.dataRights.erase(c, y.id, { confirm: 'on' }))).code).toBe('not_found');
      expect((await auditFor(t, c.requestId!))[0]).toMatchObject({ action: 'data.erase', outcome: 'denied' });
    }
    const [still] = await t.database.db.select().from(youth).where(eq(youth.id, y.id));
    expect(still!.erasedAt).toBeNull();
    expect(still!.firstName).toBe(y.firstName);
  });

  it('leaves no personal data of the person in any table, keeps the figures and the research data, in one audited transaction', async () => {
    const roskilde = demoMunicipalities[0]!;
    const y = await richYoungPerson([demoEmail('youth', roskilde), demoWithOfferEmail(roskilde)]);
    const [account] = await t.database.db.select().from(users).where(eq(users.id, y.userId!));
    const cpr = t.services.sealer.open(y.cprSealed);
    const markers = [`${y.firstName} ${y.lastName}`, y.email, account!.email, cpr, ...(y.phone ? [y.phone] : [])];
    expect((await holding(markers)).length).toBeGreaterThan(0);
    const [participant] = await rows<{ research_id: string; arm: string }>(
      sql`select research_id, arm from trial_participants where youth_id = ${y.id}`,
    );
    const before = await figures(y.municipalityId);

    const leader = await actorOf(demoEmail('team_leader', roskilde));
    const c = ctx(leader);
    const counts = await t.services.dataRights.erase(c, y.id, { confirm: 'on' });
    expect(counts.deleted).toBeGreaterThan(0);
    const [entry] = await auditFor(t, c.requestId!);
    expect(entry).toMatchObject({
      action: 'data.erase',
      outcome: 'allowed',
      actorRole: 'team_leader',
      subjectUserId: y.userId,
      details: counts,
    });

    // No name, email, phone or CPR number left anywhere (the audit log aside, kept by law).
    expect(await holding(markers)).toEqual([]);
    // Rows that still refer to the person are only in the tables that keep them, anonymised.
    const left: string[] = [];
    for (const { table, column, refers } of await personColumns()) {
      const id = refers === 'youth' ? y.id : y.userId!;
      const [r] = await rows<{ n: number }>(
        sql`select count(*)::int as n from ${sql.raw(`"${table}"`)} where ${sql.raw(`"${column}"`)}::text = ${id}`,
      );
      if (r!.n > 0 && !keptAfterErasure[table]) left.push(`${table}.${column}`);
    }
    expect(left).toEqual([]);
    // Free texts in the kept rows are empty.
    const texts = await rows<{ n: number }>(sql`
      select (select count(*)::int from internships where youth_id = ${y.id} and (tasks <> '' or end_note <> '' or what_to_bring <> ''))
        + (select count(*)::int from internship_feedback f join internships i on i.id = f.internship_id where i.youth_id = ${y.id} and (f.did_well <> '' or f.concern <> ''))
        + (select count(*)::int from group_posts where author_user_id = ${y.userId} and body <> '')
        + (select count(*)::int from movement_assessments where youth_id = ${y.id} and reasons <> '{}'::jsonb)
        + (select count(*)::int from youth where id = ${y.id} and (first_name <> '' or good_at <> '' or wish_to_try <> '')) as n`);
    expect(texts[0]!.n).toBe(0);
    // The figures stay, and the research data keeps its pseudonym, without the link to the record.
    expect(await figures(y.municipalityId)).toEqual(before);
    const [after] = await rows<{ arm: string; youth_id: string | null }>(
      sql`select arm, youth_id from trial_participants where research_id = ${participant!.research_id}`,
    );
    expect(after).toEqual({ arm: participant!.arm, youth_id: null });
    // The account cannot sign in; the record says when it was erased; a second erasure is refused.
    expect(
      (await failure(t.services.accounts.signInWithPassword(ctx(null), { email: account!.email, password: DEMO_PASSWORD }, '10.0.0.8')))
        .code,
    ).not.toBe(undefined);
    const [erased] = await t.database.db.select().from(youth).where(eq(youth.id, y.id));
    expect(erased!.erasedAt).toEqual(t.clock.now());
    expect((await failure(t.services.dataRights.erase(ctx(leader), y.id, { confirm: 'on' }))).code).toBe('conflict');
    // The team's page of the record still opens (the CPR number shows as no one's).
    expect((await t.services.youth.get(ctx(leader), y.id)).cprMasked).toBe('000000-****');
  });
});

describe('erasure of every kind of young person', () => {
  it('erases every young person of a municipality (any data they have) and keeps its figures', async () => {
    const odense = demoMunicipalities[1]!;
    const admin = await actorOf(demoEmail('municipality_admin', odense));
    const m = admin.memberships[0]!.municipalityId!;
    const before = await figures(m);
    const all = await t.database.db.select().from(youth).where(eq(youth.municipalityId, m));
    expect(all.length).toBeGreaterThan(10);
    for (const y of all) await t.services.dataRights.erase(ctx(admin), y.id, { confirm: 'on' });
    expect(await figures(m)).toEqual(before);
    // Names a demo staff member or company contact happens to share are theirs, not a leak.
    // (also inside a longer name: "Mads Nielsen" in "Mads Nielsen Holm"), as the search matches parts.
    const others = (await t.database.db.select({ name: users.name }).from(users)).map((u) => u.name.toLowerCase());
    const names = all.map((y) => `${y.firstName} ${y.lastName}`).filter((n) => !others.some((o) => o.includes(n.toLowerCase())));
    expect(await holding(names)).toEqual([]);
  });
});

describe('retention (art. 5(1)(e)): the daily job', () => {
  it('erases those who left longer ago than their municipality keeps data, once: running it twice changes nothing', async () => {
    const roskilde = demoMunicipalities[0]!;
    const now = t.clock.now();
    const monthsAgo = (n: number) => new Date(now.getTime() - n * 31 * 86_400_000);
    const [old, recent] = await rows<{ id: string; municipality_id: string }>(sql`
      select id, municipality_id from youth where erased_at is null and user_id is not null
        and user_id not in (select id from users where lower(email) in (${demoEmail('youth', roskilde).toLowerCase()}, ${demoWithOfferEmail(roskilde).toLowerCase()}))
      order by id limit 2`);
    await t.database.db
      .update(youth)
      .set({ status: 'ended', statusSince: monthsAgo(25) })
      .where(eq(youth.id, old!.id));
    await t.database.db
      .update(youth)
      .set({ status: 'ended', statusSince: monthsAgo(13) })
      .where(eq(youth.id, recent!.id));
    // The default keeps 24 months.
    const first = await t.services.dataRights.applyRetention();
    expect(first.erased).toBeGreaterThanOrEqual(1);
    const erasedIds = async () => (await rows<{ id: string }>(sql`select id from youth where erased_at is not null`)).map((r) => r.id);
    expect(await erasedIds()).toContain(old!.id);
    expect(await erasedIds()).not.toContain(recent!.id);
    // Idempotent: a second run erases nothing and writes no entry.
    const entries = async () =>
      (await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'data.retention'))).filter(
        (e) => e.targetId === old!.id,
      );
    expect(await entries()).toHaveLength(1);
    expect(await t.services.dataRights.applyRetention()).toEqual({ erased: 0 });
    expect(await entries()).toHaveLength(1);
    // A municipality that keeps data 12 months: the one who left 13 months ago is erased next.
    await t.database.db.update(municipalities).set({ youthRetentionMonths: 12 }).where(eq(municipalities.id, recent!.municipality_id));
    expect((await t.services.dataRights.applyRetention()).erased).toBeGreaterThanOrEqual(1);
    expect(await erasedIds()).toContain(recent!.id);
    expect(await t.services.dataRights.applyRetention()).toEqual({ erased: 0 });
  });
});
