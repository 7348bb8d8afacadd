import { z } from 'zod';
import { isIsoDate } from '../../platform/dates.ts';
import { dimensions } from './movement.values.ts';

const score = z.coerce
  .number({ error: 'validation.movement_score' })
  .int({ error: 'validation.movement_score' })
  .min(1, { error: 'validation.movement_score' })
  .max(10, { error: 'validation.movement_score' });

const reason = z
  .string({ error: 'validation.movement_reason' })
  .trim()
  .min(2, { error: 'validation.movement_reason' })
  .max(300, { error: 'validation.text_long' });

const scores = z.object(Object.fromEntries(dimensions.map((d) => [d, score])) as Record<(typeof dimensions)[number], typeof score>, {
  error: 'validation.movement_score',
});

/** The counsellor's scoring: a day, five scores 1–10, and a short reason for each. */
export const counsellorAssessmentInput = z.object({
  assessedOn: z.string({ error: 'validation.date' }).trim().refine(isIsoDate, { error: 'validation.date' }),
  scores,
  reasons: z.object(Object.fromEntries(dimensions.map((d) => [d, reason])) as Record<(typeof dimensions)[number], typeof reason>, {
    error: 'validation.movement_reason',
  }),
});

/** The young person's own scores beside the counsellor's (no reasons asked for). */
export const ownAssessmentInput = z.object({ scores });
