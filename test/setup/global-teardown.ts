import { rm } from 'node:fs/promises';
import { dropDatabase, stopAll, StoppableService } from '../../libs/dev-services/src';

export default async function globalTeardown(): Promise<void> {
  const services = (globalThis as { __testServices?: StoppableService[] }).__testServices ?? [];
  if (process.env.TEST_PG_ADMIN_URL && process.env.TEST_TEMPLATE_DB) {
    await dropDatabase(process.env.TEST_PG_ADMIN_URL, process.env.TEST_TEMPLATE_DB).catch(() => undefined);
  }
  await stopAll(services);
  if (process.env.TEST_ROOT_DIR) await rm(process.env.TEST_ROOT_DIR, { recursive: true, force: true });
}
