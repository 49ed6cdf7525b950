import type { CombinedError } from 'urql';

export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR'
  | 'NETWORK';

export interface FieldProblem {
  field: string;
  message: string;
}

export interface ApiProblem {
  code: ErrorCode;
  /** The API's own words, in the language the request asked for (the page's). */
  message: string;
  fields: FieldProblem[];
  /** CONFLICT's reason, e.g. "deadline-passed", when the API gives one. */
  reason?: string;
  retryAfterSeconds?: number;
}

const KNOWN = new Set<ErrorCode>(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'BAD_USER_INPUT', 'CONFLICT', 'RATE_LIMITED', 'SERVICE_UNAVAILABLE', 'INTERNAL_SERVER_ERROR']);

/**
 * A problem met outside GraphQL (refreshing the session, signing out at
 * /auth/*), thrown as an error. When it fails a GraphQL request (urql carries
 * it as the network error), problemOf reports it as it is.
 */
export class ProblemError extends Error {
  constructor(readonly problem: ApiProblem) {
    super(problem.message);
    this.name = 'ProblemError';
  }
}

/** The first problem of a failed request, in a shape the interface can explain. */
export function problemOf(error: CombinedError | undefined | null): ApiProblem | null {
  if (!error) return null;
  if (error.networkError instanceof ProblemError) return error.networkError.problem;
  if (error.networkError && !error.graphQLErrors.length) return { code: 'NETWORK', message: error.networkError.message, fields: [] };
  const first = error.graphQLErrors[0];
  if (!first) return { code: 'INTERNAL_SERVER_ERROR', message: error.message, fields: [] };
  return problemOfError(first, 'INTERNAL_SERVER_ERROR');
}

/**
 * The problem in an answer from one of the API's routes outside GraphQL
 * (`{ errors: [{ message, extensions: { code } }] }`, as GraphQL answers), or
 * what its status says when its body is something else (a proxy's error page).
 * Retry-After counts when the body gives no wait.
 */
export async function problemOfResponse(response: Response): Promise<ApiProblem> {
  const body = (await response.json().catch(() => null)) as { errors?: Array<{ message?: unknown; extensions?: unknown }> } | null;
  const first = Array.isArray(body?.errors) ? body.errors[0] : undefined;
  const byStatus: ErrorCode = response.status === 429 ? 'RATE_LIMITED' : response.status === 503 ? 'SERVICE_UNAVAILABLE' : response.status === 403 ? 'FORBIDDEN' : 'INTERNAL_SERVER_ERROR';
  const problem: ApiProblem = first ? problemOfError(first, byStatus) : { code: byStatus, message: `HTTP ${response.status}`, fields: [] };
  const retryAfter = Number(response.headers.get('retry-after') ?? NaN);
  if (problem.retryAfterSeconds === undefined && Number.isFinite(retryAfter)) problem.retryAfterSeconds = retryAfter;
  return problem;
}

/** What a thrown error means for the person: its problem when it carries one, else the server could not be reached. */
export function problemOfThrown(error: unknown): ApiProblem {
  if (error instanceof ProblemError) return error.problem;
  return { code: 'NETWORK', message: error instanceof Error ? error.message : String(error), fields: [] };
}

function problemOfError(error: { message?: unknown; extensions?: unknown }, fallback: ErrorCode): ApiProblem {
  const extensions = (error.extensions ?? {}) as { code?: string; fields?: FieldProblem[]; reason?: string; retryAfterSeconds?: number };
  return {
    code: KNOWN.has(extensions.code as ErrorCode) ? (extensions.code as ErrorCode) : fallback,
    message: typeof error.message === 'string' ? error.message : '',
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

/** The extensions of an API error's first problem (e.g. a CONFLICT's reason and applicationId). */
export function extensionsOf(error: { graphQLErrors?: Array<{ extensions?: Record<string, unknown> }> } | null | undefined): Record<string, unknown> {
  return error?.graphQLErrors?.[0]?.extensions ?? {};
}
