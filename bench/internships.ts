/**
 * Internship dashboard benchmark: the team's start clocks, stability flags and days-to-start
 * figures for one municipality with 45 running internships and two years of weekly feedback and
 * check-ins, and the national view over 100 such municipalities. In process, through the same
 * service the pages use, on PGlite and on PostgreSQL. Target: one municipality under 100 ms on
 * PostgreSQL. Stops by itself; touches only a scratch database.
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
import { memberships, users } from '../src/modules/accounts/accounts.schema.ts';
import { median, withScratchPostgres } from './lib.ts';

const MUNICIPALITIES = Number(process.env.BENCH_MUNICIPALITIES ?? 100);
/** Seeding a million rows into the embedded database takes minutes, so it gets fewer municipalities. */
const PGLITE_MUNICIPALITIES = Number(process.env.BENCH_PGLITE_MUNICIPALITIES ?? 5);
const YOUTH = 45;
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const NOW = new Date('2026-11-23T10:00:00Z');

const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)]!;

async function seed(
  database: Database,
  MUNICIPALITIES: number,
): Promise<{ municipalityId: string; teamUserId: string; leadUserId: string; rows: Record<string, number> }> {
  await migrateDatabase(database);
  const { db } = database;
  await db.execute(
    sql`insert into municipalities (name, code) select 'Benchkommune ' || g, (100 + g)::text from generate_series(1, ${MUNICIPALITIES}) g`,
  );
  await db.execute(sql`insert into companies (municipality_id, name, cvr, trade_section, area, network_status)
    select id, 'Bench ApS', '10150817', 'G', 'By', 'active' from municipalities`);
  await db.execute(sql`insert into openings (municipality_id, company_id, title, tasks, place, weekly_hours, start_from, published)
    select municipality_id, id, 'Lager', 'Pakke varer og holde orden.', 'By', 20, '2024-01-01', true from companies`);
  await db.execute(sql`insert into youth (municipality_id, first_name, last_name, email, cpr_sealed, cpr_hash, birth_date,
      referring_caseworker, referred_on, hours_possible, status, status_since, visibility, created_at, updated_at)
    select m.id, 'Ung', 'Nr ' || g, 'ung' || g || '@' || m.code || '.test', 'sealed', md5(m.id::text || g), '2002-01-01',
      'Sagsbehandler', '2024-11-01', 20, 'in_internship', ${NOW}, '{}'::jsonb, ${NOW}, ${NOW}
    from municipalities m, generate_series(1, ${YOUTH}) g`);
  // Two years for each young person: eight completed 12-week internships, then the one running now.
  await db.execute(sql`insert into internships (municipality_id, youth_id, company_id, opening_id, status, weekly_hours, tasks,
      chosen_at, agreed_start, first_day, planned_end, actual_end, vitas_status, created_at, updated_at)
    select y.municipality_id, y.id, o.company_id, o.id,
      case when k = 8 then 'active' else 'completed' end, 20, 'Lager',
      (date '2024-11-25' + k * 91 - (3 + (hashtext(y.id::text) & 15)))::timestamptz,
      date '2024-11-25' + k * 91, date '2024-11-25' + k * 91, date '2024-11-25' + k * 91 + 84,
      case when k = 8 then null else date '2024-11-25' + k * 91 + 84 end, 'approved', ${NOW}, ${NOW}
    from youth y join openings o on o.municipality_id = y.municipality_id, generate_series(0, 8) k`);
  await db.execute(sql`insert into internship_feedback (internship_id, week_start, attendance, did_well, concern, submitted_at)
    select i.id, w::date,
      jsonb_build_object('mon', 'met', 'tue', case when (hashtext(i.id::text || w::text) & 31) = 0 then 'absent_no_notice' else 'met' end,
        'wed', 'met', 'thu', 'met', 'fri', case when (hashtext(w::text || i.id::text) & 31) = 0 then 'absent_no_notice' else 'met' end),
      'Godt arbejde.', case when (hashtext(i.id::text || w::text) & 63) = 1 then 'Træt.' else '' end, w + interval '4 days'
    from internships i, generate_series(i.first_day, least(coalesce(i.actual_end, date '2026-11-16'), date '2026-11-16'), interval '7 days') w`);
  await db.execute(sql`insert into youth_checkins (youth_id, week_start, wellbeing, workplace, network, submitted_at)
    select y.id, w::date, 5 + (hashtext(y.id::text || w::text) & 3), 6, 7, w + interval '4 days'
    from youth y, generate_series(date '2024-11-25', date '2026-11-16', interval '7 days') w`);
  // Open start clocks: a few planned internships in each municipality for young people between internships.
  await db.execute(sql`update internships set status = 'awaiting_approval', first_day = null, chosen_at = ${NOW}::timestamptz - ((hashtext(id::text) & 15) || ' days')::interval
    where status = 'active' and (hashtext(youth_id::text) & 7) = 0`);
  await db.execute(sql`analyze`);
  const counts: Record<string, number> = {};
  for (const table of ['internships', 'internship_feedback', 'youth_checkins']) {
    const res = await db.execute(sql.raw(`select count(*)::int as n from ${table}`));
    counts[table] = Number((res as { rows: { n: number }[] }).rows[0]!.n);
  }
  const [m] = ((await db.execute(sql`select id from municipalities order by code limit 1`)) as { rows: { id: string }[] }).rows;
  const [team] = await db
    .insert(users)
    .values({ email: 'team@bench.test', name: 'Team', passwordHash: 'x', createdAt: NOW })
    .returning({ id: users.id });
  const [lead] = await db
    .insert(users)
    .values({ email: 'lead@bench.test', name: 'Lead', passwordHash: 'x', createdAt: NOW })
    .returning({ id: users.id });
  await db.insert(memberships).values([
    { userId: team!.id, role: 'youth_counsellor', municipalityId: m!.id },
    { userId: lead!.id, role: 'programme_lead', municipalityId: null },
  ]);
  return { municipalityId: m!.id, teamUserId: team!.id, leadUserId: lead!.id, rows: counts };
}

