import { CHROMIUM, ensurePrograms, REDIS_SERVER } from '@app/dev-services';

/**
 * The first step of `npm test`: redis-server (for the API's tests) and a
 * Chromium (for the browser tests), installed together in one apt-get call
 * when they are missing and the machine allows it, or the command to run.
 * Each test run's setup checks its own again, for when it runs alone.
 */
ensurePrograms([REDIS_SERVER, CHROMIUM]).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
