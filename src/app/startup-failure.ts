import { isDatabaseUnavailable } from '../platform/db/unavailable.ts';

/**
 * What went wrong at start, in one line for the operator, for the failures that are about the
 * surroundings rather than the program (#19.17); undefined for anything else.
 */
export function startupFailureLine(err: unknown): string | undefined {
  const e = (err ?? {}) as { code?: unknown; address?: unknown; port?: unknown; syscall?: unknown };
  if (e.code === 'EADDRINUSE')
    return `Port ${String(e.port)} on ${String(e.address)} is already in use by another program: stop that program or set PORT to a free port.`;
  if (e.code === 'EACCES' && e.syscall === 'listen')
    return `Not allowed to listen on port ${String(e.port)}: use a port above 1023 (PORT) or run behind a proxy.`;
  if (isDatabaseUnavailable(err)) {
    const code = typeof e.code === 'string' ? e.code : 'no answer';
    return `The database could not be reached (${code}): check that PostgreSQL is running and that DATABASE_URL points at it, then start again.`;
  }
  return undefined;
}
