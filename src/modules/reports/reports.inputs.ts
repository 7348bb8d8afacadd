import { z } from 'zod';

/** The counsellor's words in a draft. */
export const reportTextInput = z.object({
  summary: z.string({ error: 'validation.required' }).trim().max(4000, { error: 'validation.text_long' }).default(''),
  nextSteps: z.string({ error: 'validation.required' }).trim().max(2000, { error: 'validation.text_long' }).default(''),
});

/** The young person's comment when they have read the report. */
export const confirmInput = z.object({
  comment: z.string().trim().max(2000, { error: 'validation.text_long' }).default(''),
});

/** Form checkboxes arrive as "on" or not at all; the API sends a boolean. */
export const consentInput = z.object({
  toCaseworker: z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean()),
});

/** The young person's choice for one report: hold it back from the caseworker (a checkbox). */
export const holdBackInput = z.object({
  holdBack: z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean()),
});
