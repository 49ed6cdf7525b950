import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';
import { AppConfig } from '@app/core';
import { isIdeRequest } from './graphql-ide';

type Middleware = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;
type Directives = Record<string, string[] | typeof helmet.contentSecurityPolicy.dangerouslyDisableDefaultSrc>;

/**
 * The Content-Security-Policy of every response: the web app, the pages
 * emailed links open, JSON, calendars and CSV files alike.
 * - scripts only from this site, never inline (nor `on…` attributes);
 * - styles only from this site's stylesheets: no `<style>` elements nor
 *   `style="…"` attributes (React's `style={{…}}` sets properties through the
 *   CSSOM, which CSP does not govern);
 * - images from this site, `data:` URLs, and any https address, because case
 *   studies may show images from the web (their Markdown allows https images only);
 * - requests (fetch) to this site only; no plugins; no `<base>`; forms post
 *   to this site only; no framing by anyone.
 */
function appDirectives(https: boolean): Directives {
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'script-src-attr': ["'none'"],
    'style-src': ["'self'"],
    'img-src': ["'self'", 'data:', 'https:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'"],
    'manifest-src': ["'self'"],
    'worker-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    ...(https ? { 'upgrade-insecure-requests': [] } : {}),
  };
}

/**
 * The GraphQL IDE (GET /graphql outside production; apps/api/src/graphql-ide.ts)
 * runs only this site's scripts, like every page, but its editor (Monaco)
 * writes `<style>` elements as it goes and embeds its icon font as a `data:`
 * URL: that page alone may use inline styles and `data:` fonts. Its language
 * workers are this site's files.
 */
function ideDirectives(https: boolean): Directives {
  const app = appDirectives(https);
  return { ...app, 'style-src': ["'self'", "'unsafe-inline'"], 'font-src': ["'self'", 'data:'] };
}

function headers(config: AppConfig, directives: Directives): Middleware {
  const https = new URL(config.PUBLIC_URL).protocol === 'https:';
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives },
    xFrameOptions: { action: 'deny' },
    // Emailed links carry single-use tokens in their query string: no page ever sends its path or
    // query as a Referer, not even to this site (a proxy's access log would keep it). The origin
    // alone still goes, so the Origin header of same-site requests stays intact.
    referrerPolicy: { policy: 'strict-origin' },
    // Only a site that is served over https may tell browsers to insist on https.
    strictTransportSecurity: https ? { maxAge: 365 * 86400, includeSubDomains: true } : false,
  }) as Middleware;
}


/**
 * Security headers on every response (helmet): the policy above, framing
 * denied (X-Frame-Options DENY and frame-ancestors 'none'), nosniff,
 * Referrer-Policy strict-origin, cross-origin isolation of windows and
 * resources, and HSTS only when PUBLIC_URL is https.
 */
export function securityHeaders(config: AppConfig): Middleware {
  const https = new URL(config.PUBLIC_URL).protocol === 'https:';
  const app = headers(config, appDirectives(https));
  if (config.isProduction) return app; // no IDE in production
  const ide = headers(config, ideDirectives(https));
  return (req, res, next) => (isIdeRequest(req) ? ide : app)(req, res, next);
}

