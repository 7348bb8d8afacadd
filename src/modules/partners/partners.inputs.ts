import { z } from 'zod';
import { isIsoDate } from '../../platform/dates.ts';
import { fields } from '../../platform/validation.ts';
import { DEFAULT_PARTNERSHIP_TARGET, partnershipStatuses } from './partners.values.ts';

const day = (error: string) => z.string({ error }).trim().refine(isIsoDate, { error });

export const institutionInput = z.object({
  name: z
    .string({ error: 'validation.institution_name' })
    .trim()
    .min(2, { error: 'validation.institution_name' })
    .max(150, { error: 'validation.text_long' }),
});

export const institutionContactInput = z.object({ userId: z.uuid({ error: 'validation.institution_contact' }) });

/** A partnership agreement: the institution, the period, the target (10 by default), status and development group. */
export const partnershipInput = z
  .object({
    institutionId: z.uuid({ error: 'validation.partnership_institution' }),
    startsOn: day('validation.date'),
    endsOn: z.union([z.literal('').transform(() => null), day('validation.date')]).default(null),
    targetYouth: z.coerce
      .number({ error: 'validation.partnership_target' })
      .int({ error: 'validation.partnership_target' })
      .min(1, { error: 'validation.partnership_target' })
      .max(100, { error: 'validation.partnership_target' })
      .default(DEFAULT_PARTNERSHIP_TARGET),
    status: z.enum(partnershipStatuses, { error: 'validation.invalid' }).default('planned'),
    developmentGroup: z.string({ error: 'validation.invalid' }).trim().max(2000, { error: 'validation.text_long' }).default(''),
  })
  .refine((p) => !p.endsOn || p.endsOn >= p.startsOn, { path: ['endsOn'], error: 'validation.partnership_period' });

export const partnershipYouthInput = z.object({ youthId: z.uuid({ error: 'validation.partnership_youth' }) });

/** The education contact's hand-over: who the young person is and what the institution knows. */
export const handoverInput = z.object({
  firstName: z.string({ error: 'validation.name' }).trim().min(1, { error: 'validation.name' }).max(60, { error: 'validation.name' }),
  lastName: z.string({ error: 'validation.name' }).trim().min(1, { error: 'validation.name' }).max(60, { error: 'validation.name' }),
  email: fields.email,
  phone: z
    .string()
    .trim()
    .regex(/^(\+?[\d ]{8,16})?$/, { error: 'validation.phone' })
    .default(''),
  note: z.string({ error: 'validation.invalid' }).trim().max(2000, { error: 'validation.text_long' }).default(''),
});
