import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { staffTime } from '../../src/modules/evaluation/costs.schema.ts';
import { type TestContext, createTestContext, ctx, failure, makeMunicipality, makeUser } from '../support/context.ts';
import { makeNetwork } from '../support/internships.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

describe('staff time and the cost of the programme', () => {
  it('logs entries and weekly estimates, refuses bad input without saving, and only team members log', async () => {
    t.clock.set('2026-03-11T09:00:00Z'); // a Wednesday
    const n = await makeNetwork(t);
    const amina = await n.young('Amina');
    await t.services.staffTime.log(ctx(n.counsellor), n.m, {
      kind: 'entry',
      on: '2026-03-10',
      activity: 'one_to_one',
      hours: '1,5',
      youthId: amina.id,
    });
    const week = await t.services.staffTime.log(ctx(n.counsellor), n.m, { kind: 'week', on: '2026-03-11', activity: 'group', hours: '12' });
    expect([week.on, week.minutes]).toEqual(['2026-03-09', 720]); // the Monday of the week
    const bad = await failure(
      t.services.staffTime.log(ctx(n.counsellor), n.m, { kind: 'entry', on: '2026-03-12', activity: 'dancing', hours: '0' }),
    );
    expect(bad.fields).toEqual({ activity: 'validation.activity', hours: 'validation.hours_spent' });
    const future = await failure(
      t.services.staffTime.log(ctx(n.counsellor), n.m, { kind: 'entry', on: '2026-03-12', activity: 'admin', hours: '20' }),
    );
    expect(future.fields).toEqual({ on: 'validation.date_future', hours: 'validation.hours_day' });
    const other = await makeMunicipality(t);
    const stranger = await makeNetwork(t);
    const elsewhere = await failure(
      t.services.staffTime.log(ctx(n.counsellor), n.m, {
        kind: 'entry',
        on: '2026-03-10',
        activity: 'admin',
        hours: '1',
        youthId: (await stranger.young('Bo')).id,
      }),
    );
    expect(elsewhere.fields).toEqual({ youthId: 'validation.invalid' });
    const mine = await t.services.staffTime.mine(ctx(n.counsellor), n.m);
    expect(mine.monthMinutes).toBe(90 + 720);
    expect(mine.entries).toHaveLength(2);
    for (const actor of [amina.actor, n.supervisor, await makeUser(t, [{ role: 'caseworker', municipalityId: n.m }])])
      expect(
        (await failure(t.services.staffTime.log(ctx(actor), n.m, { kind: 'entry', on: '2026-03-10', activity: 'admin', hours: '1' }))).code,
      ).toBe('not_found');
    expect(
      (
        await failure(
          t.services.staffTime.log(ctx(n.counsellor), other.id, { kind: 'entry', on: '2026-03-10', activity: 'admin', hours: '1' }),
        )
      ).code,
    ).toBe('not_found');
    expect(await t.database.db.select().from(staffTime).where(eq(staffTime.municipalityId, n.m))).toHaveLength(2);
  });

  it("the researcher's prices turn the trial's staff time and effect into cost-effectiveness; frontline cannot set them", async () => {
    t.clock.set('2026-03-02T09:00:00Z');
    const n = await makeNetwork(t);
    const researcher = await makeUser(t, [{ role: 'researcher', municipalityId: null }]);
    const trial = await t.services.trials.create(ctx(researcher), n.m, {
      name: 'Prisforsøg',
      ratioTreatment: '1',
      ratioControl: '1',
      blockMultiplier: '1',
    });
    await t.services.staffTime.log(ctx(n.counsellor), n.m, { kind: 'week', on: '2026-03-02', activity: 'group', hours: '30' });
    const prices = {
      hourlyCost: '400',
      otherCosts: '20000',
      benefitsPerYear: '150000',
      taxesPerYear: '50000',
      effectYears: '10',
      horizon: '12',
    };
    expect((await failure(t.services.trialResults.setEconomics(ctx(n.consultant), trial.id, prices))).code).toBe('not_found');
    const bad = await failure(
      t.services.trialResults.setEconomics(ctx(researcher), trial.id, { ...prices, hourlyCost: '50', effectYears: '0' }),
    );
    expect(bad.fields).toEqual({ hourlyCost: 'validation.amount', effectYears: 'validation.effect_years' });
    await t.services.trialResults.setEconomics(ctx(researcher), trial.id, prices);
    const { cost } = await t.services.trialResults.evaluation(ctx(researcher), trial.id);
    expect(cost).toMatchObject({ staffMinutes: 1800, totalCost: 30 * 400 + 20_000, costPerAdditional: null });
    expect(cost!.valuePerPersonInWork).toBeGreaterThan(1_600_000);
  });
});
