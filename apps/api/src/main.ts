import 'reflect-metadata';
import { ConfigError, loadConfig, PlatformLogger } from '@app/core';
import { createApiApp } from './create-api';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApiApp(config);
  await app.listen(config.PORT);
  const url = await app.getUrl();
  app.get(PlatformLogger).log(`GraphQL API listening on ${url.replace('[::1]', 'localhost')}/graphql`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    const port = (error as { port?: number }).port;
    console.error(`The API could not start: port ${port} is already in use. Stop what listens there, or set another PORT.`);
  } else {
    console.error('The API could not start:', error);
  }
  process.exit(1);
});
