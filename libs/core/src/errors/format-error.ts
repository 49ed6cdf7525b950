import { HttpException } from '@nestjs/common';
import type { GraphQLFormattedError } from 'graphql';
import type { Language } from '../auth/roles';
import { AppError, ErrorCode, ServiceUnavailableError } from './error-codes';
import { isServiceUnavailable } from './unavailable';

/**
 * On a formatted error of the platform's own: the same error as another
 * language reads it. A symbol key, so JSON never carries it; the language
 * plugin (graphql.module.ts) applies it once the request's language is known.
 */
export const IN_LANGUAGE = Symbol('inLanguage');
export type LocalizableError = GraphQLFormattedError & { [IN_LANGUAGE]?: (language: Language) => GraphQLFormattedError };

/** A formatted error in `language`, when it can be said in it; else as it is. */
export function errorInLanguage(error: LocalizableError, language: Language): GraphQLFormattedError {
  return error[IN_LANGUAGE]?.(language) ?? error;
}

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
 * Every error leaves with a stable code. The database or Redis being
 * unreachable is SERVICE_UNAVAILABLE (try again shortly). Other unexpected
 * errors are logged with the request id and reach the client as
 * INTERNAL_SERVER_ERROR without internals (stack traces, SQL).
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
    const own = original instanceof AppError ? original : error instanceof AppError ? error : null;
    if (!own) return { ...formatted, extensions };
    const inLanguage = (language: Language): GraphQLFormattedError => {
      const said = own.localized(language);
      const { http: _http, ...rest } = said.extensions;
      return { ...formatted, message: said.message, extensions: { ...extensions, ...rest } };
    };
    // In the language the error was thrown in (one from the context, which the language plugin never sees), else English until the plugin says otherwise.
    const result: LocalizableError = inLanguage(own.language ?? 'en');
    result[IN_LANGUAGE] = inLanguage;
    return result;
  }
  if (original instanceof HttpException) {
    const status = original.getStatus();
    const mapped = HTTP_STATUS_CODES[status];
    if (mapped) return { message: original.message, path: formatted.path, locations: formatted.locations, extensions: { code: mapped } };
  }
  // The database or Redis away for a moment: nothing the caller can fix but waiting, and nothing to log as a fault.
  if (isServiceUnavailable(original ?? error)) return formatGraphqlError({ ...formatted, extensions: { code: ErrorCode.SERVICE_UNAVAILABLE } }, new ServiceUnavailableError(), onUnexpected);
  onUnexpected(original ?? error);
  const unexpected: LocalizableError = {
    message: 'Something went wrong on our side. It has been logged; please try again.',
    path: formatted.path,
    locations: formatted.locations,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
  unexpected[IN_LANGUAGE] = (language) =>
    language === 'ko' ? { ...unexpected, message: '저희 쪽에서 문제가 생겼습니다. 기록해 두었으니 다시 시도해 주세요.' } : unexpected;
  return unexpected;
}
