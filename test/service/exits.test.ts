import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { youthExitFollowups, youthExits } from '../../src/modules/youth/youth.schema.ts';
import { type TestContext, auditFor, createTestContext, ctx, failure } from '../support/context.ts';
import { makeNetwork } from '../support/internships.ts';
import { withAuditRefused } from '../support/atomicity.ts';
import { youth } from '../../src/modules/youth/youth.schema.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());
beforeEach(() => t.clock.set('2026-04-14T09:00:00Z'));

describe('exits and follow-ups (#16)', () => {
  it('ending records the exit with its kind and date, in one audited step, shown on the page', async () => {
    const n = await makeNetwork(t);
    const amina = await n.young('Amina');
    const c = ctx(n.counsellor);
    await t.services.youth.setStatus(c, amina.id, { status: 'ended', reason: 'job_subsidy', exitedOn: '2026-04-10', note: '' });
    const view = await t.services.youth.get(ctx(n.counsellor), amina.id);
    expect(view.status).toBe('ended');
    expect([view.exit?.kind, view.exit?.exitedOn, view.exit?.due]).toEqual(['job_subsidy', '2026-04-10', []]);
    const audit = await auditFor(t, c.requestId!);
    expect(audit.map((e) => [e.action, e.details])).toEqual([
      ['youth.status', { from: 'in_network', to: 'ended', kind: 'job_subsidy', exitedOn: '2026-04-10' }],
    ]);
    // Without a date the exit is today.
    const bo = await n.young('Bo');
    await t.services.youth.setStatus(ctx(n.counsellor), bo.id, { status: 'ended', reason: 'education' });
    expect((await t.services.youth.get(ctx(n.counsellor), bo.id)).exit?.exitedOn).toBe('2026-04-14');
  });

  it('refuses an exit without a kind, in the future or before the referral, and changes nothing', async () => {
    const n = await makeNetwork(t);
    const y = await n.young('Carl');
    const c = ctx(n.counsellor);
    expect((await failure(t.services.youth.setStatus(c, y.id, { status: 'ended', exitedOn: '2026-04-01' }))).fields).toEqual({
      reason: 'validation.end_reason',
    });
    expect((await failure(t.services.youth.setStatus(c, y.id, { status: 'ended', reason: 'job', exitedOn: '2026-04-15' }))).fields).toEqual(
      {
        exitedOn: 'validation.date_future',
      },
    );
    expect((await failure(t.services.youth.setStatus(c, y.id, { status: 'ended', reason: 'job', exitedOn: '2026-03-01' }))).fields).toEqual(
      {
        exitedOn: 'validation.exit_before_referral',
      },
    );
    expect((await failure(t.services.youth.setStatus(c, y.id, { status: 'ended', reason: 'job', exitedOn: '2026-02-30' }))).fields).toEqual(
      {
        exitedOn: 'validation.date',
      },
    );
    const view = await t.services.youth.get(ctx(n.counsellor), y.id);
    expect([view.status, view.exit]).toEqual(['in_network', null]);
    expect(await t.database.db.select().from(youthExits).where(eq(youthExits.youthId, y.id))).toEqual([]);
  });

  it('follow-ups at 3, 6 and 12 months: due on the home, recorded on the page, retention on the dashboard', async () => {
    const n = await makeNetwork(t);
    const a = await n.young('Dina');
    const b = await n.young('Emil');
    const moved = await n.young('Frida');
    await t.services.youth.setStatus(ctx(n.counsellor), a.id, { status: 'ended', reason: 'job', exitedOn: '2026-04-01' });
    await t.services.youth.setStatus(ctx(n.counsellor), b.id, { status: 'ended', reason: 'dropped_out', exitedOn: '2026-04-02' });
    await t.services.youth.setStatus(ctx(n.counsellor), moved.id, { status: 'ended', reason: 'moved', exitedOn: '2026-04-02' });
    // Not due yet.
    const early = await failure(t.services.youth.recordFollowup(ctx(n.counsellor), a.id, { months: '3', outcome: 'job' }));
    expect(early.fields).toEqual({ months: 'validation.followup_not_due' });
    const home = async () =>
      (await t.services.home.team(ctx(n.consultant), n.m, null)).filter((x) => x.kind === 'followup_due').map((x) => [x.params, x.due]);
    expect(await home()).toEqual([]);
    // Seven months later: the 3- and 6-month follow-ups are due (not for the one who moved).
    t.clock.set('2026-11-03T09:00:00Z');
    expect(await home()).toEqual([
      [{ youth: 'Dina Hansen', months: 3 }, '2026-07-01'],
      [{ youth: 'Emil Hansen', months: 3 }, '2026-07-02'],
      [{ youth: 'Dina Hansen', months: 6 }, '2026-10-01'],
      [{ youth: 'Emil Hansen', months: 6 }, '2026-10-02'],
    ]);
    const c = ctx(n.counsellor);
    await t.services.youth.recordFollowup(c, a.id, { months: '6', outcome: 'job' });
    await t.services.youth.recordFollowup(ctx(n.counsellor), b.id, { months: '6', outcome: 'education' });
    await t.services.youth.recordFollowup(ctx(n.counsellor), b.id, { months: '6', outcome: 'benefits' }); // corrects
    expect((await auditFor(t, c.requestId!)).map((e) => [e.action, e.details])).toEqual([
      ['youth.followup', { months: 6, outcome: 'job' }],
    ]);
    expect((await failure(t.services.youth.recordFollowup(ctx(n.counsellor), a.id, { months: '12', outcome: 'job' }))).fields).toEqual({
      months: 'validation.followup_not_due',
    });
    expect((await failure(t.services.youth.recordFollowup(ctx(n.counsellor), a.id, { months: '4', outcome: 'job' }))).fields).toEqual({
      months: 'validation.followup_months',
    });
    expect((await failure(t.services.youth.recordFollowup(ctx(n.counsellor), moved.id, { months: '3', outcome: 'job' }))).code).toBe(
      'conflict',
    );
    const view = await t.services.youth.get(ctx(n.counsellor), a.id);
    expect(view.exit?.followups.map((f) => [f.months, f.outcome])).toEqual([[6, 'job']]);
    expect(view.exit?.due).toEqual([{ months: 3, on: '2026-07-01' }]);
    expect(await home()).toEqual([
      [{ youth: 'Dina Hansen', months: 3 }, '2026-07-01'],
      [{ youth: 'Emil Hansen', months: 3 }, '2026-07-02'],
    ]);
    const dashboard = await t.services.dashboard.team(ctx(n.consultant), n.m);
    expect(dashboard.exits).toEqual({ all: 3, jobOrEducation: 1, followed6: 2, retained6: 1 });
    // Coming back removes the exit and its follow-ups.
    await t.services.youth.setStatus(ctx(n.counsellor), b.id, { status: 'in_network' });
    expect((await t.services.youth.get(ctx(n.counsellor), b.id)).exit).toBeNull();
    expect(await t.database.db.select().from(youthExitFollowups).where(eq(youthExitFollowups.youthId, b.id))).toEqual([]);
  });

  it('a company contact cannot record a follow-up', async () => {
    const n = await makeNetwork(t);
    const y = await n.young('Gry');
    await t.services.youth.setStatus(ctx(n.counsellor), y.id, { status: 'ended', reason: 'job', exitedOn: '2026-03-14' });
    t.clock.set('2026-07-01T09:00:00Z');
    expect((await failure(t.services.youth.recordFollowup(ctx(n.supervisor), y.id, { months: '3', outcome: 'job' }))).code).toBe(
      'not_found',
    );
  });

  it('an exit or follow-up refused its audit entry leaves nothing behind (decision 0017)', async () => {
    const n = await makeNetwork(t);
    const y = await n.young('Hans');
    const refused = (action: string, fn: () => Promise<unknown>) =>
      withAuditRefused(t, action, fn).then(
        () => 'written',
        (e: Error & { cause?: Error }) => (e.cause?.message ?? e.message).includes('audit refused'),
      );
    const end = { status: 'ended', reason: 'job', exitedOn: '2026-03-14' };
    expect(await refused('youth.status', () => t.services.youth.setStatus(ctx(n.counsellor), y.id, end))).toBe(true);
    const [row] = await t.database.db.select().from(youth).where(eq(youth.id, y.id));
    expect(row!.status).toBe('in_network');
    expect(await t.database.db.select().from(youthExits).where(eq(youthExits.youthId, y.id))).toEqual([]);
    await t.services.youth.setStatus(ctx(n.counsellor), y.id, end);
    t.clock.set('2026-07-01T09:00:00Z');
    const followup = () => t.services.youth.recordFollowup(ctx(n.counsellor), y.id, { months: '3', outcome: 'job' });
    expect(await refused('youth.followup', followup)).toBe(true);
    expect(await t.database.db.select().from(youthExitFollowups).where(eq(youthExitFollowups.youthId, y.id))).toEqual([]);
  });

  it('imports follow-ups from a CSV file, all or nothing, with every error by line', async () => {
    const n = await makeNetwork(t);
    const a = await n.young('Ida');
    const b = await n.young('Jon');
    const stays = await n.young('Kim');
    await t.services.youth.setStatus(ctx(n.counsellor), a.id, { status: 'ended', reason: 'job', exitedOn: '2026-03-10' });
    await t.services.youth.setStatus(ctx(n.counsellor), b.id, { status: 'ended', reason: 'education', exitedOn: '2026-04-10' });
    t.clock.set('2026-09-15T09:00:00Z');
    const cpr = async (id: string) => {
      const [row] = await t.database.db.select().from(youth).where(eq(youth.id, id));
      return t.services.sealer.open(row!.cprSealed);
    };
    const [ca, cb, cs] = [await cpr(a.id), await cpr(b.id), await cpr(stays.id)];
    const bad = [
      'cpr;months;outcome',
      `${ca};3;job`,
      `${ca};3;education`, // twice
      `${cb};6;job`, // not due (10 October)
      `${cs};3;job`, // no exit
      `${ca};4;sick`,
    ].join('\n');
    const err = await failure(t.services.youth.importFollowups(ctx(n.counsellor), n.m, bad));
    expect(err.fields).toEqual({
      'line.3.months': 'validation.followup_duplicate',
      'line.4.months': 'validation.followup_not_due',
      'line.5.cpr': 'validation.followup_cpr_unknown',
      'line.6.months': 'validation.followup_months',
      'line.6.outcome': 'validation.followup_outcome',
    });
    expect(await t.database.db.select().from(youthExitFollowups).where(eq(youthExitFollowups.youthId, a.id))).toEqual([]);
    const c = ctx(n.counsellor);
    const good = ['cpr;months;outcome', `${ca};3;job`, `${ca.slice(0, 6)}-${ca.slice(6)};6;benefits`, `${cb};3;education`].join('\n');
    expect(await t.services.youth.importFollowups(c, n.m, good)).toEqual({ imported: 3 });
    expect((await t.services.youth.get(ctx(n.counsellor), a.id)).exit?.followups.map((f) => [f.months, f.outcome])).toEqual([
      [3, 'job'],
      [6, 'benefits'],
    ]);
    expect((await auditFor(t, c.requestId!)).map((e) => [e.action, e.targetId])).toEqual([
      ['youth.followup', a.id],
      ['youth.followup', a.id],
      ['youth.followup', b.id],
    ]);
    // Another municipality's team cannot import here.
    const other = await makeNetwork(t);
    expect((await failure(t.services.youth.importFollowups(ctx(other.counsellor), n.m, good))).code).toBe('not_found');
  });
});
