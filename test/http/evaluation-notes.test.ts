import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app/server.ts';
import { type TestContext, createTestContext, ctx, makeMunicipality, makeUser } from '../support/context.ts';
import { Browser, testServer } from '../support/http.ts';

// Issue #22: the evaluation page explains in plain words a covariate the adjusted model left out
// and a standard error that cannot be computed, instead of falling back silently or printing a
// confident number.
let t: TestContext;
let app: App;
beforeAll(async () => {
  t = await createTestContext();
  app = await testServer(t);
});
afterAll(async () => {
  await app.close();
  await t.close();
});

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('the evaluation page explains the estimates', () => {
  it('names the covariates left out and says when the uncertainty cannot be computed', async () => {
    t.clock.set('2026-03-02T09:00:00Z');
    const m = await makeMunicipality(t);
    const researcher = await makeUser(t, [{ role: 'researcher', municipalityId: null }]);
    const consultant = await makeUser(t, [{ role: 'network_consultant', municipalityId: m.id }]);
    const leader = await makeUser(t, [{ role: 'team_leader', municipalityId: m.id }]);
    const trial = await t.services.trials.create(ctx(researcher), m.id, {
      name: 'Noter-forsøget',
      ratioTreatment: '1',
      ratioControl: '1',
      blockMultiplier: '2',
      stratifyBy: [],
    });
    // Six young people, all born the same day with no education: age and education are constant,
    // so Lin's estimator leaves them out. Gender (four women, two men) and months on benefits vary:
    // whichever arms the lottery draws (3/3, 4/2 or 2/4), one arm has as many parameters as rows,
    // so a standard error cannot be computed (leverage 1, or no residual degrees of freedom).
    const genders = ['female', 'female', 'male', 'female', 'male', 'female'];
    const months = [0, 3, 7, 12, 18, 25];
    const cprs: string[] = [];
    for (let i = 0; i < 6; i++) {
      const cpr = `150605${4100 + i}`;
      cprs.push(cpr);
      await t.services.trials.intake(
        ctx(consultant),
        m.id,
        {
          firstName: 'Ung',
          lastName: `Nr ${i}`,
          cpr,
          email: `noter${i}@trial.test`,
          referringCaseworker: 'Jens Jobcenter',
          referredOn: '2026-03-02',
          hoursPossible: '20',
          eligibilityNote: '',
          gender: genders[i]!,
          monthsOnBenefits: String(months[i]),
          education: 'none',
        },
        'da',
      );
    }
    t.clock.set('2026-06-10T09:00:00Z');
    const rows = cprs.map((c, i) => `${c};3;${i % 3 === 0 ? 'job_ordinary' : i % 3 === 1 ? 'education' : 'benefits'}`);
    await t.services.trialOutcomes.importOutcomes(ctx(leader), trial.id, `cpr;horizon;status\n${rows.join('\n')}\n`);

    const { results } = await t.services.trialResults.evaluation(ctx(researcher), trial.id);
    const at3 = results[0]!;
    expect(at3.note).toBeUndefined(); // the adjusted estimate is made, not replaced by the difference in means
    expect(at3.itt).toMatchObject({ estimator: 'lin', stdError: null, pValue: null, ciLower: null });
    expect(at3.itt!.notes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'dropped_covariate', covariate: 'age' }),
        expect.objectContaining({ code: 'dropped_covariate', covariate: 'education' }),
        expect.objectContaining({ code: 'se_undefined' }),
      ]),
    );
    expect(at3.pHolm).toBeNull();

    const b = new Browser(app);
    await b.signIn(researcher.email);
    const res = await b.get(`/trials/${trial.id}`);
    expect(res.statusCode).toBe(200);
    const page = text(res.body);
    expect(page).toContain('Bemærkninger til beregningen');
    expect(page).toContain('Efter 3 måneder, den justerede effekt: «Alder» er udeladt, fordi den er ens for alle');
    expect(page).toContain('«Uddannelse (0–3)» er udeladt');
    expect(page).toContain('den justerede effekt: usikkerheden (standardfejl, 95 %-interval og p-værdi) kan ikke beregnes, fordi');
    expect(page).toContain('kan ikke beregnes'); // in the table's interval and p cells
    expect(page).not.toMatch(/NaN|undefined|Infinity/);

    await b.get('/language?to=en&back=/');
    const english = text((await b.get(`/trials/${trial.id}`)).body);
    expect(english).toContain('After 3 months, the adjusted effect: «Age» is left out because it is the same for everyone');
    expect(english).toContain(
      'the adjusted effect: the uncertainty (standard error, 95 % interval and p-value) cannot be computed because',
    );
  });
});
