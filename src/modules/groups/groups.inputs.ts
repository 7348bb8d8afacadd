import { z } from 'zod';
import { fields } from '../../platform/validation.ts';
import { isIsoDate } from '../../platform/dates.ts';
import { attendanceStatuses, sessionThemes } from './groups.values.ts';

/** A group session as the counsellor records it: attendance for every member. */
export const sessionInput = z.object({
  heldOn: z.string({ error: 'validation.date' }).trim().refine(isIsoDate, { error: 'validation.date' }),
  place: z
    .string({ error: 'validation.required' })
    .trim()
    .min(2, { error: 'validation.required' })
    .max(200, { error: 'validation.text_long' }),
  theme: z.enum(sessionThemes, { error: 'validation.session_theme' }),
  note: z.string().trim().max(2000, { error: 'validation.text_long' }).default(''),
  attendance: z.record(z.uuid(), z.enum(attendanceStatuses, { error: 'validation.group_attendance' }), {
    error: 'validation.group_attendance',
  }),
});

export const moveInput = z.object({ toGroupId: z.uuid({ error: 'validation.group' }) });

/** A young person the counsellor adds to a group directly. */
export const addMemberInput = z.object({ youthId: z.uuid({ error: 'validation.group_youth' }) });

/** How was today's meeting, 0–10, and an optional comment. */
export const sessionCheckinInput = z.object({
  score: z.coerce
    .number({ error: 'validation.scale' })
    .int({ error: 'validation.scale' })
    .min(0, { error: 'validation.scale' })
    .max(10, { error: 'validation.scale' }),
  comment: z.string().trim().max(1000, { error: 'validation.text_long' }).default(''),
});

/** When and where a group meets each week, and its counsellor. */
export const scheduleInput = z.object({
  meetsWeekday: z.coerce
    .number({ error: 'validation.weekday' })
    .int({ error: 'validation.weekday' })
    .min(1, { error: 'validation.weekday' })
    .max(7, { error: 'validation.weekday' }),
  meetsAt: fields.time,
  meetsPlace: z
    .string({ error: 'validation.required' })
    .trim()
    .min(2, { error: 'validation.required' })
    .max(200, { error: 'validation.text_long' }),
  counsellorUserId: z.union([z.literal(''), z.uuid({ error: 'validation.counsellor' })]).default(''),
});

/** A company visiting the group's meeting on a day (seed 001: about every 6 weeks). */
export const companyGuestInput = z.object({
  heldOn: z.string({ error: 'validation.date' }).trim().refine(isIsoDate, { error: 'validation.date' }),
  companyId: z.uuid({ error: 'validation.guest_company' }),
  note: z.string().trim().max(500, { error: 'validation.text_long' }).default(''),
});
