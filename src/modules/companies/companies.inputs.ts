import { z } from 'zod';
import { isValidCvr } from './cvr.ts';
import { fields } from '../../platform/validation.ts';
import { companySizes, companyStatuses, networkMeetingResponses } from './companies.values.ts';
import { tradeSectionCodes } from './trades.ts';
import { isIsoDate } from '../../platform/dates.ts';

const text = (max: number, key = 'validation.text_long') => z.string({ error: 'validation.required' }).trim().max(max, { error: key });
const required = (min: number, max: number, key: string) =>
  z.string({ error: key }).trim().min(min, { error: key }).max(max, { error: key });

export const companyInput = z.object({
  name: required(2, 120, 'validation.company_name'),
  cvr: z
    .string({ error: 'validation.cvr' })
    .trim()
    .transform((v) => v.replace(/\s+/g, ''))
    .refine(isValidCvr, { error: 'validation.cvr' }),
  tradeSection: z.enum(tradeSectionCodes, { error: 'validation.trade' }),
  address: text(200),
  postalCode: z
    .string({ error: 'validation.postal_code' })
    .trim()
    .regex(/^(\d{4})?$/, { error: 'validation.postal_code' }),
  area: required(2, 80, 'validation.area'),
  size: z.enum(companySizes, { error: 'validation.size' }),
  whyJoined: text(2000),
});

export const contactInviteInput = z.object({ name: fields.name, email: fields.email });

export const companyStatusInput = z.object({
  status: z.enum(companyStatuses, { error: 'validation.status' }),
  note: text(500),
});

export const contactKinds = ['call', 'visit', 'email', 'meeting'] as const;
/** A real calendar day (2026-02-30 is not), as YYYY-MM-DD. */
const isoDate = z
  .string({ error: 'validation.date' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'validation.date' })
  .refine(isIsoDate, { error: 'validation.date' });

export const contactLogInput = z.object({
  kind: z.enum(contactKinds, { error: 'validation.contact_kind' }),
  summary: required(2, 2000, 'validation.summary'),
  nextStep: text(500),
  nextStepDue: z
    .union([isoDate, z.literal(''), z.null()])
    .optional()
    .transform((v) => v || null),
});

const checkbox = z
  .union([z.boolean(), z.literal('on'), z.literal('true'), z.literal('')])
  .optional()
  .transform((v) => v === true || v === 'on' || v === 'true');

export const openingInput = z.object({
  title: required(3, 120, 'validation.opening_title'),
  tasks: required(10, 4000, 'validation.tasks'),
  place: required(2, 200, 'validation.place'),
  weeklyHours: z.coerce
    .number({ error: 'validation.hours' })
    .int({ error: 'validation.hours' })
    .min(15, { error: 'validation.hours' })
    .max(37, { error: 'validation.hours' }),
  durationMonths: z.coerce
    .number({ error: 'validation.duration' })
    .int({ error: 'validation.duration' })
    .min(1, { error: 'validation.duration' })
    .max(12, { error: 'validation.duration' }),
  seats: z.coerce
    .number({ error: 'validation.seats' })
    .int({ error: 'validation.seats' })
    .min(1, { error: 'validation.seats' })
    .max(50, { error: 'validation.seats' }),
  startFrom: isoDate,
  learning: text(2000),
  supervisorUserId: z
    .union([z.uuid({ error: 'validation.supervisor' }), z.literal(''), z.null()], { error: 'validation.supervisor' })
    .optional()
    .transform((v) => v || null),
  published: checkbox,
});

export const meetingInput = z.object({
  heldOn: isoDate,
  theme: required(2, 200, 'validation.theme'),
  companyIds: z
    .union([z.uuid(), z.array(z.uuid())], { error: 'validation.invalid' })
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v])),
});

const companyIdList = z
  .union([z.uuid(), z.array(z.uuid())], { error: 'validation.invalid' })
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));

/** A company network meeting planned ahead (decision 0031): when, where, the agenda, whom to invite. */
export const networkMeetingInput = z.object({
  theme: required(2, 200, 'validation.theme'),
  date: isoDate,
  time: fields.time,
  minutes: z.coerce
    .number({ error: 'validation.minutes' })
    .int({ error: 'validation.minutes' })
    .min(15, { error: 'validation.minutes' })
    .max(480, { error: 'validation.minutes' })
    .default(120),
  place: required(2, 200, 'validation.meeting_place'),
  agenda: text(4000).default(''),
  invite: z.enum(['all', 'chosen'], { error: 'validation.meeting_invite' }).default('all'),
  companyIds: companyIdList.meta({ description: "With invite 'chosen': the companies invited" }),
});

export const networkMeetingAnswerInput = z.object({
  response: z.enum(networkMeetingResponses, { error: 'validation.event_response' }),
  companyId: z
    .union([z.uuid({ error: 'validation.invalid' }), z.literal(''), z.null()], { error: 'validation.invalid' })
    .optional()
    .transform((v) => v || null)
    .meta({ description: 'For a contact of several invited companies: which one answers (the first by default)' }),
});

export const attendanceInput = z.object({ companyIds: companyIdList });

export const directoryQuery = z.object({
  q: z.string().trim().max(200, { error: 'validation.text_long' }).default(''),
  trade: z.union([z.literal(''), z.enum(tradeSectionCodes)], { error: 'validation.trade' }).default(''),
  area: z
    .string()
    .trim()
    .max(80, { error: 'validation.text_long' })
    .default('')
    .meta({ description: "One of the municipality's areas (a company's area), matched exactly" }),
  hours: z.union([z.literal(''), z.coerce.number().int().min(15).max(37)], { error: 'validation.hours' }).default(''),
  startBy: z.union([z.literal(''), isoDate]).default(''),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});

export type CompanyInput = z.output<typeof companyInput>;
export type OpeningInput = z.output<typeof openingInput>;
export type DirectoryQuery = z.output<typeof directoryQuery>;
