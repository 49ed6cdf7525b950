import { join } from 'node:path';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { AppConfig } from '@app/core';
import { AppModule } from './app.module';

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
  app.useLogger(app.get(Logger));
  app.set('trust proxy', config.TRUST_PROXY_HOPS);
  app.disable('x-powered-by');
  app.enableShutdownHooks();
  return app;
}
