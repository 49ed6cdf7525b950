import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';
import { AppConfig } from '@app/core';

/**
 * The developers' GraphQL IDE (GraphiQL, built with the web app as
 * graphiql.html): a browser's GET of /graphql outside production gets the
 * page; a query (GET with ?query=, or POST) goes on to the API. Nothing comes
 * from a CDN, so it works offline. In production there is no IDE, and
 * introspection is off.
 */
export function graphqlIde(config: AppConfig): (req: IncomingMessage, res: ServerResponse, next: () => void) => void {
  const page = join(resolve(config.WEB_DIST), 'graphiql.html');
  return (req, res, next) => {
    if (config.isProduction || !isIdeRequest(req) || !existsSync(page)) return next();
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Cache-Control', 'no-cache');
    (res as ServerResponse & { sendFile(path: string): void }).sendFile(page);
  };
}

/** A browser asking for /graphql itself (not a query sent by GET). */
export function isIdeRequest(req: IncomingMessage): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const url = new URL(req.url ?? '/', 'http://localhost');
  return url.pathname === '/graphql' && !url.searchParams.has('query') && (req.headers.accept ?? '').includes('text/html');
}
