/**
 * 6-weekly report benchmark: one municipality with 45 young people, each with twelve weekly group
 * sessions, an internship with weekly feedback and movement scores every three weeks. Measures,
 * through the same services and PDF renderer the pages use: drafting the 45 reports when the
 * period ends (gathering the facts), and generating all 45 PDFs (read, audited, rendered). On
 * PGlite and on PostgreSQL. Target: the 45 PDFs under 5 s in total. Touches only a scratch database.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { createServices } from '../src/app/services.ts';
import { MovableClock } from '../src/platform/clock.ts';
import { type Database, openPglite, openPostgres } from '../src/platform/db/client.ts';
import { migrateDatabase } from '../src/platform/db/migrate.ts';
import { translator } from '../src/platform/i18n/i18n.ts';
import { memberships, users } from '../src/modules/accounts/accounts.schema.ts';
import { movementReports } from '../src/modules/reports/reports.schema.ts';
import { reportPdf } from '../src/modules/reports/report.pdf.ts';
import { median, withScratchPostgres } from './lib.ts';

const YOUTH = 45;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
/** The first 6-week period (from 1 September) ended on 12 October. */
const NOW = new Date('2026-10-13T05:00:00Z');

async function seed(database: Database): Promise<{ municipalityId: string; counsellorId: string }> {
  await migrateDatabase(database);
  const { db } = database;
  await db.execute(sql`insert into municipalities (name, code) values ('Benchkommune', '999')`);
  await db.execute(sql`insert into companies (municipality_id, name, cvr, trade_section, area, network_status)
    select id, 'Bench Køkken ApS', '10150817', 'I', 'By', 'active' from municipalities`);
  await db.execute(sql`insert into openings (municipality_id, company_id, title, tasks, place, weekly_hours, start_from, published)
    select municipality_id, id, 'Køkkenhjælper', 'Skære grønt og tage opvasken.', 'By', 20, '2026-01-01', true from companies`);
  await db.execute(sql`insert into youth (municipality_id, first_name, last_name, email, cpr_sealed, cpr_hash, birth_date,
      referring_caseworker, referred_on, hours_possible, status, status_since, visibility, created_at, updated_at)
    select m.id, 'Ung', 'Nr ' || g, 'ung' || g || '@bench.test', 'sealed', md5(g::text), '2002-01-01',
      'Sagsbehandler', '2026-09-01', 20, 'in_internship', ${NOW}, '{}'::jsonb, ${NOW}, ${NOW}
    from municipalities m, generate_series(1, ${YOUTH}) g`);
  await db.execute(sql`insert into network_groups (municipality_id, name, created_at)
    select id, 'Gruppe ' || g, ${NOW} from municipalities, generate_series(1, 7) g`);
  await db.execute(sql`insert into group_members (group_id, youth_id, joined_at)
    select g.id, y.id, ${NOW}
    from (select id, (row_number() over (order by id) - 1) % 7 as k from youth) y
    join (select id, row_number() over (order by name) - 1 as k from network_groups) g on g.k = y.k`);
  await db.execute(sql`insert into group_sessions (group_id, held_on, place, theme, created_at)
    select g.id, date '2026-09-01' + 7 * k, 'Ungehuset', 'next_steps', ${NOW} from network_groups g, generate_series(0, 5) k`);
  await db.execute(sql`insert into session_attendance (session_id, youth_id, status)
    select s.id, m.youth_id, case when (hashtext(s.id::text || m.youth_id::text) & 7) = 0 then 'absent_notice' else 'present' end
    from group_sessions s join group_members m on m.group_id = s.group_id`);
  await db.execute(sql`insert into internships (municipality_id, youth_id, company_id, opening_id, status, weekly_hours, tasks,
      chosen_at, agreed_start, first_day, planned_end, vitas_status, created_at, updated_at)
    select y.municipality_id, y.id, o.company_id, o.id, 'active', 20, 'Køkken', '2026-09-02', '2026-09-07', '2026-09-07', '2026-12-04', 'approved', ${NOW}, ${NOW}
    from youth y join openings o on o.municipality_id = y.municipality_id`);
  await db.execute(sql`insert into internship_feedback (internship_id, week_start, attendance, did_well, submitted_at)
    select i.id, w::date, '{"mon":"met","tue":"met","wed":"met","thu":"absent_notice","fri":"met"}'::jsonb,
      'Tog selv fat i opvasken, da det blev travlt.', w + interval '4 days'
    from internships i, generate_series(date '2026-09-07', date '2026-10-05', interval '7 days') w`);
  await db.execute(sql`insert into movement_assessments (municipality_id, youth_id, assessed_on, source, scores, reasons, created_at)
    select y.municipality_id, y.id, date '2026-09-01' + 21 * k, 'counsellor',
      jsonb_build_object('direction', 4 + k, 'persistence', 5 + k, 'curiosity', 4 + k, 'resilience', 3 + k, 'selfEsteem', 4 + k),
      '{"direction":"Ved nu, at hun vil prøve køkkenet.","persistence":"Mødte op hver uge.","curiosity":"Sagde ja til at prøve kassen.","resilience":"Kom igen efter en dårlig dag.","selfEsteem":"Tog ordet i gruppen."}'::jsonb,
      ${NOW} from youth y, generate_series(0, 2) k`);
  await db.execute(sql`analyze`);
  const [m] = ((await db.execute(sql`select id from municipalities limit 1`)) as { rows: { id: string }[] }).rows;
  const [c] = await db
    .insert(users)
    .values({ email: 'c@bench.test', name: 'Vejleder', passwordHash: 'x', createdAt: NOW })
    .returning({ id: users.id });
  await db.insert(memberships).values({ userId: c!.id, role: 'youth_counsellor', municipalityId: m!.id });
  return { municipalityId: m!.id, counsellorId: c!.id };
}

