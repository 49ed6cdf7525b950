import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfig, platformLogger, PlatformLogger } from '@app/core';
import { WorkerModule } from './worker.module';

/** Builds and starts the worker; jobs in progress finish before it closes. */
export async function createWorker(config: AppConfig): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { bufferLogs: true });
  app.useLogger(platformLogger(app.get(PlatformLogger), config));
  app.enableShutdownHooks();
  await app.init();
  return app;
}