async function run(label: string, database: Database, MUNICIPALITIES: number): Promise<void> {
  const started = performance.now();
  const { municipalityId, teamUserId, leadUserId, rows } = await seed(database, MUNICIPALITIES);
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  const services = createServices(database, new MovableClock(NOW), {
    baseUrl: 'http://127.0.0.1',
    smtpUrl: undefined,
    mailFrom: 'bench',
    demo: false,
    sessionIdleMinutes: 30,
    sessionAbsoluteHours: 12,
    dataKey: randomBytes(32),
  });
  const team = {
    actor: {
      userId: teamUserId,
      name: 'Team',
      email: 'team@bench.test',
      memberships: [{ role: 'youth_counsellor' as const, municipalityId }],
    },
    requestId: 'bench',
  };
  const lead = {
    actor: {
      userId: leadUserId,
      name: 'Lead',
      email: 'lead@bench.test',
      memberships: [{ role: 'programme_lead' as const, municipalityId: null }],
    },
    requestId: 'bench',
  };
  const time = async (fn: () => Promise<unknown>, runs: number) => {
    await fn(); // warm up
    const ms: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      await fn();
      ms.push(performance.now() - t0);
    }
    return ms;
  };
  const one = await time(() => services.internshipOverview.team(team, municipalityId), RUNS);
  const overview = await services.internshipOverview.team(team, municipalityId);
  const national = await time(() => services.internshipOverview.national(lead), Math.max(5, Math.round(RUNS / 3)));
  console.log(
    `${label}: seeded ${MUNICIPALITIES} municipalities in ${seconds} s (${rows.internships} internships, ${rows.internship_feedback} feedback weeks, ${rows.youth_checkins} check-ins)`,
  );
  console.log(
    `  one municipality (${overview.clocks.length} open clocks, ${overview.flags.length} flagged, ${overview.starts} starts): median ${median(one).toFixed(1)} ms, p95 ${p95(one).toFixed(1)} ms (target < 100 ms on PostgreSQL)`,
  );
  console.log(
    `  national view of ${MUNICIPALITIES} municipalities: median ${median(national).toFixed(1)} ms, p95 ${p95(national).toFixed(1)} ms`,
  );
  await database.close();
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nextwork-internships-'));
try {
  if (PGLITE_MUNICIPALITIES > 0) await run('PGlite', await openPglite({ dataDir: path.join(tmp, 'data') }), PGLITE_MUNICIPALITIES);
  await withScratchPostgres(async (url) => {
    await run('PostgreSQL', openPostgres(url), MUNICIPALITIES);
  });
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
