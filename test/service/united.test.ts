import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { companies } from '../../src/modules/companies/companies.schema.ts';
import { internships } from '../../src/modules/internships/internships.schema.ts';
import { municipalities } from '../../src/modules/municipalities/municipalities.schema.ts';
import { youth } from '../../src/modules/youth/youth.schema.ts';
import type { ProgrammeOverview } from '../../src/modules/united/united.service.ts';
import { toOverviewJson } from '../../src/modules/united/united.api.ts';
import type { Actor } from '../../src/platform/access/policy.ts';
import { type TestContext, auditFor, createTestContext, ctx, failure, makeUser } from '../support/context.ts';
import { makeNetwork } from '../support/internships.ts';

let t: TestContext;
let lead: Actor;
let n: Record<'lejre' | 'roskilde' | 'vejle', Awaited<ReturnType<typeof makeNetwork>>>;

/** A protected cell as the page shows it. */
const shown = (c: { value: number; hidden: string | null }) => (c.hidden === 'small' ? '<5' : c.hidden ? `x(${c.value})` : c.value);

beforeAll(async () => {
  t = await createTestContext();
  t.clock.set('2026-06-15T10:00:00Z');
  const make = async (name: string, young: number) => {
    const network = await makeNetwork(t);
    await t.database.db.update(municipalities).set({ name }).where(eq(municipalities.id, network.m));
    await t.database.db.update(companies).set({ networkStatus: 'active' }).where(eq(companies.id, network.company.id));
    const ys = [];
    for (let i = 0; i < young; i++) ys.push(await network.young(`${name}${i}`));
    return { network, ys };
  };
  const lejre = await make('Lejre', 2);
  const roskilde = await make('Roskilde', 8);
  const vejle = await make('Vejle', 6);
  n = { lejre: lejre.network, roskilde: roskilde.network, vejle: vejle.network };
  const r = roskilde.ys;
  const c = ctx(n.roskilde.counsellor);
  // Three of Roskilde's were referred before the window (May 2025); one of them left for a job in August 2025.
  await t.database.db
    .update(youth)
    .set({ referredOn: '2025-05-10' })
    .where(inArray(youth.id, [r[5]!.id, r[6]!.id, r[7]!.id]));
  await t.services.youth.setStatus(c, r[7]!.id, { status: 'ended', reason: 'job', exitedOn: '2025-08-01' });
  await t.services.youth.recordFollowup(c, r[7]!.id, { months: '6', outcome: 'job' });
  await t.services.youth.setStatus(c, r[0]!.id, { status: 'ended', reason: 'job', exitedOn: '2026-04-10' });
  await t.services.youth.setStatus(c, r[1]!.id, { status: 'ended', reason: 'education', exitedOn: '2026-05-20' });
  // Five internships started in April 2026, 3, 5, 7, 10 and 14 days after the choice; the last a rotation.
  const days = [3, 5, 7, 10, 14];
  const ids: string[] = [];
  for (const [k, d] of days.entries()) {
    const firstDay = `2026-04-${String(15 + k).padStart(2, '0')}`;
    const chosen = new Date(Date.parse(`${firstDay}T10:00:00Z`) - d * 86_400_000);
    const [row] = await t.database.db
      .insert(internships)
      .values({
        municipalityId: n.roskilde.m,
        youthId: r[2 + (k % 4)]!.id,
        companyId: n.roskilde.company.id,
        openingId: n.roskilde.opening.id,
        status: k === 4 ? 'active' : 'completed',
        weeklyHours: 20,
        tasks: 'Opgaver',
        chosenAt: chosen,
        agreedStart: firstDay,
        firstDay,
        plannedEnd: '2026-07-15',
        previousId: k === 4 ? ids[0] : null,
        createdAt: chosen,
        updatedAt: chosen,
      })
      .returning();
    ids.push(row!.id);
  }
  lead = await makeUser(t, [{ role: 'programme_lead', municipalityId: null }]);
});
afterAll(() => t.close());

