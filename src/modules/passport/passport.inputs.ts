import { z } from 'zod';
import { passportLimits as L } from './passport.values.ts';

const line = (max: number) => z.string({ error: 'validation.invalid' }).trim().max(max, { error: 'validation.text_long' }).default('');

const strength = z.object({ what: line(L.what), where: line(L.where), when: line(L.when) }).superRefine((s, ctx) => {
  // A row left empty is dropped; a row begun needs what the strength is.
  if (!s.what && (s.where || s.when)) ctx.addIssue({ code: 'custom', path: ['what'], message: 'validation.passport_what' });
});

/**
 * The passport as written: strengths (empty rows dropped, at most ten), and the four free texts.
 * Rows keep their index in errors, so the form marks the right field.
 */
export const passportInput = z.object({
  strengths: z
    .array(strength)
    .default([])
    .transform((rows) => rows.filter((r) => r.what))
    .refine((rows) => rows.length <= L.strengths, { error: 'validation.passport_strengths' }),
  support: line(L.text),
  accommodations: line(L.text),
  notWorking: line(L.text),
  ownWords: line(L.text),
});
export type PassportInput = z.output<typeof passportInput>;

/** Sharing the passport with one named recipient. */
export const shareInput = z.object({ recipientUserId: z.uuid({ error: 'validation.passport_recipient' }) });
