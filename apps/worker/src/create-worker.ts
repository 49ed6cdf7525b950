import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { AppConfig, platformLogger } from '@app/core';
import { WorkerModule } from './worker.module';

/** Builds and starts the worker; jobs in progress finish before it closes. */
export async function createWorker(config: AppConfig): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { bufferLogs: true });
  app.useLogger(platformLogger(app.get(Logger), config));
  app.enableShutdownHooks();
  await app.init();
  return app;
}
