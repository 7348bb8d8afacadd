import { z } from 'zod';
import { ruleBounds } from './model-rules.ts';

const bounded = (bounds: { min: number; max: number }, error: string) =>
  z.coerce.number({ error }).int({ error }).min(bounds.min, { error }).max(bounds.max, { error });

/**
 * The model's numbers a municipality sets (issue #15): each within `ruleBounds`, the shortest
 * internship no longer than the longest, the smallest group no larger than the largest (at most 9).
 */
export const modelRulesInput = z
  .object({
    youthCapacity: bounded(ruleBounds.youthCapacity, 'rules.validation.youth_capacity'),
    companyTarget: bounded(ruleBounds.companyTarget, 'rules.validation.company_target'),
    internshipMinMonths: bounded(ruleBounds.internshipMonths, 'rules.validation.internship_months'),
    internshipMaxMonths: bounded(ruleBounds.internshipMonths, 'rules.validation.internship_months'),
    startWithinDays: bounded(ruleBounds.startWithinDays, 'rules.validation.start_within_days'),
    groupSizeMin: bounded(ruleBounds.groupSize, 'rules.validation.group_size'),
    groupSizeMax: bounded(ruleBounds.groupSize, 'rules.validation.group_size'),
    wishLimit: bounded(ruleBounds.wishLimit, 'rules.validation.wish_limit'),
    offerAnswerDays: bounded(ruleBounds.offerAnswerDays, 'rules.validation.offer_answer_days'),
    // Optional: a client that does not know it yet (added with decision 0027) keeps the current value.
    youthRetentionMonths: bounded(ruleBounds.youthRetentionMonths, 'rules.validation.youth_retention_months').optional(),
  })
  .refine((r) => r.internshipMinMonths <= r.internshipMaxMonths, {
    path: ['internshipMaxMonths'],
    error: 'rules.validation.months_order',
  })
  .refine((r) => r.groupSizeMin <= r.groupSizeMax, { path: ['groupSizeMax'], error: 'rules.validation.group_order' });
