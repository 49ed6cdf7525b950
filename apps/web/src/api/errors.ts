import type { CombinedError } from 'urql';

export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'INTERNAL_SERVER_ERROR'
  | 'NETWORK';

export interface FieldProblem {
  field: string;
  message: string;
}

export interface ApiProblem {
  code: ErrorCode;
  /** The API's own words (English). */
  message: string;
  fields: FieldProblem[];
  /** CONFLICT's reason, e.g. "deadline-passed", when the API gives one. */
  reason?: string;
  retryAfterSeconds?: number;
}

const KNOWN = new Set<ErrorCode>(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'BAD_USER_INPUT', 'CONFLICT', 'RATE_LIMITED', 'INTERNAL_SERVER_ERROR']);

/** The first problem of a failed request, in a shape the interface can explain. */
export function problemOf(error: CombinedError | undefined | null): ApiProblem | null {
  if (!error) return null;
  if (error.networkError && !error.graphQLErrors.length) return { code: 'NETWORK', message: error.networkError.message, fields: [] };
  const first = error.graphQLErrors[0];
  if (!first) return { code: 'INTERNAL_SERVER_ERROR', message: error.message, fields: [] };
  const extensions = (first.extensions ?? {}) as { code?: string; fields?: FieldProblem[]; reason?: string; retryAfterSeconds?: number };
  const code = KNOWN.has(extensions.code as ErrorCode) ? (extensions.code as ErrorCode) : 'INTERNAL_SERVER_ERROR';
  return {
    code,
    message: first.message,
    fields: Array.isArray(extensions.fields) ? extensions.fields : [],
    reason: typeof extensions.reason === 'string' ? extensions.reason : undefined,
    retryAfterSeconds: typeof extensions.retryAfterSeconds === 'number' ? extensions.retryAfterSeconds : undefined,
  };
}

/** Server-side field problems by field name, for showing beside each input. */
export function fieldProblems(problem: ApiProblem | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of problem?.fields ?? []) out[f.field] ??= f.message;
  return out;
}
