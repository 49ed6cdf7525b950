import { HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';

/** The stable codes clients may rely on. Anything else surfaces as INTERNAL_SERVER_ERROR. */
export enum ErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  CONFLICT = 'CONFLICT',
  RATE_LIMITED = 'RATE_LIMITED',
  /** The request itself could not be read (not JSON, a batch); Apollo uses the same code. */
  BAD_REQUEST = 'BAD_REQUEST',
  /** The request body is over the JSON body limit (HTTP 413). */
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

export interface FieldProblem {
  /** The offending input field, as named in its input type (`email`, `address.city`). */
  field: string;
  message: string;
}

/** An expected failure with a stable code and a message a person can act on. */
export class AppError extends GraphQLError {
  constructor(
    readonly code: ErrorCode,
    message: string,
    extensions: Record<string, unknown> = {},
  ) {
    super(message, { extensions: { ...extensions, code } });
    this.name = 'AppError';
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = 'Sign in to do this.') {
    super(ErrorCode.UNAUTHENTICATED, message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'You do not have permission to do this.') {
    super(ErrorCode.FORBIDDEN, message);
  }
}

/** Also the answer for rows a user may not see, so nobody can probe what exists. */
export class NotFoundError extends AppError {
  constructor(what: string, id?: string) {
    super(ErrorCode.NOT_FOUND, id ? `No ${what} with id "${id}" was found.` : `The ${what} was not found.`);
  }
}

export class BadInputError extends AppError {
  constructor(message: string, fields: FieldProblem[] = []) {
    super(ErrorCode.BAD_USER_INPUT, message, { fields });
  }

  static field(field: string, message: string): BadInputError {
    return new BadInputError(`${field}: ${message}`, [{ field, message }]);
  }
}

export class ConflictError extends AppError {
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super(ErrorCode.CONFLICT, message, extensions);
  }
}

/** "40 seconds", "15 minutes": the wait, in the unit a person would say it in. */
export function waitInWords(seconds: number): string {
  const s = Math.max(1, Math.ceil(seconds));
  if (s < 90) return `${s} second${s === 1 ? '' : 's'}`;
  const m = Math.ceil(s / 60);
  return `${m} minute${m === 1 ? '' : 's'}`;
}

/** "40초", "15분": the same wait as a Korean sentence says it. */
export function waitInKorean(seconds: number): string {
  const s = Math.max(1, Math.ceil(seconds));
  return s < 90 ? `${s}초` : `${Math.ceil(s / 60)}분`;
}

/**
 * Too many of something (`reason` says what), with a Retry-After header and
 * `retryAfterSeconds` for the web app to say the wait in the reader's
 * language. Thrown during execution (sign-in's limits), it answers HTTP 200
 * like every other execution error (GraphQL over HTTP); the request limit,
 * which refuses before anything runs, adds status 429 (refusals.ts). Apollo
 * takes `http` out of the extensions.
 */
export class RateLimitedError extends AppError {
  readonly retryAfterSeconds: number;

  constructor(retryAfterSeconds: number, reason = 'Too many attempts') {
    const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
    super(ErrorCode.RATE_LIMITED, `${reason}. Try again in ${waitInWords(seconds)}.`, {
      retryAfterSeconds: seconds,
      http: { headers: new HeaderMap([['retry-after', String(seconds)]]) },
    });
    this.retryAfterSeconds = seconds;
  }
}

/**
 * An error as GraphQL clients read one, for the HTTP routes that answer in
 * JSON (/auth/*, and requests to /graphql that never reach Apollo):
 * `{ errors: [{ message, extensions: { code, … } }] }`, without the `http`
 * extension that only steers Apollo.
 */
export function errorsBody(error: AppError): { errors: Array<{ message: string; extensions: Record<string, unknown> }> } {
  const { http: _http, ...extensions } = error.extensions as Record<string, unknown>;
  return { errors: [{ message: error.message, extensions }] };
}
