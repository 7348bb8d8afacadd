import { z } from 'zod';
import { referralInput } from '../youth/youth.inputs.ts';
import { horizons } from './trials.values.ts';
import { educationLevels, genders, outcomeStatuses, strataFactors } from './trials.values.ts';

const ratioPart = z.coerce
  .number({ error: 'validation.trial_ratio' })
  .int({ error: 'validation.trial_ratio' })
  .min(1, { error: 'validation.trial_ratio' })
  .max(5, { error: 'validation.trial_ratio' });

/** A researcher sets up a municipality's trial. */
export const trialInput = z.object({
  name: z
    .string({ error: 'validation.required' })
    .trim()
    .min(3, { error: 'validation.required' })
    .max(120, { error: 'validation.text_long' }),
  ratioTreatment: ratioPart,
  ratioControl: ratioPart,
  blockMultiplier: z.coerce
    .number({ error: 'validation.trial_block' })
    .int({ error: 'validation.trial_block' })
    .min(1, { error: 'validation.trial_block' })
    .max(10, { error: 'validation.trial_block' }),
  stratifyBy: z.array(z.enum(strataFactors, { error: 'validation.invalid' })).default([]),
});

/** The referral as usual, plus the baseline the trial records before assignment. */
export const intakeInput = referralInput.extend({
  gender: z.enum(genders, { error: 'validation.gender' }),
  monthsOnBenefits: z.coerce
    .number({ error: 'validation.months' })
    .int({ error: 'validation.months' })
    .min(0, { error: 'validation.months' })
    .max(150, { error: 'validation.months' }),
  education: z.enum(educationLevels, { error: 'validation.education' }),
});

export const outcomeInput = z.object({
  horizon: z.coerce
    .number({ error: 'validation.horizon' })
    .refine((h) => (horizons as readonly number[]).includes(h), { error: 'validation.horizon' }),
  status: z.enum(outcomeStatuses, { error: 'validation.outcome' }),
});
