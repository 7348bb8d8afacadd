import { z } from 'zod';
import { isIsoDate } from '../../platform/dates.ts';
import { attendanceValues, earlyEndReasons, weekdays } from './internships.values.ts';

const text = (max: number) => z.string({ error: 'validation.required' }).trim().max(max, { error: 'validation.text_long' });
const isoDate = z.string({ error: 'validation.date' }).trim().refine(isIsoDate, { error: 'validation.date' });
const optionalUuid = z
  .union([z.uuid({ error: 'validation.invalid' }), z.literal(''), z.null()])
  .optional()
  .transform((v) => v || null);
const hours = z.coerce
  .number({ error: 'validation.hours' })
  .int({ error: 'validation.hours' })
  .min(15, { error: 'validation.hours' })
  .max(37, { error: 'validation.hours' });

/** The team plans an internship directly (a matching round does the same from an accepted choice). */
export const planInput = z.object({
  youthId: z.uuid({ error: 'validation.internship_youth' }),
  openingId: z.uuid({ error: 'validation.internship_opening' }),
  supervisorUserId: optionalUuid,
  /** The day the young person accepted the choice; the start clock runs from here. */
  chosenOn: isoDate,
  agreedStart: isoDate,
  plannedEnd: z
    .union([isoDate, z.literal(''), z.null()])
    .optional()
    .transform((v) => v || null),
  weeklyHours: hours,
  tasks: text(2000).default(''),
  /** Rotation: the internship this one follows. */
  previousId: optionalUuid,
  /** Why the start is later than the municipality's start-within days after the choice (required then). */
  startLateReason: text(500).default(''),
});

export const vitasInput = z.discriminatedUnion(
  'step',
  [
    z.object({
      step: z.literal('sent'),
      on: isoDate,
      reference: z
        .string({ error: 'validation.vitas_reference' })
        .trim()
        .min(3, { error: 'validation.vitas_reference' })
        .max(40, { error: 'validation.vitas_reference' }),
    }),
    z.object({ step: z.literal('approved'), on: isoDate }),
  ],
  { error: 'validation.vitas_step' },
);

export const firstDayInput = z.object({ firstDay: isoDate });

export const endInput = z
  .object({
    on: isoDate,
    outcome: z.enum(['completed', 'ended_early'], { error: 'validation.internship_outcome' }),
    reason: z.union([z.enum(earlyEndReasons), z.literal('')], { error: 'validation.early_end_reason' }).default(''),
    note: text(500).default(''),
  })
  .refine((v) => v.outcome !== 'ended_early' || v.reason !== '', { path: ['reason'], error: 'validation.early_end_reason' });

export const extensionInput = z.object({
  newEnd: isoDate,
  reason: text(500).default(''),
});

const attendanceField = z.enum(attendanceValues, { error: 'validation.attendance' });

/** The company's weekly feedback; a form sends one field per day (`attendance_mon` …). */
export const feedbackInput = z.preprocess(
  (raw) => {
    if (!raw || typeof raw !== 'object') return raw;
    const r = raw as Record<string, unknown>;
    if (r.attendance !== undefined) return r;
    return { ...r, attendance: Object.fromEntries(weekdays.map((d) => [d, r[`attendance_${d}`]])) };
  },
  z.object({
    week: isoDate,
    attendance: z.object(
      Object.fromEntries(weekdays.map((d) => [d, attendanceField])) as Record<(typeof weekdays)[number], typeof attendanceField>,
      {
        error: 'validation.attendance',
      },
    ),
    didWell: text(1000).default(''),
    concern: text(2000).default(''),
  }),
);

const blankTo = (empty: null | undefined) => (v: unknown) => (v === '' || v === undefined ? empty : v);
const scale = z.coerce
  .number({ error: 'validation.scale' })
  .int({ error: 'validation.scale' })
  .min(0, { error: 'validation.scale' })
  .max(10, { error: 'validation.scale' });

/** The young person's weekly check-in: three 0–10 scales (the workplace one only with an internship). */
export const checkinInput = z.object({
  wellbeing: z.preprocess(blankTo(undefined), scale),
  workplace: z.preprocess(blankTo(null), z.union([z.null(), scale])),
  network: z.preprocess(blankTo(undefined), scale),
  comment: text(1000).default(''),
});
