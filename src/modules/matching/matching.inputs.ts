import { z } from 'zod';
import { answerValues, directInvitationChannels } from './matching.schema.ts';

const reason = z.string({ error: 'validation.required' }).trim().max(300, { error: 'validation.wish_reason' }).default('');

/** The young person adds an opening to their wishes ("I'd like to try working here"). */
export const addWishInput = z.object({
  openingId: z.uuid({ error: 'validation.wish_opening' }),
  reason,
});

/** The line in their own words about why. */
export const wishReasonInput = z.object({ reason });

/** Move a wish one place up or down. */
export const moveWishInput = z.object({ direction: z.enum(['up', 'down'], { error: 'validation.invalid' }) });

/** The whole ranked list at once (the API), best first. */
export const rankWishesInput = z.object({
  openingIds: z.array(z.uuid({ error: 'validation.wish_opening' }), { error: 'validation.wish_opening' }),
});

/** The company's answer for a young person who wished one of its openings: can take (tier 1 first) or not now. */
export const answerInput = z.object({
  youthId: z.uuid({ error: 'validation.invalid' }),
  answer: z.enum(answerValues, { error: 'validation.answer' }),
  tier: z.coerce
    .number({ error: 'validation.tier' })
    .int({ error: 'validation.tier' })
    .min(1, { error: 'validation.tier' })
    .max(3, { error: 'validation.tier' })
    .default(1),
});

/** A form sends one value per young person: "1", "2", "3" (can take, in that tier) or "not_now". */
export function answerFromChoice(youthId: string, choice: string | undefined): unknown {
  if (choice === 'not_now') return { youthId, answer: 'not_now', tier: 1 };
  return { youthId, answer: choice ? 'can_take' : undefined, tier: choice };
}

/** A company invites a young person directly; the young person still decides. */
export const directInvitationInput = z.object({
  youthId: z.uuid({ error: 'validation.invalid' }),
  openingId: z
    .union([z.uuid({ error: 'validation.wish_opening' }), z.literal(''), z.null()])
    .optional()
    .transform((v) => v || null),
  channel: z.enum(directInvitationChannels, { error: 'validation.channel' }),
  message: z.string().trim().max(1000, { error: 'validation.text_long' }).default(''),
});

/** Run a round; a seed may be given to re-run and check an earlier one. */
export const runRoundInput = z.object({
  /** A round for one match event: only its invited young people (who did not say no) and its openings. */
  eventId: z
    .union([z.literal(''), z.null(), z.uuid({ error: 'validation.event' })], { error: 'validation.event' })
    .optional()
    .transform((v) => v || null),
  seed: z
    .union(
      [
        // Empty first: coercing '' would give 0.
        z.literal(''),
        z.null(),
        z.coerce
          .number({ error: 'validation.seed' })
          .int({ error: 'validation.seed' })
          .min(0, { error: 'validation.seed' })
          .max(2_147_483_647, { error: 'validation.seed' }),
      ],
      { error: 'validation.seed' },
    )
    .optional()
    .transform((v) => (v === '' || v === null || v === undefined ? null : v)),
});

/** The young person's answer to a placement. */
export const respondInput = z.object({ decision: z.enum(['accept', 'decline'], { error: 'validation.decision' }) });
