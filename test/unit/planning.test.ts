import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalCdf, normalQuantile } from '../../src/modules/evaluation/normal.ts';
import {
  costEffectiveness,
  discountFactor,
  holm,
  mdeBinary,
  mdeClustered,
  mdeMultiplier,
  powerProportions,
  powerProportionsSplit,
  presentValue,
  sampleSizeProportions,
  sampleSizeTotal,
} from '../../src/modules/evaluation/planning.ts';

const ref = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../fixtures/stats/reference-cases.json'), 'utf8')) as {
  power: Record<string, Record<string, number> & { inputs?: Record<string, number> }> & {
    individual_MDE_binary_own: Record<string, number>[];
  };
  danish_cost_benefit: {
    discount_FM_2023: {
      DF: Record<string, number>;
      annuity_1_per_year_years_1_10: number;
      annuity_years_0_9: number;
      annuity_years_1_40: number;
    };
    cost_effectiveness_toy_own: Record<string, number>;
    business_case_toy_own: Record<string, number>;
  };
};
const close = (got: number, want: number, digits = 1e-6) => expect(Math.abs(got - want) / Math.max(1, Math.abs(want))).toBeLessThan(digits);

describe('normal distribution', () => {
  it('matches R and inverts', () => {
    close(normalQuantile(0.975), 1.959963984540054, 1e-12);
    close(normalCdf(-1.959963984540054), 0.025, 1e-12);
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }), (p) => {
        expect(Math.abs(normalCdf(normalQuantile(p)) - p) / p).toBeLessThan(1e-9);
      }),
    );
  });
});

describe('trial planning (reference values from R and worked examples)', () => {
  it('MDE multipliers', () => {
    close(mdeMultiplier(0.8), ref.power.z_multiplier!['80pct']!);
    close(mdeMultiplier(0.9), ref.power.z_multiplier!['90pct']!);
  });
  it('MDE for a binary outcome', () => {
    for (const c of ref.power.individual_MDE_binary_own) {
      close(mdeBinary({ N: c.N!, P: c.P!, base: c.base!, R2: c.R2, takeup: c.takeup }), c.mde!, 1e-4);
    }
  });
  it('MDE with clusters', () => {
    const c = ref.power.cluster_MDE_rpubs!;
    close(mdeClustered(c.inputs as { J: number; K: number; sd: number; icc: number; R2: number }), c.mde!);
  });
  it('power.prop.test', () => {
    close(powerProportions(50, 0.5, 0.75), ref.power['R_power.prop.test(n=50,p1=.5,p2=.75)']!.power!);
    close(sampleSizeProportions(0.5, 0.75, 0.9), ref.power['R_power.prop.test(p1=.5,p2=.75,power=.9)']!.n_exact_root!);
    close(sampleSizeProportions(0.4, 0.5, 0.8), ref.power['R_power.prop.test(p1=.4,p2=.5,power=.8)']!.n_per_group!);
  });
  it('Holm as R p.adjust', () => {
    expect(holm([0.01, 0.04, 0.03, 0.005])).toEqual([0.03, 0.06, 0.06, 0.02]);
  });
});

describe('Danish cost-benefit', () => {
  const fm = ref.danish_cost_benefit.discount_FM_2023;
  it('discount factors and annuities (Ministry of Finance 2023)', () => {
    for (const [year, df] of Object.entries(fm.DF)) close(discountFactor(Number(year)), df);
    close(presentValue([0, ...Array.from({ length: 10 }, () => 1)]), fm.annuity_1_per_year_years_1_10);
    close(presentValue(Array.from({ length: 10 }, () => 1)), fm.annuity_years_0_9);
    close(presentValue([0, ...Array.from({ length: 40 }, () => 1)]), fm.annuity_years_1_40);
  });
  it('cost-effectiveness and a business case', () => {
    const ce = ref.danish_cost_benefit.cost_effectiveness_toy_own;
    const got = costEffectiveness({ costPerParticipant: ce.cost_per_participant!, itt: ce.ITT!, takeup: ce.takeup! });
    close(got.tot, ce.TOT!);
    close(got.costPerAdditionalOutcomePerAssigned, ce.cost_per_additional_outcome_if_cost_per_assigned!);
    close(got.costPerAdditionalOutcomeIfCostOnlyForTakers, ce.cost_per_additional_outcome_if_cost_only_for_takers!);
    const bc = ref.danish_cost_benefit.business_case_toy_own;
    const pv = presentValue([0, bc.public_gain_per_FTE_year! * bc.effect_FTE_share_year1!, bc.public_gain_per_FTE_year! * bc.year2!]);
    close(pv, bc.PV_gains!);
    close(pv - bc.cost_t0!, bc.net!, 1e-5);
    close(pv / bc.cost_t0!, bc.BCR!, 1e-4);
  });
});

describe('planning for a split other than 1 : 1 (#15)', () => {
  it('an even split gives what R gives for equal groups', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 20, max: 5000 }),
        fc.double({ min: 0.05, max: 0.6, noNaN: true }),
        fc.double({ min: 0.02, max: 0.3, noNaN: true }),
        (n, p1, d) => {
          expect(powerProportionsSplit(n, n, p1, p1 + d)).toBeCloseTo(powerProportions(n, p1, p1 + d), 10);
        },
      ),
    );
    // power.prop.test(p1 = 0.3, p2 = 0.4, power = 0.8): n = 355.9 in each group.
    expect(sampleSizeTotal(0.3, 0.4, 0.5, 0.8) / 2).toBeCloseTo(sampleSizeProportions(0.3, 0.4, 0.8), 4);
  });

  it('an uneven split needs more people in all, the further from 1 : 1', () => {
    const even = sampleSizeTotal(0.3, 0.4, 0.5, 0.8);
    const twoToOne = sampleSizeTotal(0.3, 0.4, 2 / 3, 0.8);
    const threeToOne = sampleSizeTotal(0.3, 0.4, 3 / 4, 0.8);
    expect(twoToOne).toBeGreaterThan(even);
    expect(threeToOne).toBeGreaterThan(twoToOne);
    expect(powerProportionsSplit((twoToOne * 2) / 3, twoToOne / 3, 0.3, 0.4)).toBeCloseTo(0.8, 6);
  });
});
