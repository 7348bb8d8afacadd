import { z } from 'zod';
import { isIsoDate } from '../../platform/dates.ts';
import { fields } from '../../platform/validation.ts';
import { eventResponses } from './matching.schema.ts';

const time = fields.time;
/** Checkboxes send one string or several; the API sends an array. */
const ids = (error: string) =>
  z.preprocess(
    (v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.uuid({ error }), { error }).min(1, { error }),
  );

/** The team plans a match event: when, where, the programme, and whom to invite. */
export const eventInput = z
  .object({
    title: z
      .string({ error: 'validation.required' })
      .trim()
      .min(3, { error: 'validation.event_title' })
      .max(120, { error: 'validation.event_title' }),
    date: z.string({ error: 'validation.date' }).trim().refine(isIsoDate, { error: 'validation.date' }),
    startTime: time,
    endTime: time,
    place: z
      .string({ error: 'validation.required' })
      .trim()
      .min(2, { error: 'validation.required' })
      .max(200, { error: 'validation.text_long' }),
    programme: z.string().trim().max(4000, { error: 'validation.text_long' }).default(''),
    openingIds: ids('validation.event_openings'),
    youthIds: ids('validation.event_youth'),
  })
  .refine((v) => v.endTime > v.startTime, { path: ['endTime'], error: 'validation.event_end' });

export const eventResponseInput = z.object({
  response: z.enum(eventResponses.filter((r) => r !== 'pending') as ['coming', 'not_coming'], { error: 'validation.event_response' }),
});
