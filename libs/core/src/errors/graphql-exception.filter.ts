import { ArgumentsHost, Catch } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';

/**
 * GraphQL errors go back to Apollo as they are: expected ones (AppError)
 * without an error log line each, unexpected ones to formatGraphqlError,
 * which logs them once and hides their details. HTTP routes keep Nest's own
 * error responses.
 */
@Catch()
export class GraphqlExceptionFilter extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<string>() === 'graphql') return exception;
    return super.catch(exception, host);
  }
}
