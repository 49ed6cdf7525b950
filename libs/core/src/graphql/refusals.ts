import { HeaderMap } from '@apollo/server';
import type { GraphQLError } from 'graphql';
import { AppError, BadInputError, ErrorCode, FieldProblem, RateLimitedError } from '../errors/error-codes';

/**
 * Marks an error that refuses a whole request (before anything runs) with the
 * HTTP status Apollo should answer it with. Without it, an error thrown from a
 * plugin hook or the context answers HTTP 500. Apollo removes `http` from the
 * extensions before the error reaches the client.
 */
export function withHttpStatus<T extends GraphQLError>(error: T, status: number, headers: Record<string, string> = {}): T {
  (error.extensions as Record<string, unknown>).http = { status, headers: new HeaderMap(Object.entries(headers)) };
  return error;
}

/** A request whose arguments hold text we cannot keep: HTTP 400, BAD_USER_INPUT, naming each field. */
export function unsafeInputRefusal(problems: FieldProblem[]): BadInputError {
  return withHttpStatus(BadInputError.ofFields(problems), 400);
}

/** A query that would cost more than one request may: HTTP 400, BAD_USER_INPUT, with the cost and the limit. */
export function tooCostlyRefusal(cost: number, max: number): AppError {
  return withHttpStatus(
    new AppError(ErrorCode.BAD_USER_INPUT, {
      en: `This query is too large (cost ${cost}, at most ${max}). Ask for fewer fields, fewer aliases or smaller pages.`,
      ko: `이 쿼리는 너무 큽니다(비용 ${cost}, 최대 ${max}). 필드나 별칭을 줄이거나 더 작은 페이지를 요청하세요.`,
    }, {
      cost,
      maxCost: max,
    }),
    400,
  );
}

/** What ran out of a client's request limit, as the refusal says it in English and Korean. */
export const RATE_LIMIT_REASONS = {
  requests: { en: 'You have sent too many requests', ko: '요청을 너무 많이 보냈습니다' },
  cost: { en: 'Your recent requests have asked for too much work', ko: '최근 요청의 작업량이 너무 많습니다' },
} as const;

/** Too many requests, or too much cost, from one client in the window: HTTP 429 with Retry-After. */
export function rateLimitedRefusal(retryAfterSeconds: number, what: keyof typeof RATE_LIMIT_REASONS): RateLimitedError {
  const error = new RateLimitedError(retryAfterSeconds, RATE_LIMIT_REASONS[what]);
  return withHttpStatus(error, 429, { 'retry-after': String(error.retryAfterSeconds) });
}
