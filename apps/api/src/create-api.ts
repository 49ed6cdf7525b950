import { join } from 'node:path';
import { INestApplication } from '@nestjs/common';
import { NestFactory, Reflector } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import { AppConfig, Metrics, PINO, platformLogger, PlatformLogger, RequestRateLimiter, requestLog, RestRequestGuard } from '@app/core';
import { page } from '@app/identity';
import { AppModule } from './app.module';
import { graphqlIde } from './graphql-ide';
import { securityHeaders } from './security-headers';
import { faviconRedirect } from './web-app';

/**
 * Builds the API application (not yet listening). Used by main.ts and by the
 * end-to-end tests, so both run exactly the same server.
 */
export async function createApiApp(config: AppConfig, options: { schemaFile?: string | true } = {}): Promise<INestApplication> {
  const schemaFile = options.schemaFile ?? (config.isProduction ? true : join(process.cwd(), 'schema.gql'));
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot({ config, schemaFile }), {
    // No forceCloseConnections: on shutdown requests in flight finish; Node closes idle keep-alive sockets itself.
    bufferLogs: true,
  });
  app.useLogger(platformLogger(app.get(PlatformLogger), config));
  app.set('trust proxy', config.TRUST_PROXY_HOPS);
  app.disable('x-powered-by');
  // Before every route, so every answer carries them: GraphQL, files, health, the web app, the pages.
  app.use(securityHeaders(config));
  // The request id (for the GraphQL context and the access log), the access log's line and, on the same
  // timing, the request latency histogram of /metrics.
  app.use(requestLog(app.get(PINO), config, app.get(Metrics).observeRequest));
  // The session cookie of the web app (libs/identity, /auth/*) is read from req.cookies.
  app.use(cookieParser());
  app.use(faviconRedirect);
  // Before GraphQL's own route: a browser's GET of /graphql gets the IDE (outside production).
  app.use(graphqlIde(config));
  // The routes outside GraphQL: POSTs count against the same request limit as /graphql, and text that
  // could not be stored is refused, each in the route's own form (a page, or JSON errors).
  app.useGlobalGuards(new RestRequestGuard(app.get(Reflector), app.get(RequestRateLimiter), page));
  app.enableShutdownHooks();
  return app;
}
