import 'reflect-metadata';
import { Logger } from 'nestjs-pino';
import { ConfigError, loadConfig } from '@app/core';
import { createWorker } from './create-worker';

createWorker(loadConfig())
  .then((app) => app.get(Logger).log('Worker started: dispatching the outbox and sending email'))
  .catch((error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  });
