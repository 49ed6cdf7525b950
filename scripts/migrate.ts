import 'reflect-metadata';
import { AppConfig, ConfigError, loadConfig } from '@app/core';
import { platformDataSource } from '@app/platform';

/** Runs pending migrations, each in its own transaction. */
export async function runMigrations(config: AppConfig, log: (line: string) => void = console.log): Promise<string[]> {
  const dataSource = platformDataSource(config);
  await dataSource.initialize();
  try {
    const ran = await dataSource.runMigrations({ transaction: 'each' });
    for (const migration of ran) log(`migration applied: ${migration.name}`);
    return ran.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}

if (require.main === module) {
  runMigrations(loadConfig()).catch((error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  });
}
