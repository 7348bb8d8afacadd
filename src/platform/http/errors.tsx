import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type ErrorCode, httpStatus } from '../errors.ts';
import { isDatabaseUnavailable } from '../db/unavailable.ts';
import { translate } from '../i18n/i18n.ts';
import { isMessageKey } from '../i18n/i18n.ts';
import { type RenderSettings, pageContext, sendPage } from './render.tsx';
import { wantsJson } from './request.ts';

interface ErrorBody {
  error: {
    code: ErrorCode | 'server_error' | 'bad_request' | 'unsupported_media_type';
    message: string;
    fields?: Record<string, string>;
    requestId?: string;
  };
}

function fieldsFromValidation(validation: { instancePath?: string; message?: string }[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const v of validation) {
    const field = (v.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.') || '_';
    fields[field] ??= v.message && isMessageKey(v.message) ? v.message : 'validation.invalid';
  }
  return fields;
}

/** Seconds to suggest before trying again when the database is out of reach. */
const RETRY_SECONDS = 10;

/** Maps any error to the taxonomy: code, status, message key, field keys. */
function classify(error: unknown): {
  code: ErrorBody['error']['code'];
  status: number;
  key: string;
  fields?: Record<string, string>;
  params?: Record<string, string | number>;
} {
  if (error instanceof AppError) {
    return { code: error.code, status: httpStatus[error.code], key: error.messageKey, fields: error.fields, params: error.params };
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    return { code: 'invalid', status: 422, key: 'errors.invalid', fields: fieldsFromValidation(error.validation) };
  }
  const e = error as FastifyError;
  if (e?.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return { code: 'unsupported_media_type', status: 415, key: 'errors.unsupported_media' };
  if (
    e?.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
    e?.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
    (e instanceof SyntaxError && e.statusCode === 400)
  ) {
    return { code: 'bad_request', status: 400, key: 'errors.invalid_json' };
  }
  // A multipart body cut short by the client (busboy's words): the client's fault, not ours (#19.17).
  if (e instanceof Error && /^Unexpected end of (multipart data|form)$/.test(e.message))
    return { code: 'bad_request', status: 400, key: 'errors.upload_incomplete' };
  if (e?.statusCode === 413) return { code: 'invalid', status: 413, key: 'validation.file_too_large' };
  if (e?.statusCode === 429) return { code: 'rate_limited', status: 429, key: 'errors.rate_limited', params: { seconds: 60 } };
  if (e?.statusCode && e.statusCode >= 400 && e.statusCode < 500)
    return { code: 'bad_request', status: e.statusCode, key: 'errors.invalid' };
  if (isDatabaseUnavailable(error))
    return { code: 'unavailable', status: 503, key: 'errors.database_unavailable', params: { seconds: RETRY_SECONDS } };
  return { code: 'server_error', status: 500, key: 'errors.server' };
}

/**
 * A page asked for a signed-in person and there was none (e.g. a form posted after the session
 * expired): may keep what was sent, and says where to go after signing in (saved-forms.ts).
 */
export type OnSignedOut = (request: FastifyRequest, reply: FastifyReply) => Promise<string | undefined>;

/** The one boundary: the taxonomy to JSON for the API and to HTML error pages for people. */
export function registerErrorBoundary(app: FastifyInstance, settings: RenderSettings, onSignedOut?: OnSignedOut): void {
  const respond = async (error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const c = classify(error);
    if (c.code === 'unauthenticated' && !wantsJson(request)) {
      const next = (onSignedOut && (await onSignedOut(request, reply))) ?? request.url;
      return reply.redirect(`/sign-in?next=${encodeURIComponent(next)}`, 303);
    }
    if (c.status === 503) request.log.warn({ err: error }, 'database unavailable');
    else if (c.status >= 500) request.log.error({ err: error }, 'request failed');
    if ((c.status === 429 || c.status === 503) && c.params?.seconds) reply.header('retry-after', String(c.params.seconds));
    if (wantsJson(request)) {
      const body: ErrorBody = {
        error: {
          code: c.code,
          message: translate(request.locale, c.key, c.params),
          ...(c.fields
            ? { fields: Object.fromEntries(Object.entries(c.fields).map(([f, k]) => [f, translate(request.locale, k, c.params)])) }
            : {}),
          ...(c.status >= 500 ? { requestId: request.id } : {}),
        },
      };
      return reply.status(c.status).send(body);
    }
    const page = pageContext(request, reply, settings);
    const { t } = page;
    const title =
      c.status === 404
        ? t('errors.not_found_title')
        : c.status === 403
          ? t('errors.forbidden_title')
          : c.status === 400 || c.status === 422
            ? t('errors.invalid_title')
            : c.status === 503
              ? t('errors.unavailable_title')
              : t('errors.server_title');
    return sendPage(
      reply,
      page,
      title,
      <>
        <h1>{title}</h1>
        <p>{translate(request.locale, c.key, c.params)}</p>
        {c.fields && (
          <ul>
            {Object.values(c.fields).map((key) => (
              <li>{translate(request.locale, key, c.params)}</li>
            ))}
          </ul>
        )}
        {c.status >= 500 && c.status !== 503 && <p>{t('errors.request_id', { id: request.id })}</p>}
        <p>
          <a href="/">{t('errors.back_home')}</a>
        </p>
      </>,
      c.status,
    );
  };
  app.setErrorHandler((error, request, reply) => respond(error, request, reply));
  app.setNotFoundHandler((request, reply) => respond(new AppError('not_found', 'errors.not_found'), request, reply));
}
