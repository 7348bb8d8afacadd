import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { trialParticipants } from '../../src/modules/evaluation/trials.schema.ts';
import { youth } from '../../src/modules/youth/youth.schema.ts';
import { notifications } from '../../src/modules/notifications/notifications.schema.ts';
import { type TestContext, auditFor, createTestContext, ctx, failure, makeMunicipality, makeUser } from '../support/context.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

let serial = 1000;
/** A valid referral of someone born 15 June 2005 (century digit 4 for 2000–2036). */
const referral = (over: Record<string, string> = {}) => {
  const n = serial++;
  return {
    firstName: 'Ung',
    lastName: `Nr ${n}`,
    cpr: `150605${4000 + (n % 6000)}`.slice(0, 10),
    email: `ung${n}@trial.test`,
    referringCaseworker: 'Jens Jobcenter',
    referredOn: '2026-03-02',
    hoursPossible: '20',
    eligibilityNote: '',
    gender: n % 2 ? 'female' : 'male',
    monthsOnBenefits: String(n % 24),
    education: 'none',
    ...over,
  };
};

async function trialSetting(stratifyBy: string[] = ['gender']) {
  t.clock.set('2026-03-02T09:00:00Z');
  const m = await makeMunicipality(t);
  const researcher = await makeUser(t, [{ role: 'researcher', municipalityId: null }]);
  const consultant = await makeUser(t, [{ role: 'network_consultant', municipalityId: m.id }]);
  const leader = await makeUser(t, [{ role: 'team_leader', municipalityId: m.id }]);
  const trial = await t.services.trials.create(ctx(researcher), m.id, {
    name: 'Roskilde-forsøget',
    ratioTreatment: '1',
    ratioControl: '1',
    blockMultiplier: '2',
    stratifyBy,
  });
  return { m: m.id, researcher, consultant, leader, trial };
}

