import { ArgumentsHost, Catch, HttpException } from '@nestjs/common';
import { GqlExceptionFilter } from '@nestjs/graphql';
import { AppError } from './error-codes';

/**
 * Expected failures (AppError, HttpException) go to the client as they are,
 * without an error log line each; anything else also passes through, and
 * formatGraphqlError logs it once and hides its details.
 */
@Catch()
export class GraphqlExceptionFilter implements GqlExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<string>() !== 'graphql') throw exception;
    if (exception instanceof AppError || exception instanceof HttpException) return exception;
    return exception;
  }
}