async function run(label: string, database: Database): Promise<void> {
  const { municipalityId, counsellorId } = await seed(database);
  const services = createServices(database, new MovableClock(NOW), {
    baseUrl: 'http://127.0.0.1',
    smtpUrl: undefined,
    mailFrom: 'bench',
    demo: false,
    sessionIdleMinutes: 30,
    sessionAbsoluteHours: 12,
    dataKey: randomBytes(32),
  });
  const ctx = {
    actor: {
      userId: counsellorId,
      name: 'Vejleder',
      email: 'c@bench.test',
      memberships: [{ role: 'youth_counsellor' as const, municipalityId }],
    },
    requestId: 'bench',
  };
  const t = translator('da');
  const drafting: number[] = [];
  const pdfs: number[] = [];
  let bytes = 0;
  for (let r = 0; r < RUNS; r++) {
    await database.db.delete(movementReports);
    let t0 = performance.now();
    const drafted = await services.reports.draftDue(municipalityId);
    drafting.push(performance.now() - t0);
    if (drafted !== YOUTH) throw new Error(`drafted ${drafted}, expected ${YOUTH}`);
    const ids = (await services.reports.overview(ctx, municipalityId)).map((x) => x.id);
    t0 = performance.now();
    bytes = 0;
    for (const id of ids) {
      const { report } = await services.reports.get(ctx, id, 'pdf');
      bytes += (await reportPdf(report, t, 'da')).length;
    }
    pdfs.push(performance.now() - t0);
  }
  console.log(`${label}: ${YOUTH} young people, ${RUNS} runs`);
  console.log(`  drafting ${YOUTH} reports (facts of the period): median ${median(drafting).toFixed(0)} ms`);
  console.log(
    `  ${YOUTH} PDFs (read, audit, render; ${(bytes / 1024).toFixed(0)} KiB): median ${median(pdfs).toFixed(0)} ms total, ${(median(pdfs) / YOUTH).toFixed(1)} ms each (target < 5,000 ms)`,
  );
  await database.close();
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nextwork-reports-'));
try {
  await run('PGlite', await openPglite({ dataDir: path.join(tmp, 'data') }));
  await withScratchPostgres(async (url) => {
    await run('PostgreSQL', openPostgres(url));
  });
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
