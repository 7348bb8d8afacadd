import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import type { FormState } from '../views/components.tsx';
import { type CookieSettings, setFlash } from './request.ts';

/** The submitted values as strings, without the form's own fields (_csrf, _page); passwords are never echoed back. */
export function formValues(body: unknown): Record<string, string> {
  const values: Record<string, string> = {};
  if (body && typeof body === 'object') {
    for (const [k, v] of Object.entries(body)) if (!k.startsWith('_') && typeof v === 'string') values[k] = v;
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
  // A specific message (e.g. naming the latest allowed date) is shown with the field errors, once:
  // not when it is a field's own message (a duplicate CPR number said twice in the summary, #15).
  const formError =
    (Object.keys(errors).length && err.code === 'invalid' && err.messageKey === 'errors.invalid') ||
    Object.values(errors).includes(err.messageKey)
      ? undefined
      : err.messageKey;
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

/** What a form submission does on success: a flash message (a message-catalog key) and where to go next. */
export interface FormDone {
  flash?: string;
  /** 'success' unless said otherwise. */
  flashKind?: 'success' | 'info';
  flashParams?: Record<string, string | number>;
  to: string;
}

/**
 * The one way a page form is handled: POST → the service validates and acts → on success a flash
 * message and a 303 to the next page (post/redirect/get); on input the service refuses (invalid,
 * conflict, too many tries) the same page again with the errors and what was typed (422/409/429).
 * Anything else goes to the error boundary.
 *
 * @param o.values the submitted fields (default: the body's, without the CSRF field)
 * @param o.run the service call; its result decides where to go
 * @param o.done the flash and the next page, from the result
 * @param o.again renders the form's page again with the errors
 * @param o.keep what of the values to show again (e.g. never a CPR number)
 * @param o.rename service field names that the form names otherwise
 */
export async function submitForm<R>(
  request: FastifyRequest,
  reply: FastifyReply,
  settings: CookieSettings,
  o: {
    values?: Record<string, string>;
    run: (values: Record<string, string>) => Promise<R>;
    done: FormDone | ((result: R) => FormDone);
    again: (form: FormState, status: number) => unknown;
    keep?: (values: Record<string, string>) => Record<string, string>;
    rename?: Record<string, string>;
  },
): Promise<unknown> {
  const values = o.values ?? formValues(request.body);
  let result: R;
  try {
    result = await o.run(values);
  } catch (err) {
    const { form, status } = formFromError(err, o.keep ? o.keep(values) : values, o.rename, reply);
    return o.again(form, status);
  }
  const done = typeof o.done === 'function' ? o.done(result) : o.done;
  if (done.flash)
    setFlash(reply, settings, {
      kind: done.flashKind ?? 'success',
      key: done.flash,
      ...(done.flashParams ? { params: done.flashParams } : {}),
    });
  return reply.redirect(done.to, 303);
}
