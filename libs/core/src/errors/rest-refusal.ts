import { HttpException } from '@nestjs/common';

/**
 * A refusal of a REST request already written in the route's own form (an
 * HTML page, or `{ errors: [...] }` in JSON) with its status and headers.
 * Thrown before the route runs (RestRequestGuard); GraphqlExceptionFilter
 * sends it as it is.
 */
export class RestRefusal extends HttpException {
  constructor(
    status: number,
    readonly contentType: string,
    readonly body: string | object,
    readonly headers: Record<string, string> = {},
  ) {
    super(typeof body === 'string' ? 'Request refused' : body, status);
  }
}

/**
 * On a request to a route that answers in pages (@ServerPage): how it renders a refusal, set by
 * RestRequestGuard before the route runs, so that a refusal made later (the database away) is a page too.
 */
export interface PageRequest {
  refusalPage?: (title: string, paragraphs: string[]) => string;
}
