import { HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { withParticle } from '@app/rules';
import type { Language } from '../auth/roles';
import type { Words } from '../i18n/words';
import { THINGS, type Thing } from './things';

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
  /** The database or Redis could not be reached for a moment (a restart, a failover): try again (HTTP 503 before execution). */
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

export interface FieldProblem {
  /** The offending input field, as named in its input type (`email`, `address.city`). */
  field: string;
  /** What is wrong with it, in each language. */
  message: Words;
}

/**
 * An expected failure with a stable code and a message a person can act on,
 * composed in English and Korean: nothing is refused in one language only.
 * `message` is the English; the API answers each caller in their language
 * (localized).
 */
export class AppError extends GraphQLError {
  /** The message in each language. */
  readonly words: Words;
  /**
   * The language to say it in when the request's is known before the language plugin runs, which never
   * sees an error thrown while the context is built (a session lookup with the database away, the request limit).
   */
  language?: Language;

  constructor(
    readonly code: ErrorCode,
    message: Words,
    extensions: Record<string, unknown> = {},
  ) {
    super(message.en, { extensions: { ...extensions, code } });
    this.name = 'AppError';
    this.words = message;
  }

  /** The message and extensions (each field problem's message too) as `language` reads them. */
  localized(language: Language): { message: string; extensions: Record<string, unknown> } {
    const extensions = { ...(this.extensions as Record<string, unknown>) };
    // A refusal may name fields without problems (CALL_OPEN lists the rules that are fixed): those stay as they are.
    if (Array.isArray(extensions.fields) && extensions.fields.every((f) => typeof f === 'object' && f !== null)) extensions.fields = localizedFields(extensions.fields as FieldProblem[], language);
    return { message: this.words[language], extensions };
  }
}

/** Field problems with each message in one language, as clients read them. */
export function localizedFields(fields: readonly FieldProblem[], language: Language): Array<{ field: string; message: string }> {
  return fields.map(({ field, message }) => ({ field, message: message[language] }));
}

export class UnauthenticatedError extends AppError {
  constructor(message: Words = { en: 'Sign in to do this.', ko: '로그인한 뒤에 할 수 있습니다.' }) {
    super(ErrorCode.UNAUTHENTICATED, message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message: Words = { en: 'You do not have permission to do this.', ko: '이 작업을 할 권한이 없습니다.' }) {
    super(ErrorCode.FORBIDDEN, message);
  }
}

/**
 * Also the answer for rows a user may not see, so nobody can probe what
 * exists. `what` is one of THINGS, which names each kind of thing in both
 * languages.
 */
export class NotFoundError extends AppError {
  constructor(what: Thing, id?: string) {
    const { en, ko } = THINGS[what];
    super(
      ErrorCode.NOT_FOUND,
      id
        ? { en: `No ${en} with id "${id}" was found.`, ko: `ID가 "${id}"인 ${withParticle(ko, '을/를')} 찾을 수 없습니다.` }
        : { en: `The ${en} was not found.`, ko: `${withParticle(ko, '을/를')} 찾을 수 없습니다.` },
    );
  }
}

export class BadInputError extends AppError {
  constructor(message: Words, fields: FieldProblem[] = []) {
    super(ErrorCode.BAD_USER_INPUT, message, { fields });
  }

  static field(field: string, message: Words): BadInputError {
    return new BadInputError({ en: `${field}: ${message.en}`, ko: `${field}: ${message.ko}` }, [{ field, message }]);
  }

  /** One refusal naming every field's problem, as the validation pipe and the request guards say it. */
  static ofFields(fields: FieldProblem[]): BadInputError {
    const en = fields.map((f) => `${f.field} ${f.message.en}`).join('; ');
    const ko = fields.map((f) => `${f.field}: ${f.message.ko}`).join(' ');
    return new BadInputError({ en: `Please correct the input: ${en}${en.endsWith('.') ? '' : '.'}`, ko: `입력한 내용을 고쳐 주세요. ${ko}` }, fields);
  }
}

export class ConflictError extends AppError {
  constructor(message: Words, extensions: Record<string, unknown> = {}) {
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

  constructor(retryAfterSeconds: number, reason: Words = { en: 'Too many attempts', ko: '시도가 너무 많습니다' }) {
    const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
    const message = { en: `${reason.en}. Try again in ${waitInWords(seconds)}.`, ko: `${reason.ko}. ${waitInKorean(seconds)} 후에 다시 시도하세요.` };
    super(ErrorCode.RATE_LIMITED, message, {
      retryAfterSeconds: seconds,
      http: { headers: new HeaderMap([['retry-after', String(seconds)]]) },
    });
    this.retryAfterSeconds = seconds;
  }
}

/**
 * An error as GraphQL clients read one, for the HTTP routes that answer in
 * JSON (/auth/*, and requests to /graphql that never reach Apollo):
 * `{ errors: [{ message, extensions: { code, … } }] }` in the caller's
 * language, without the `http` extension that only steers Apollo.
 */
export function errorsBody(error: AppError, language: Language = 'en'): { errors: Array<{ message: string; extensions: Record<string, unknown> }> } {
  const { message, extensions: all } = error.localized(language);
  const { http: _http, ...extensions } = all;
  return { errors: [{ message, extensions }] };
}

/** Seconds a client is asked to wait when the database or Redis is away: about as long as a restart takes. */
export const UNAVAILABLE_RETRY_SECONDS = 5;

/**
 * The database or Redis did not answer (a restart, a failover, a network
 * break): nothing is wrong with the request, and the same request a few
 * seconds later should work. Before execution (the session lookup) Apollo
 * answers it with HTTP 503 and Retry-After; during execution with 200, like
 * every execution error, and the code says it.
 */
export class ServiceUnavailableError extends AppError {
  constructor() {
    super(
      ErrorCode.SERVICE_UNAVAILABLE,
      {
        en: `The platform cannot reach its database or queue for a moment. Please try again in ${waitInWords(UNAVAILABLE_RETRY_SECONDS)}.`,
        ko: `플랫폼이 잠시 데이터베이스나 대기열에 연결하지 못하고 있습니다. ${waitInKorean(UNAVAILABLE_RETRY_SECONDS)} 뒤에 다시 시도해 주세요.`,
      },
      { retryAfterSeconds: UNAVAILABLE_RETRY_SECONDS, http: { status: 503, headers: new HeaderMap([['retry-after', String(UNAVAILABLE_RETRY_SECONDS)]]) } },
    );
  }
}
