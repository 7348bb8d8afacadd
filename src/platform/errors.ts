/**
 * The one error taxonomy. Services throw these; one boundary (platform/http/errors.ts) maps them
 * to HTML pages and to the JSON shape { error: { code, message, fields? } }.
 * Messages and field errors are message-catalog keys, translated at the boundary.
 */
export type ErrorCode = 'not_found' | 'forbidden' | 'unauthenticated' | 'conflict' | 'invalid' | 'rate_limited' | 'unavailable';

export const httpStatus: Record<ErrorCode, number> = {
  not_found: 404,
  forbidden: 403,
  unauthenticated: 401,
  conflict: 409,
  invalid: 422,
  rate_limited: 429,
  unavailable: 503,
};

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    /** A message-catalog key. */
    readonly messageKey: string,
    readonly fields?: Record<string, string>,
    readonly params?: Record<string, string | number>,
  ) {
    super(messageKey);
    this.name = 'AppError';
  }
}

export const notFound = () => new AppError('not_found', 'errors.not_found');
export const unauthenticated = () => new AppError('unauthenticated', 'errors.unauthenticated');
export const conflict = (key: string, fields?: Record<string, string>) => new AppError('conflict', key, fields);
export const invalid = (fields: Record<string, string>, key = 'errors.invalid', params?: Record<string, string | number>) =>
  new AppError('invalid', key, fields, params);
export const rateLimited = (seconds: number) => new AppError('rate_limited', 'errors.rate_limited', undefined, { seconds });

export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
}
