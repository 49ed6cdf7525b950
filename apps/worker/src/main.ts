import 'reflect-metadata';
import { ConfigError, loadConfig, PlatformLogger } from '@app/core';
import { createWorker } from './create-worker';

createWorker(loadConfig())
  .then((app) => app.get(PlatformLogger).log('Worker started: dispatching the outbox and sending email'))
  .catch((error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  });