describe('randomised intake', () => {
  it('assigns at referral in permuted blocks per stratum, refers only the NExTWORK arm, and chains every record', async () => {
    const { m, consultant, researcher, trial } = await trialSetting();
    const arms: string[] = [];
    for (let i = 0; i < 16; i++) {
      const out = await t.services.trials.intake(ctx(consultant), m, referral({ gender: 'female' }), 'da');
      arms.push(out.arm);
      if (out.arm === 'nextwork') expect(out.youthId).toBeDefined();
      else expect(out).toEqual({ arm: 'control' });
    }
    // Blocks of 4 (multiplier 2 × ratio 1:1): two of each in every block.
    for (let b = 0; b < 4; b++) expect(arms.slice(b * 4, b * 4 + 4).filter((a) => a === 'nextwork')).toHaveLength(2);
    const people = await t.database.db.select().from(youth).where(eq(youth.municipalityId, m));
    expect(people).toHaveLength(8); // the control group is not in the network
    // While the trial recruits, the ordinary referral is refused: everyone goes through the lottery.
    const direct = await failure(t.services.youth.refer(ctx(consultant), m, referral(), 'da'));
    expect(direct.messageKey).toBe('errors.trial_intake');
    const evaluation = await t.services.trialResults.evaluation(ctx(researcher), trial.id);
    expect(evaluation.n).toBe(16);
    expect(evaluation.chainBreak).toBe(-1);
    expect(evaluation.blocks).toEqual([{ stratum: expect.stringMatching(/\/female$/), nextwork: 8, control: 8 }]);
  });

  it('is reproducible from the seed, refuses a second assignment of the same person, and detects an edited record', async () => {
    const { m, consultant, researcher, trial } = await trialSetting([]);
    const first = referral();
    await t.services.trials.intake(ctx(consultant), m, first, 'da');
    for (let i = 0; i < 5; i++) await t.services.trials.intake(ctx(consultant), m, referral(), 'da');
    const again = await failure(t.services.trials.intake(ctx(consultant), m, { ...first, email: 'other@trial.test' }, 'da'));
    expect(again.code).toBe('conflict');
    const rows = await t.database.db.select().from(trialParticipants).where(eq(trialParticipants.trialId, trial.id));
    expect(rows).toHaveLength(6);
    // The researcher's seed reproduces the sequence.
    const seed = await t.services.trials.seed(ctx(researcher), trial.id);
    const { assignmentAt } = await import('../../src/modules/evaluation/randomisation.ts');
    const sorted = [...rows].sort((a, b) => a.sequence - b.sequence);
    expect(sorted.map((r, i) => assignmentAt({ seed, ratio: [1, 1], multiplier: 2 }, `${trial.id}/${r.stratum}`, i))).toEqual(
      sorted.map((r) => r.arm),
    );
    // Flipping one arm in the database breaks the chain at that record.
    await t.database.db
      .update(trialParticipants)
      .set({ arm: sorted[3]!.arm === 'nextwork' ? 'control' : 'nextwork' })
      .where(eq(trialParticipants.id, sorted[3]!.id));
    expect((await t.services.trialResults.evaluation(ctx(researcher), trial.id)).chainBreak).toBe(3);
  });

  it('bad input is refused before anything is assigned; without a trial there is no randomised intake', async () => {
    const { m, consultant, trial } = await trialSetting();
    const bad = await failure(
      t.services.trials.intake(ctx(consultant), m, referral({ gender: 'x', monthsOnBenefits: '-1', cpr: '1234567890' }), 'da'),
    );
    expect(Object.keys(bad.fields!).sort()).toEqual(['cpr', 'gender', 'monthsOnBenefits']);
    expect(await t.database.db.select().from(trialParticipants).where(eq(trialParticipants.trialId, trial.id))).toEqual([]);
    const other = await makeMunicipality(t);
    const there = await makeUser(t, [{ role: 'network_consultant', municipalityId: other.id }]);
    expect((await failure(t.services.trials.intake(ctx(there), other.id, referral(), 'da'))).messageKey).toBe('errors.no_trial');
  });

  it('frontline roles cannot see the seed, the results or the export; researchers see no names; exports are audited', async () => {
    const { m, consultant, leader, researcher, trial } = await trialSetting();
    for (let i = 0; i < 6; i++) await t.services.trials.intake(ctx(consultant), m, referral(), 'da');
    for (const actor of [consultant, leader]) {
      expect((await failure(t.services.trials.seed(ctx(actor), trial.id))).code).toBe('not_found');
      expect((await failure(t.services.trialResults.evaluation(ctx(actor), trial.id))).code).toBe('not_found');
      expect((await failure(t.services.trialResults.export(ctx(actor), trial.id))).code).toBe('not_found');
    }
    const c = ctx(researcher);
    const csv = await t.services.trialResults.export(c, trial.id);
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(7);
    const header = lines[0]!.split(';');
    expect(header.slice(0, 9)).toEqual([
      'research_id',
      'stratum',
      'arm',
      'assigned_month',
      'took_up',
      'age_band',
      'female',
      'months_on_benefits',
      'education',
    ]);
    for (const line of lines.slice(1)) expect(line.split(';')).toHaveLength(header.length); // every value has its column
    expect(csv).not.toMatch(/Ung|Nr \d|150605/); // no names, no CPR numbers
    expect(csv).not.toMatch(/\d{4}-\d{2}-\d{2}/); // no exact dates
    expect(lines[1]).toMatch(/^[0-9a-f-]{36};m\d+\/(female|male);[01];2026-03;[01]?;18-21;[01];\d+;0;/); // born 15 June 2005: 20 at referral
    expect((await auditFor(t, c.requestId!)).map((e) => e.action)).toEqual(['trial.export']);
  });

  it('exports a random research id per participant: stable across exports, not a function of the CPR number (#19)', async () => {
    const first = await trialSetting();
    const second = await trialSetting();
    // The same person (same CPR number) randomised in two municipalities' trials.
    const person = referral();
    await t.services.trials.intake(ctx(first.consultant), first.m, person, 'da');
    await t.services.trials.intake(ctx(second.consultant), second.m, { ...person, email: 'samme@trial.test' }, 'da');
    const idsOf = async (s: { researcher: Parameters<typeof ctx>[0]; trial: { id: string } }) =>
      (await t.services.trialResults.export(ctx(s.researcher), s.trial.id))
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n')
        .slice(1)
        .map((l) => l.split(';')[0]);
    const [a] = await idsOf(first);
    const [b] = await idsOf(second);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/); // 122 random bits
    expect(b).not.toBe(a);
    expect(await idsOf(first)).toEqual([a]);
    const [stored] = await t.database.db
      .select({ researchId: trialParticipants.researchId })
      .from(trialParticipants)
      .where(eq(trialParticipants.trialId, first.trial.id));
    expect(stored!.researchId).toBe(a);
  });

  it('imports outcomes all or nothing with every error by line, and estimates by horizon', async () => {
    const { m, consultant, leader, researcher, trial } = await trialSetting([]);
    const cprs: string[] = [];
    for (let i = 0; i < 12; i++) {
      const r = referral();
      cprs.push(r.cpr);
      await t.services.trials.intake(ctx(consultant), m, r, 'da');
    }
    t.clock.set('2026-06-10T09:00:00Z'); // three months later
    const bad = await failure(
      t.services.trialOutcomes.importOutcomes(
        ctx(leader),
        trial.id,
        `cpr;horizon;status\n${cprs[0]};3;job_ordinary\n0101011234;3;job_ordinary\n${cprs[1]};5;education\n${cprs[2]};6;benefits\n`,
      ),
    );
    expect(bad.fields).toEqual({
      'line.3.cpr': 'validation.trial_cpr_unknown',
      'line.4.horizon': 'validation.horizon',
      'line.5.horizon': 'validation.horizon_future',
    });
    expect((await t.services.trialResults.evaluation(ctx(researcher), trial.id)).results[0]!.n).toBe(0);
    const rows = cprs.map((c, i) => `${c};3;${i % 3 === 0 ? 'job_ordinary' : i % 3 === 1 ? 'education' : 'benefits'}`);
    expect(await t.services.trialOutcomes.importOutcomes(ctx(leader), trial.id, `cpr;horizon;status\n${rows.join('\n')}\n`)).toEqual({
      imported: 12,
    });
    expect((await failure(t.services.trialOutcomes.importOutcomes(ctx(consultant), trial.id, 'cpr;horizon;status\n'))).code).toBe(
      'not_found',
    );
    const { results, dueNow } = await t.services.trialResults.evaluation(ctx(researcher), trial.id);
    expect(results[0]).toMatchObject({ horizon: 3, n: 12, nTreated: 6, nControl: 6 });
    expect(results[0]!.itt ?? results[0]!.dim).not.toBeNull();
    expect(results[1]).toMatchObject({ horizon: 6, n: 0, itt: null });
    expect(dueNow.find((d) => d.horizon === 3)!.due).toBe(0);
  });

  it('follow-ups come due as the clock moves; the team leader is reminded once a week and can enter one status', async () => {
    const { m, consultant, leader, researcher, trial } = await trialSetting([]);
    const admin = await makeUser(t, [{ role: 'municipality_admin', municipalityId: m }]);
    const cprs: string[] = [];
    for (let i = 0; i < 4; i++) {
      const r = referral();
      cprs.push(r.cpr);
      await t.services.trials.intake(ctx(consultant), m, r, 'da');
    }
    const due = async () => (await t.services.trialResults.evaluation(ctx(researcher), trial.id)).dueNow.map((d) => d.due);
    t.clock.set('2026-06-01T09:00:00Z');
    expect(await due()).toEqual([0, 0, 0, 0]);
    const mine = (userId: string) => t.database.db.select().from(notifications).where(eq(notifications.userId, userId));
    await t.services.trialOutcomes.followUpReminders();
    expect(await mine(leader.userId)).toEqual([]);
    t.clock.set('2026-06-02T09:00:00Z'); // three months after 2 March
    expect(await due()).toEqual([4, 0, 0, 0]);
    await t.services.trialOutcomes.followUpReminders();
    await t.services.trialOutcomes.followUpReminders(); // the same week: no second reminder
    for (const user of [leader, admin]) {
      const got = await mine(user.userId);
      expect(got.map((n) => [n.kind, n.params.n, n.link])).toEqual([['trial_follow_ups', 4, `/trials/${trial.id}/outcomes`]]);
    }
    expect(await mine(consultant.userId)).toEqual([]);
    // One status by hand: validated like a file row, the CPR number never echoed.
    const bad = await failure(
      t.services.trialOutcomes.recordOutcome(ctx(leader), trial.id, { cpr: cprs[0]!, horizon: '6', status: 'job' }),
    );
    expect(bad.fields).toEqual({ status: 'validation.outcome' });
    expect(
      (await failure(t.services.trialOutcomes.recordOutcome(ctx(leader), trial.id, { cpr: cprs[0]!, horizon: '6', status: 'education' })))
        .fields,
    ).toEqual({
      horizon: 'validation.horizon_future',
    });
    await t.services.trialOutcomes.recordOutcome(ctx(leader), trial.id, { cpr: cprs[0]!, horizon: '3', status: 'education' });
    expect(await due()).toEqual([3, 0, 0, 0]);
    expect(
      (
        await failure(
          t.services.trialOutcomes.recordOutcome(ctx(consultant), trial.id, { cpr: cprs[1]!, horizon: '3', status: 'education' }),
        )
      ).code,
    ).toBe('not_found');
  });

  it('the planning calculator gives the minimum detectable effect and the people needed, as R does; only researchers use it', async () => {
    const { consultant, researcher } = await trialSetting([]);
    const plan = await t.services.trialResults.plan(ctx(researcher), {
      N: '400',
      P: '0.5',
      base: '0.3',
      R2: '0',
      takeup: '1',
      power: '0.8',
      effect: '0.1',
    });
    // 2.8016 × √(0.21 / (400 × 0.25)); power.prop.test(p1 = 0.3, p2 = 0.4, power = 0.8) gives n = 355.9.
    expect(plan.mde).toBeCloseTo(0.12838, 4);
    expect(plan.groups).toEqual({ nextwork: 200, control: 200 });
    expect(plan.needed).toEqual({ nextwork: 356, control: 356 });
    const halfTakeup = await t.services.trialResults.plan(ctx(researcher), {
      N: '400',
      P: '0.5',
      base: '0.3',
      R2: '0',
      takeup: '0.5',
      power: '0.8',
      effect: '0.2',
    });
    expect(halfTakeup.mde).toBeCloseTo(2 * plan.mde, 10);
    expect(halfTakeup.needed).toEqual({ nextwork: 356, control: 356 }); // an effect of 20 pp on half the arm is 10 pp on all
    // Typed the Danish way ("0,3"), and split 2 : 1: both groups change, and more people are needed in all (#15).
    const twoToOne = await t.services.trialResults.plan(ctx(researcher), {
      N: '300',
      P: '0,667',
      base: '0,3',
      R2: '0',
      takeup: '1',
      power: '0,8',
      effect: '0,1',
    });
    expect(twoToOne.groups).toEqual({ nextwork: 200, control: 100 });
    expect(twoToOne.needed!.nextwork).toBeGreaterThan(2 * twoToOne.needed!.control - 2);
    expect(twoToOne.needed!.nextwork + twoToOne.needed!.control).toBeGreaterThan(712);
    const bad = await failure(
      t.services.trialResults.plan(ctx(researcher), { N: '5', P: '1', base: 'x', R2: '1', takeup: '0', power: '0.8', effect: '0.1' }),
    );
    expect(Object.keys(bad.fields!).sort()).toEqual(['N', 'P', 'R2', 'base', 'takeup']);
    expect((await failure(t.services.trialResults.plan(ctx(consultant), { N: '400' }))).code).toBe('not_found');
  });
});
