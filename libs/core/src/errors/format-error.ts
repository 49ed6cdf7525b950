import { HttpException } from '@nestjs/common';
import type { GraphQLFormattedError } from 'graphql';
import { ErrorCode } from './error-codes';

const STABLE_CODES = new Set<string>(Object.values(ErrorCode));
/** Codes Apollo itself assigns to malformed requests; they are safe to pass on. */
const APOLLO_REQUEST_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

const HTTP_STATUS_CODES: Record<number, ErrorCode> = {
  400: ErrorCode.BAD_USER_INPUT,
  401: ErrorCode.UNAUTHENTICATED,
  403: ErrorCode.FORBIDDEN,
  404: ErrorCode.NOT_FOUND,
  409: ErrorCode.CONFLICT,
  429: ErrorCode.RATE_LIMITED,
};

/**
 * Every error leaves with a stable code. Unexpected errors are logged with
 * the request id and reach the client as INTERNAL_SERVER_ERROR without
 * internals (stack traces, SQL).
 */
export function formatGraphqlError(
  formatted: GraphQLFormattedError,
  error: unknown,
  onUnexpected: (error: unknown) => void,
): GraphQLFormattedError {
  const code = formatted.extensions?.code as string | undefined;
  const original = (error as { originalError?: unknown })?.originalError;
  if (code && (STABLE_CODES.has(code) || APOLLO_REQUEST_CODES.has(code)) && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
    const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  if (original instanceof HttpException) {
    const status = original.getStatus();
    const mapped = HTTP_STATUS_CODES[status];
    if (mapped) return { message: original.message, path: formatted.path, locations: formatted.locations, extensions: { code: mapped } };
  }
  onUnexpected(original ?? error);
  return {
    message: 'Something went wrong on our side. It has been logged; please try again.',
    path: formatted.path,
    locations: formatted.locations,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}
