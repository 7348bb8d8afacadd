import { z } from 'zod';
import { fields } from '../../platform/validation.ts';
import { endReasons, fieldGroups, followupMonths, followupOutcomes, targetGroups, youthStatuses } from './youth.values.ts';
import { parseCpr } from './cpr.ts';
import { isIsoDate } from '../../platform/dates.ts';

const text = (max: number) => z.string({ error: 'validation.required' }).trim().max(max, { error: 'validation.text_long' });
/** A real calendar day (2026-02-30 is not), as YYYY-MM-DD. */
const isoDate = z
  .string({ error: 'validation.date' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'validation.date' })
  .refine(isIsoDate, { error: 'validation.date' });
const checkbox = z
  .union([z.boolean(), z.literal('on'), z.literal('true'), z.literal('')])
  .optional()
  .transform((v) => v === true || v === 'on' || v === 'true');

/** The target group at referral; empty (not given) is kept as null. */
const targetGroup = z
  .union([z.enum(targetGroups), z.literal(''), z.null()], { error: 'validation.target_group' })
  .optional()
  .transform((v) => v || null);

export const referralInput = z.object({
  firstName: z.string({ error: 'validation.name' }).trim().min(1, { error: 'validation.name' }).max(60, { error: 'validation.name' }),
  lastName: z.string({ error: 'validation.name' }).trim().min(1, { error: 'validation.name' }).max(60, { error: 'validation.name' }),
  // Kept a string (the service parses it), so validating twice — at the API boundary and in the service — is harmless.
  cpr: z
    .string({ error: 'validation.cpr' })
    .trim()
    .refine((v) => parseCpr(v) !== undefined, { error: 'validation.cpr' }),
  email: fields.email,
  phone: z
    .string()
    .trim()
    .regex(/^(\+?[\d ]{8,16})?$/, { error: 'validation.phone' })
    .default(''),
  referringCaseworker: z
    .string({ error: 'validation.caseworker' })
    .trim()
    .min(2, { error: 'validation.caseworker' })
    .max(120, { error: 'validation.caseworker' }),
  referredOn: isoDate,
  hoursPossible: z.coerce
    .number({ error: 'validation.hours_possible' })
    .int({ error: 'validation.hours_possible' })
    .min(15, { error: 'validation.hours_possible' })
    .max(37, { error: 'validation.hours_possible' }),
  eligibilityNote: text(2000),
  targetGroup,
});

/** The team corrects the target group recorded at referral. */
export const targetGroupInput = z.object({
  targetGroup: z.enum(targetGroups, { error: 'validation.target_group' }),
});

export const youthStatusInput = z
  .object({
    status: z.enum(youthStatuses, { error: 'validation.status' }),
    reason: z.union([z.enum(endReasons), z.literal('')], { error: 'validation.end_reason' }).default(''),
    note: text(500).default(''),
    /** The day the young person left (status `ended`); today when not given. */
    exitedOn: z.union([isoDate, z.literal('')]).default(''),
  })
  .refine((v) => v.status !== 'ended' || v.reason !== '', { path: ['reason'], error: 'validation.end_reason' });

/** A follow-up after exit: at 3, 6 or 12 months, still in job or education, or back on benefits. */
export const followupInput = z.object({
  months: z.coerce
    .number({ error: 'validation.followup_months' })
    .refine((v) => (followupMonths as readonly number[]).includes(v), { error: 'validation.followup_months' }),
  outcome: z.enum(followupOutcomes, { error: 'validation.followup_outcome' }),
});

export const profileInput = z.object({
  wishToTry: text(1000),
  goodAt: text(1000),
  mattersAtWork: text(1000),
  practicalHours: text(200),
  practicalTransport: text(200),
  canStartOn: z
    .union([isoDate, z.literal(''), z.null()])
    .optional()
    .transform((v) => v || null),
  ...Object.fromEntries(fieldGroups.map((g) => [`share_${g}`, checkbox])),
}) as z.ZodType<ProfileInput, unknown>;

export interface ProfileInput {
  wishToTry: string;
  goodAt: string;
  mattersAtWork: string;
  practicalHours: string;
  practicalTransport: string;
  canStartOn: string | null;
  [share: `share_${string}`]: boolean;
}
