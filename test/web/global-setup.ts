import { CHROMIUM, ensurePrograms } from '@app/dev-services';
import { startWebServices } from '../../scripts/web-stack';

/**
 * Installs chromium when it is missing and the machine allows (or says how),
 * then starts what every worker's platform runs on: PostgreSQL with a template
 * database holding the demo data, and Redis. Each worker clones its own
 * platform from it (fixtures.ts), so the workers run side by side.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  await ensurePrograms([CHROMIUM]);
  const { ready, stop } = await startWebServices();
  process.env.WEB_TEST_SERVICES = JSON.stringify(ready);
  return stop;
}
