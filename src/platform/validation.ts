import { z } from 'zod';
import { invalid } from './errors.ts';
import { isMessageKey, parseDecimal } from './i18n/i18n.ts';
import { isCommonPassword } from './passwords.ts';
import { parseClockInput } from './time-input.ts';

/** Turns zod issues into { field: message-catalog key }, first issue per field. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.length ? issue.path.map(String).join('.') : '_';
    if (fields[field]) continue;
    if (isMessageKey(issue.message)) fields[field] = issue.message;
    else fields[field] = issue.code === 'invalid_type' && issue.input === undefined ? 'validation.required' : 'validation.invalid';
  }
  return fields;
}

/** Validates input with the endpoint's schema; throws the taxonomy's `invalid` with field keys. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw invalid(fieldErrors(result.error));
  return result.data;
}

/** Common field schemas, with message-catalog keys as messages. */
export const fields = {
  email: z
    .string({ error: 'validation.email' })
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: 'validation.email' }).max(254, { error: 'validation.email' })),
  name: z.string({ error: 'validation.name' }).trim().min(2, { error: 'validation.name' }).max(100, { error: 'validation.name' }),
  newPassword: z
    .string({ error: 'validation.password_short' })
    .min(10, { error: 'validation.password_short' })
    .max(200, { error: 'validation.password_long' })
    .refine((p) => !isCommonPassword(p), { error: 'validation.password_common' }),
  uuid: z.uuid({ error: 'validation.invalid' }),
  time: timeOfDay('validation.time'),
};

/** A time of day typed as "9.30", "9:30", "0930" or "9" (one parser for every time field); read as "HH:MM". */
export function timeOfDay(error: string) {
  return z.string({ error }).transform((v, c) => {
    const t = parseClockInput(v);
    if (t === null) c.addIssue({ code: 'custom', message: error });
    return t ?? v;
  });
}

/** Whether an id from a URL can be a record id (a UUID), before asking the database. */
export function isUuid(id: string): boolean {
  return /^[0-9a-f-]{36}$/i.test(id);
}

/** A record id as PostgreSQL's uuid type reads it. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A decimal typed as Danes write it ("0,4", "1.234,5") or as the API sends it (0.4, "0.4"), checked
 * by `schema`; what cannot be read fails with the schema's own message (#15).
 */
export function decimal<S extends z.ZodType<number>>(schema: S) {
  return z.preprocess((v) => (typeof v === 'string' ? (parseDecimal(v) ?? Number.NaN) : v), schema);
}
