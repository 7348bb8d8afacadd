import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { trialParticipants } from '../../src/modules/evaluation/trials.schema.ts';
import { youth } from '../../src/modules/youth/youth.schema.ts';
import { type TestContext, auditFor, createTestContext, ctx, failure, makeMunicipality, makeUser } from '../support/context.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
  t.clock.set('2026-03-02T09:00:00Z');
});
afterAll(() => t.close());

let serial = 2000;
/** A valid referral of someone born 15 June 2005, with the trial's baseline too. */
const referral = (over: Record<string, string> = {}) => {
  const n = serial++;
  return {
    firstName: 'Ung',
    lastName: `Nr ${n}`,
    cpr: `150605${4000 + (n % 6000)}`.slice(0, 10),
    email: `ung${n}@target.test`,
    referringCaseworker: 'Jens Jobcenter',
    referredOn: '2026-03-02',
    hoursPossible: '20',
    eligibilityNote: '',
    gender: 'female',
    monthsOnBenefits: '6',
    education: 'none',
    ...over,
  };
};

describe('the target group at referral', () => {
  it('is recorded at referral, listed, corrected by the team (audited); a bad value is refused and changes nothing', async () => {
    const m = (await makeMunicipality(t)).id;
    const consultant = await makeUser(t, [{ role: 'network_consultant', municipalityId: m }]);
    const { youth: y } = await t.services.youth.refer(ctx(consultant), m, referral({ targetGroup: 'uddannelsesparat' }), 'da');
    expect(y.targetGroup).toBe('uddannelsesparat');
    const { youth: older } = await t.services.youth.refer(ctx(consultant), m, referral(), 'da');
    expect(older.targetGroup).toBeNull();
    expect(Object.fromEntries((await t.services.youth.list(ctx(consultant), m)).youth.map((r) => [r.id, r.targetGroup]))).toEqual({
      [y.id]: 'uddannelsesparat',
      [older.id]: null,
    });

    const bad = await failure(t.services.youth.refer(ctx(consultant), m, referral({ targetGroup: 'klar' }), 'da'));
    expect(bad.fields).toEqual({ targetGroup: 'validation.target_group' });
    expect(await t.database.db.select().from(youth).where(eq(youth.municipalityId, m))).toHaveLength(2);

    const c = ctx(consultant);
    await t.services.youth.setTargetGroup(c, older.id, { targetGroup: 'aktivitetsparat' });
    expect((await t.services.youth.get(ctx(consultant), older.id)).targetGroup).toBe('aktivitetsparat');
    expect((await auditFor(t, c.requestId!)).map((e) => [e.action, e.details])).toEqual([
      ['youth.target_group', { from: null, to: 'aktivitetsparat' }],
    ]);
    for (const value of ['', 'klar', undefined])
      expect((await failure(t.services.youth.setTargetGroup(ctx(consultant), older.id, { targetGroup: value }))).fields).toEqual({
        targetGroup: 'validation.target_group',
      });
    // Only the youth team changes it: a psychologist, a company contact and another municipality get not found.
    const psychologist = await makeUser(t, [{ role: 'psychologist', municipalityId: m }]);
    const elsewhere = await makeUser(t, [{ role: 'network_consultant', municipalityId: (await makeMunicipality(t)).id }]);
    for (const actor of [psychologist, elsewhere])
      expect((await failure(t.services.youth.setTargetGroup(ctx(actor), older.id, { targetGroup: 'jobparat' }))).code).toBe('not_found');
    expect((await t.services.youth.get(ctx(consultant), older.id)).targetGroup).toBe('aktivitetsparat');
    // The database refuses any other value too.
    const refused = await t.database.db
      .update(youth)
      .set({ targetGroup: 'klar' as 'other' })
      .where(eq(youth.id, older.id))
      .then(
        () => null,
        (err: unknown) => err as { cause?: unknown },
      );
    expect(String(refused?.cause)).toContain('youth_target_group_check');
  });

  it('is a stratum the trial can randomise within; such a trial’s intake must give it', async () => {
    const m = await makeMunicipality(t);
    const researcher = await makeUser(t, [{ role: 'researcher', municipalityId: null }]);
    const consultant = await makeUser(t, [{ role: 'network_consultant', municipalityId: m.id }]);
    const trial = await t.services.trials.create(ctx(researcher), m.id, {
      name: 'Målgruppe-forsøget',
      ratioTreatment: '1',
      ratioControl: '1',
      blockMultiplier: '1',
      stratifyBy: ['targetGroup'],
    });
    expect(trial.stratifyBy).toEqual(['targetGroup']);
    const missing = await failure(t.services.trials.intake(ctx(consultant), m.id, referral(), 'da'));
    expect(missing.fields).toEqual({ targetGroup: 'validation.target_group' });
    expect(await t.database.db.select().from(trialParticipants).where(eq(trialParticipants.trialId, trial.id))).toEqual([]);

    for (const targetGroup of ['jobparat', 'jobparat', 'aktivitetsparat', 'aktivitetsparat'])
      await t.services.trials.intake(ctx(consultant), m.id, referral({ targetGroup }), 'da');
    const rows = await t.database.db.select().from(trialParticipants).where(eq(trialParticipants.trialId, trial.id));
    expect(rows.map((r) => r.stratum).sort()).toEqual([
      `m${m.code}/tg-aktivitetsparat`,
      `m${m.code}/tg-aktivitetsparat`,
      `m${m.code}/tg-jobparat`,
      `m${m.code}/tg-jobparat`,
    ]);
    expect(rows.map((r) => r.baseline.targetGroup ?? '').sort((a, b) => a.localeCompare(b))).toEqual([
      'aktivitetsparat',
      'aktivitetsparat',
      'jobparat',
      'jobparat',
    ]);
    // Blocks of two (1:1, multiplier 1): one of each arm within each target group.
    for (const g of ['jobparat', 'aktivitetsparat'])
      expect(
        rows
          .filter((r) => r.baseline.targetGroup === g)
          .map((r) => r.arm)
          .sort(),
      ).toEqual(['control', 'nextwork']);
    const evaluation = await t.services.trialResults.evaluation(ctx(researcher), trial.id);
    expect(evaluation.blocks.map((b) => b.stratum)).toEqual([`m${m.code}/tg-aktivitetsparat`, `m${m.code}/tg-jobparat`]);
  });
});
