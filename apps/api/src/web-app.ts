import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, resolve, sep } from 'node:path';
import { DynamicModule } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { AppConfig } from '@app/core';

/**
 * Paths the API answers itself: GraphQL, health, metrics, the session cookie (/auth), the pages emailed links open,
 * and files (any path ending in an extension: .ics, .csv, .json, .atom; a
 * missing .js answers 404, not index.html). Every other GET is the web app's:
 * its files, or index.html for its routes.
 */
export const API_PATHS =
  /^\/(graphql|health|metrics|auth|account|open-data|feeds|calendars)(\/|$)|^\/(events|workspaces)\/(unsubscribe|accept-invitation)(\/|$)|\.[a-z0-9]+$/i;

/** Serves the built web app (apps/web) when WEB_DIST holds one; nothing otherwise (e.g. before the first build). */
export function webAppModules(config: AppConfig): DynamicModule[] {
  const rootPath = resolve(config.WEB_DIST);
  if (!existsSync(join(rootPath, 'index.html'))) return [];
  return [
    ServeStaticModule.forRoot({
      rootPath,
      exclude: API_PATHS,
      serveStaticOptions: {
        index: false,
        // Vite names built files by their content: cache them for a year; index.html is never cached.
        setHeaders: (res, path) =>
          res.setHeader('Cache-Control', path.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache'),
      },
    }),
  ];
}

/**
 * Browsers ask for /favicon.ico when a page names no icon (the API's own
 * answers, a JSON file opened in a tab): it is the web app's icon, so nobody
 * meets a 404 for it.
 */
export function faviconRedirect(req: IncomingMessage, res: ServerResponse, next: () => void): void {
  if ((req.method === 'GET' || req.method === 'HEAD') && req.url?.split('?')[0] === '/favicon.ico') {
    res.writeHead(301, { Location: '/favicon.svg', 'Cache-Control': 'public, max-age=86400' }).end();
    return;
  }
  next();
}
