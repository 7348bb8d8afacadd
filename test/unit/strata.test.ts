import { describe, expect, it } from 'vitest';
import { stratumOf } from '../../src/modules/evaluation/analysis.ts';
import { stratumLabel } from '../../src/modules/evaluation/strata.ts';
import { translator } from '../../src/platform/i18n/i18n.ts';

const baseline = { age: 23, gender: 'male' as const, monthsOnBenefits: 4, education: 'none' as const };

describe('strata with the target group at referral', () => {
  it('adds the target group to the stratum only when the design stratifies by it; a missing one is its own block', () => {
    expect(stratumOf('265', ['ageBand', 'gender'], { ...baseline, targetGroup: 'jobparat' })).toBe('m265/age22-25/male');
    expect(stratumOf('265', ['targetGroup'], { ...baseline, targetGroup: 'jobparat' })).toBe('m265/tg-jobparat');
    expect(stratumOf('265', ['ageBand', 'gender', 'targetGroup'], { ...baseline, targetGroup: 'aktivitetsparat' })).toBe(
      'm265/age22-25/male/tg-aktivitetsparat',
    );
    expect(stratumOf('265', ['targetGroup'], baseline)).toBe('m265/tg-none');
  });

  it('reads a stratum in words, in both languages', () => {
    expect(stratumLabel(translator('da'), 'm265/age22-25/female/tg-uddannelsesparat')).toBe(
      'Kommune 265 · 22–25 år · Kvinde · Uddannelsesparat',
    );
    expect(stratumLabel(translator('en'), 'm265/tg-jobparat')).toBe('Municipality 265 · Ready for a job (jobparat)');
    expect(stratumLabel(translator('da'), 'pooled')).toBe('Små blokke lagt sammen');
  });
});