describe('the programme overview (#16)', () => {
  let o: ProgrammeOverview;
  beforeAll(async () => {
    o = await t.services.united.overview(ctx(lead));
  });

  it('puts the municipalities side by side, by name, over the last 12 months', () => {
    expect(o.scope).toBe('programme');
    expect([o.from, o.asOf, o.months[0], o.months[11]]).toEqual(['2025-07-01', '2026-06-15', '2025-07', '2026-06']);
    expect(o.municipalities.map((m) => m.name)).toEqual(['Lejre', 'Roskilde', 'Vejle']);
  });

  it('counts young people in the network, referrals and companies against the targets, small counts protected', () => {
    const col = (f: (r: ProgrammeOverview['summary']['total']) => { value: number; hidden: string | null }) => [
      ...o.summary.rows.map((r) => shown(f(r))),
      shown(f(o.summary.total)),
    ];
    // Today: Lejre 2, Roskilde 8 − 3 exits = 5, Vejle 6; Lejre's 2 hidden, and Roskilde's 5 (the smallest other) with it.
    expect(col((r) => r.inNetwork)).toEqual(['<5', 'x(5)', 6, 13]);
    expect(o.summary.rows.map((r) => r.capacity)).toEqual([45, 45, 45]);
    expect(o.summary.total.capacity).toBe(135);
    // Referred in the window: 2, 5 (three of Roskilde's before it), 6.
    expect(col((r) => r.referred)).toEqual(['<5', 'x(5)', 6, 13]);
    // Referred since the start: 2, 8, 6 of 150 each; Vejle's 6 hides Lejre's 2 in the column.
    expect(col((r) => r.referredTotal)).toEqual(['<5', 8, 'x(6)', 16]);
    expect(o.summary.total.referralTarget).toBe(450);
    // One active company each, all with the same CVR number: 3 in all, 1 distinct.
    expect(col((r) => r.activeCompanies)).toEqual(['<5', '<5', '<5', '<5']);
    expect(o.distinctCvr).toEqual({ value: 1, hidden: 'small' });
  });

  it('internships: started, within the start rule, median days, rotations', () => {
    const [lejre, roskilde, vejle] = o.summary.rows;
    expect([lejre!.started, roskilde!.started, vejle!.started, o.summary.total.started].map(shown)).toEqual([0, 5, 0, 5]);
    // 3, 5, 7, 10, 14 days: all within 14, median 7.
    expect([roskilde!.withinRule, roskilde!.medianDays]).toEqual([1, 7]);
    expect([o.summary.total.withinRule, o.summary.total.medianDays]).toEqual([1, 7]);
    expect([lejre!.withinRule, lejre!.medianDays]).toEqual([null, null]);
    expect(shown(roskilde!.rotations)).toBe('<5');
    expect(shown(o.summary.total.rotations)).toBe('<5');
    expect(o.monthly.started.rows.find((r) => r.month === '2026-04')!.cells.map(shown)).toEqual([0, 5, 0]);
  });

  it('exits by kind and follow-ups: every small count hidden, with its totals', () => {
    const job = o.exitKinds.indexOf('job');
    const education = o.exitKinds.indexOf('education');
    const roskilde = o.exits.rows[1]!;
    expect([roskilde.cells[job]!.value, roskilde.cells[education]!.value, roskilde.total.value]).toEqual([2, 1, 3]);
    expect([roskilde.cells[job]!, roskilde.cells[education]!, roskilde.total].map(shown)).toEqual(['<5', '<5', '<5']);
    expect(o.exits.total.value).toBe(3);
    expect(o.exits.rows[0]!.total).toEqual({ value: 0, hidden: null });
    // One 6-month follow-up in Roskilde, still in a job: the count hidden, the share not shown.
    expect(shown(o.summary.rows[1]!.followed6)).toBe('<5');
    expect(o.summary.rows[1]!.retention6).toBeNull();
  });

  it('month by month: the young people in the network at each month end', () => {
    const rows = Object.fromEntries(o.monthly.inNetwork.rows.map((r) => [r.month, [...r.cells.map(shown), shown(r.total)]]));
    expect(rows['2025-07']).toEqual([0, '<5', 0, '<5']);
    expect(rows['2025-08']).toEqual([0, '<5', 0, '<5']);
    expect(rows['2026-03']).toEqual(['<5', 7, 'x(6)', 15]);
    expect(rows['2026-04']).toEqual(['<5', 'x(6)', 6, 14]);
    expect(rows['2026-05']).toEqual(['<5', 'x(5)', 6, 13]);
    expect(o.monthly.inNetwork.totals).toBeNull();
    expect(o.monthly.referred.rows.find((r) => r.month === '2026-03')!.cells.map(shown)).toEqual(['<5', 'x(5)', 6]);
    expect(o.monthly.referred.totals!.map(shown)).toEqual(['<5', 'x(5)', 6]);
  });

  it('the JSON has no hidden value and no name of a young person; the read is audited', async () => {
    const c = ctx(lead);
    const json = JSON.stringify(toOverviewJson(await t.services.united.overview(c)));
    expect(json).not.toMatch(/Hansen|Roskilde0|Vejle0/);
    expect(toOverviewJson(o).summary.rows[0]!.inNetwork).toEqual({ value: null, hidden: 'small' });
    expect(toOverviewJson(o).summary.rows[1]!.inNetwork).toEqual({ value: null, hidden: 'complementary' });
    expect((await auditFor(t, c.requestId!)).map((e) => [e.action, e.actorRole])).toEqual([['programme.overview', 'programme_lead']]);
  });

  it("a labour-market leader sees their own municipality beside the programme's totals, nothing else", async () => {
    const leader = await makeUser(t, [{ role: 'labour_market_leader', municipalityId: n.roskilde.m }]);
    const mine = await t.services.united.overview(ctx(leader));
    expect(mine.scope).toBe('municipality');
    expect(mine.municipalities.map((m) => m.name)).toEqual(['Roskilde']);
    expect(mine.summary.rows.map((r) => shown(r.inNetwork))).toEqual(['x(5)']);
    expect(shown(mine.summary.total.inNetwork)).toBe(13);
    expect(mine.monthly.inNetwork.rows.at(-1)!.cells.map(shown)).toEqual(['x(5)']);
    expect((await failure(t.services.united.overview(ctx(leader), n.vejle.m))).code).toBe('not_found');
    // Nor any young person.
    expect((await failure(t.services.youth.list(ctx(leader), n.roskilde.m))).code).toBe('not_found');
  });

  it('is refused to the team and to young people', async () => {
    expect((await failure(t.services.united.overview(ctx(n.roskilde.consultant)))).code).toBe('not_found');
    expect((await failure(t.services.united.overview(ctx(n.roskilde.supervisor)))).code).toBe('not_found');
  });
});
