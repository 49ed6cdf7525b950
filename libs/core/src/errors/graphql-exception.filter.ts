import { ArgumentsHost, Catch, HttpException } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { Request, Response } from 'express';
import { requestLanguage, words } from '../i18n/words';
import { AppError, ErrorCode, errorsBody, ServiceUnavailableError } from './error-codes';
import { isServiceUnavailable } from './unavailable';
import { RestRefusal, type PageRequest } from './rest-refusal';

/**
 * GraphQL errors go back to Apollo as they are: expected ones (AppError)
 * without an error log line each, unexpected ones to formatGraphqlError,
 * which logs them once and hides their details. A request to /graphql that
 * never reaches Apollo (a body that is not JSON, or larger than the JSON
 * body limit) is answered the way GraphQL clients read errors: its 4xx status
 * and `{ errors: [{ message, extensions: { code } }] }`. A RestRefusal (the
 * request limit or the string guard of the other HTTP routes) is sent as it
 * was written, in its route's form. PostgreSQL or Redis out of reach is a
 * 503 with Retry-After on every route. Other HTTP routes keep Nest's own
 * error responses.
 */
@Catch()
export class GraphqlExceptionFilter extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): unknown {
    // Thrown again, not returned: Nest would hand a returned error to GraphQL as the field's value, which
    // graphql-js reads as an error only when it is an instance of its own realm's Error (not so for Node's
    // socket errors under a test runner's sandbox: "Expected Iterable" instead of the error itself).
    if (host.getType<string>() === 'graphql') throw exception;
    if (host.getType() === 'http' && exception instanceof RestRefusal) return send(host.switchToHttp().getResponse<Response>(), exception);
    if (host.getType() === 'http' && exception instanceof HttpException) {
      const http = host.switchToHttp();
      const refusal = graphqlRequestRefusal(http.getRequest<Request>(), exception);
      if (refusal) {
        const res = http.getResponse<Response>();
        if (!res.headersSent) res.status(refusal.status).json(refusal.body);
        return undefined;
      }
    }
    // PostgreSQL or Redis away (a restart): the other routes say so as GraphQL does, 503 with a wait, not a 500.
    if (host.getType() === 'http' && isServiceUnavailable(exception)) {
      const http = host.switchToHttp();
      return send(http.getResponse<Response>(), unavailableRefusal(http.getRequest<Request & PageRequest>()));
    }
    return super.catch(exception, host);
  }
}

function send(res: Response, refusal: RestRefusal): undefined {
  if (!res.headersSent) res.status(refusal.getStatus()).set(refusal.headers).type(refusal.contentType).send(refusal.body);
  return undefined;
}

/** 503 with a wait, in the route's own form: a page in both languages where the route answers in pages (a link from an email), else JSON in the language asked for. */
function unavailableRefusal(req: Request & PageRequest): RestRefusal {
  const error = new ServiceUnavailableError();
  const headers = { 'Retry-After': String(error.extensions.retryAfterSeconds) };
  if (req.refusalPage) {
    const html = req.refusalPage('Please try again in a moment · 잠시 후 다시 시도해 주세요', [error.words.en, error.words.ko]);
    return new RestRefusal(503, 'text/html; charset=utf-8', html, headers);
  }
  return new RestRefusal(503, 'application/json', errorsBody(error, requestLanguage(req.headers['accept-language'])), headers);
}

/** The GraphQL-shaped answer to an HTTP-level refusal of a request to /graphql, in the language it asks for, or null for anything else. */
export function graphqlRequestRefusal(
  req: Pick<Request, 'path'> & { headers?: Request['headers'] },
  exception: HttpException,
): { status: number; body: ReturnType<typeof errorsBody> } | null {
  const status = exception.getStatus();
  if (!/^\/graphql\/?$/.test(req.path) || status < 400 || status >= 500) return null;
  const error =
    status === 413
      ? new AppError(
          ErrorCode.PAYLOAD_TOO_LARGE,
          words('The request is too large. Send a smaller query or smaller variables.', '요청이 너무 큽니다. 쿼리나 변수를 줄여서 보내 주세요.'),
        )
      : new AppError(
          ErrorCode.BAD_REQUEST,
          words(
            `The request could not be read: ${exception.message}. Send JSON with a "query" string.`,
            `요청을 읽을 수 없습니다(${exception.message}). "query" 문자열이 든 JSON으로 보내 주세요.`,
          ),
        );
  return { status, body: errorsBody(error, requestLanguage(req.headers?.['accept-language'])) };
}
