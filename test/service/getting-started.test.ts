import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { modelRules } from '../../src/modules/municipalities/model-rules.ts';
import { networkGroups } from '../../src/modules/groups/groups.schema.ts';
import { matchEvents } from '../../src/modules/matching/matching.schema.ts';
import { type TestContext, createTestContext, ctx, makeUser } from '../support/context.ts';
import { makeNetwork } from '../support/internships.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());
beforeEach(() => t.clock.set('2026-03-02T09:00:00Z'));

const targets = { ...modelRules(undefined), companyTarget: 2, groupSizeMin: 2 };

describe("a new municipality's getting-started list (#16)", () => {
  it('ticks itself from the data, is for the municipality’s own leaders only, and goes once every step is done', async () => {
    const n = await makeNetwork(t);
    const leader = await makeUser(t, [{ role: 'team_leader', municipalityId: n.m }]);
    const admin = await makeUser(t, [{ role: 'system_admin', municipalityId: null }]);
    const steps = async () => t.services.gettingStarted.steps(ctx(leader), n.m, targets);
    const state = async () => Object.fromEntries((await steps())!.map((s) => [s.key, [s.done, s.params]]));

    expect(await state()).toEqual({
      team: [true, { n: 3, of: 3 }],
      companies: [false, { n: 1, of: 2 }],
      youth: [false, { n: 0, of: 45, first: 2 }],
      match_event: [false, {}],
      group: [false, {}],
    });
    expect((await steps())!.find((s) => s.key === 'group')!.href).toBe(`/groups?m=${n.m}`);
    // Not the consultant's, not a system administrator's looking in.
    expect(await t.services.gettingStarted.steps(ctx(n.consultant), n.m, targets)).toBeUndefined();
    expect(await t.services.gettingStarted.steps(ctx(admin), n.m, targets)).toBeUndefined();

    await n.young('Amina');
    await n.young('Bo');
    expect((await state()).youth).toEqual([true, { n: 2, of: 45, first: 2 }]);
    await t.database.db.insert(networkGroups).values({ municipalityId: n.m, name: 'Tirsdagsholdet', createdAt: t.clock.now() });
    await t.database.db.insert(matchEvents).values({
      municipalityId: n.m,
      title: 'Matchdag',
      place: 'Rådhuset',
      startsAt: new Date('2026-03-20T09:00:00Z'),
      endsAt: new Date('2026-03-20T12:00:00Z'),
      createdAt: t.clock.now(),
    });
    expect((await state()).group?.[0]).toBe(true);
    expect((await state()).match_event?.[0]).toBe(true);
    await t.services.companies.create(ctx(n.entrepreneur), n.m, {
      name: 'Andet Firma',
      cvr: '12345674',
      tradeSection: 'G',
      address: 'Vej 2',
      postalCode: '4000',
      area: 'Roskilde',
      size: '1-9',
      whyJoined: 'Vi vil gerne.',
    });
    expect(await steps()).toBeUndefined();
  });
});
