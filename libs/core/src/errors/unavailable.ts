/** Node's socket errors when a server is down, restarting or unreachable. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ENOTFOUND']);

/**
 * PostgreSQL's SQLSTATEs for a server going away or not taking connections:
 * class 08 (connection exception), admin/crash shutdown and "cannot connect
 * now" (57P01-57P03, a restart), too many connections (53300).
 */
function isUnavailableSqlState(code: string): boolean {
  return code.startsWith('08') || code === '57P01' || code === '57P02' || code === '57P03' || code === '53300';
}

/** What pg and ioredis say, without a code, when their connection is gone or never came. */
const MESSAGES = [
  /^Connection terminated/,
  /^Client has encountered a connection error/,
  /timeout exceeded when trying to connect/,
  /^Connection is closed\.?$/,
  /enableOfflineQueue options is false/,
  /max retries per request limit/i,
];

/**
 * True when `error` (or what it wraps: TypeORM's driverError, a cause, a
 * GraphQL error's originalError or thrownValue) says PostgreSQL or Redis could not be
 * reached, rather than that a statement or a command was wrong.
 */
export function isServiceUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 4) return false;
  const e = error as { code?: unknown; message?: unknown; name?: unknown; driverError?: unknown; cause?: unknown; originalError?: unknown; thrownValue?: unknown };
  if (typeof e.code === 'string' && (SOCKET_CODES.has(e.code) || (/^[0-9A-Z]{5}$/.test(e.code) && isUnavailableSqlState(e.code)))) return true;
  if (e.name === 'MaxRetriesPerRequestError') return true;
  if (typeof e.message === 'string' && MESSAGES.some((m) => m.test(e.message as string))) return true;
  // thrownValue: graphql-js's wrapper for a thrown value it does not take for an Error (one from another realm).
  return [e.driverError, e.cause, e.originalError, e.thrownValue].some((inner) => inner !== error && isServiceUnavailable(inner, depth + 1));
}
