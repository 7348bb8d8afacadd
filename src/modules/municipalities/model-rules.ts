import type { Municipality } from './municipalities.repository.ts';

/**
 * The model's numbers as one municipality has set them. Every path that creates the thing reads
 * them from here, so a municipality's setting is the rule everywhere (defaults from the seeds).
 */
export interface ModelRules {
  youthCapacity: number;
  companyTarget: number;
  internshipMinMonths: number;
  internshipMaxMonths: number;
  startWithinDays: number;
  groupSizeMin: number;
  groupSizeMax: number;
  wishLimit: number;
  offerAnswerDays: number;
  /** Months after a young person's course ended before their personal data is erased (decision 0027). */
  youthRetentionMonths: number;
}

export const defaultModelRules: ModelRules = {
  youthCapacity: 45,
  companyTarget: 60,
  internshipMinMonths: 3,
  internshipMaxMonths: 6,
  startWithinDays: 14,
  groupSizeMin: 7,
  groupSizeMax: 8,
  wishLimit: 5,
  offerAnswerDays: 5,
  youthRetentionMonths: 24,
};

/** The hard limits a municipality's settings must stay within. */
export const ruleBounds = {
  youthCapacity: { min: 1, max: 1000 },
  companyTarget: { min: 1, max: 1000 },
  internshipMonths: { min: 1, max: 12 },
  startWithinDays: { min: 1, max: 60 },
  groupSize: { min: 3, max: 9 },
  wishLimit: { min: 1, max: 20 },
  offerAnswerDays: { min: 1, max: 30 },
  youthRetentionMonths: { min: 6, max: 120 },
} as const;

/** The rule names, in the order the settings page shows them. */
export const ruleNames = [
  'youthCapacity',
  'companyTarget',
  'internshipMinMonths',
  'internshipMaxMonths',
  'startWithinDays',
  'groupSizeMin',
  'groupSizeMax',
  'wishLimit',
  'offerAnswerDays',
  'youthRetentionMonths',
] as const satisfies readonly (keyof ModelRules)[];

export function modelRules(m: Municipality | undefined): ModelRules {
  if (!m) return defaultModelRules;
  return {
    youthCapacity: m.youthCapacity,
    companyTarget: m.companyTarget,
    internshipMinMonths: m.internshipMinMonths,
    internshipMaxMonths: m.internshipMaxMonths,
    startWithinDays: m.startWithinDays,
    groupSizeMin: m.groupSizeMin,
    groupSizeMax: m.groupSizeMax,
    wishLimit: m.wishLimit,
    offerAnswerDays: m.offerAnswerDays,
    youthRetentionMonths: m.youthRetentionMonths,
  };
}
