import { rm } from 'node:fs/promises';
import { Client } from 'pg';
import { stopAll, StoppableService } from '../../libs/dev-services/src';

export default async function globalTeardown(): Promise<void> {
  const services = (globalThis as { __testServices?: StoppableService[] }).__testServices ?? [];
  if (process.env.TEST_PG_ADMIN_URL && process.env.TEST_TEMPLATE_DB) {
    const admin = new Client({ connectionString: process.env.TEST_PG_ADMIN_URL });
    await admin.connect().catch(() => undefined);
    await admin.query(`DROP DATABASE IF EXISTS ${process.env.TEST_TEMPLATE_DB} WITH (FORCE)`).catch(() => undefined);
    await admin.end().catch(() => undefined);
  }
  await stopAll(services);
  if (process.env.TEST_ROOT_DIR) await rm(process.env.TEST_ROOT_DIR, { recursive: true, force: true });
}
