/**
 * What may reach the log: nothing a person typed and no bearer token (#19.3). Database errors are
 * logged with their SQL text (placeholders only), SQLSTATE and constraint, never with the values
 * bound to them or the server's `detail` line (which quotes the values); URLs that carry a token
 * in their path or query are logged with the token replaced.
 */

/** Path prefixes whose next segment is a bearer token (sign-in links, invitations, feedback links, calendar feeds). */
const TOKEN_PATHS = ['/sign-in/link/', '/invitations/', '/feedback/', '/calendar/'];
/** Query parameters that carry a token. */
const TOKEN_PARAMS = new Set(['token', 'key', 'code', 'signature']);
export const REDACTED = '[redacted]';

export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  let path = q < 0 ? url : url.slice(0, q);
  const query = q < 0 ? '' : url.slice(q + 1);
  for (const prefix of TOKEN_PATHS) {
    const at = path.indexOf(prefix);
    if (at < 0) continue;
    const start = at + prefix.length;
    const end = path.indexOf('/', start);
    path = `${path.slice(0, start)}${REDACTED}${end < 0 ? '' : path.slice(end)}`;
  }
  if (!query) return path;
  const parts = query.split('&').map((p) => {
    const eq = p.indexOf('=');
    const name = eq < 0 ? p : p.slice(0, eq);
    let decoded = name;
    try {
      decoded = decodeURIComponent(name);
    } catch {
      // a malformed name is logged as it came
    }
    if (TOKEN_PARAMS.has(decoded.toLowerCase())) return `${name}=${REDACTED}`;
    // A local path in next/back may itself carry a token.
    if (eq >= 0 && /^(next|back)$/i.test(decoded)) return `${name}=${encodeURIComponent(redactUrl(safeDecode(p.slice(eq + 1))))}`;
    return p;
  });
  return `${path}?${parts.join('&')}`;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

/** Error properties that describe what failed without quoting any value. */
const SAFE_FIELDS = ['code', 'constraint', 'table', 'column', 'schema', 'routine', 'statusCode', 'severity'] as const;

/** The log's picture of an error: type, message without bound values, stack, SQL text, SQLSTATE; its causes likewise. */
export function safeError(err: unknown, depth = 0): { type: string; message: string; stack: string; [key: string]: unknown } {
  if (!(err instanceof Error)) return { type: typeof err, message: '', stack: '' };
  const e = err as Error & Record<string, unknown>;
  const message = safeMessage(e);
  const frames = typeof e.stack === 'string' ? e.stack.split('\n').filter((l) => /^\s+at /.test(l)) : [];
  const out: { type: string; message: string; stack: string; [key: string]: unknown } = {
    type: e.name,
    message,
    stack: [`${e.name}: ${message}`, ...frames].join('\n'),
  };
  for (const f of SAFE_FIELDS) if (typeof e[f] === 'string' || typeof e[f] === 'number') out[f] = e[f];
  if (typeof e.query === 'string') out.query = e.query;
  if (e.cause !== undefined && depth < 4) out.cause = safeError(e.cause, depth + 1);
  return out;
}

function safeMessage(e: Error & Record<string, unknown>): string {
  let m = String(e.message ?? '');
  // drizzle's DrizzleQueryError: "Failed query: <sql>\nparams: <values>".
  const params = m.indexOf('\nparams:');
  if (params >= 0) m = m.slice(0, params);
  // PostgreSQL messages quote the offending value after a colon: invalid input syntax for type uuid: "…".
  if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) m = m.replace(/: ".*"\s*$/s, `: "${REDACTED}"`);
  return m;
}

/** pino serializers for every logger the platform makes. */
export const logSerializers = {
  err: safeError,
  req: (request: { method?: string; url?: string; ip?: string; hostname?: string }) => ({
    method: request.method,
    url: redactUrl(request.url ?? ''),
    host: request.hostname,
    remoteAddress: request.ip,
  }),
};

/** The options every pino logger of the platform uses: level, the safe serializers, no cookies or authorization headers. */
export function logOptions(level: string) {
  return { level, serializers: logSerializers, redact: ['req.headers.cookie', 'req.headers.authorization'] };
}
