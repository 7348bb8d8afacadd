import { z } from 'zod';
import { isIsoDate } from '../../platform/dates.ts';
import { offerSources } from './offers.values.ts';

const isoDate = z.string({ error: 'validation.date' }).trim().refine(isIsoDate, { error: 'validation.date' });

/** A company (or the team on its behalf) offers a young person an internship in one of its openings. */
export const makeOfferInput = z.object({
  youthId: z.uuid({ error: 'validation.offer_youth' }),
  openingId: z.uuid({ error: 'validation.offer_opening' }),
  /** Empty: the municipality's number of days from today. */
  answerBy: z
    .union([isoDate, z.literal(''), z.null()])
    .optional()
    .transform((v) => v || null),
  message: z.string().trim().max(1000, { error: 'validation.text_long' }).default(''),
  source: z.enum(offerSources, { error: 'validation.invalid' }).default('directory'),
});

export const answerOfferInput = z.object({
  decision: z.enum(['accept', 'decline'], { error: 'validation.decision' }),
  reason: z.string().trim().max(500, { error: 'validation.text_long' }).default(''),
});
