import { AppError } from '../errors.ts';
import type { FormState } from '../views/components.tsx';

/** The submitted values as strings, without the CSRF field (passwords are never echoed back). */
export function formValues(body: unknown): Record<string, string> {
  const values: Record<string, string> = {};
  if (body && typeof body === 'object') {
    for (const [k, v] of Object.entries(body)) if (k !== '_csrf' && typeof v === 'string') values[k] = v;
  }
  return values;
}

/**
 * Turns a service error into a form to re-render (422 with errors and the values entered), or
 * rethrows errors that are not about the input. Given the reply, a 429 says when to try again.
 */
export function formFromError(
  err: unknown,
  values: Record<string, string>,
  rename: Record<string, string> = {},
  reply?: { header(name: string, value: string): unknown },
): { form: FormState; status: number } {
  if (!(err instanceof AppError) || !['invalid', 'conflict', 'rate_limited'].includes(err.code)) throw err;
  if (err.code === 'rate_limited' && reply && err.params?.seconds) reply.header('retry-after', String(err.params.seconds));
  const errors: Record<string, string> = {};
  for (const [field, key] of Object.entries(err.fields ?? {})) errors[rename[field] ?? field] = key;
  const status = err.code === 'invalid' ? 422 : err.code === 'conflict' ? 409 : 429;
  // A specific message (e.g. naming the latest allowed date) is shown with the field errors.
  const formError =
    Object.keys(errors).length && err.code === 'invalid' && err.messageKey === 'errors.invalid' ? undefined : err.messageKey;
  return { form: { values, errors, formError, formErrorParams: err.params }, status };
}

/** Form names like "scores.direction" as nested objects ({ scores: { direction } }), for services that take nested input. */
export function nestForm(values: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) {
    const [head, ...rest] = k.split('.');
    if (!rest.length) out[head!] = v;
    else {
      const inner = (out[head!] ??= {}) as Record<string, string>;
      if (typeof inner === 'object') inner[rest.join('.')] = v;
    }
  }
  return out;
}
