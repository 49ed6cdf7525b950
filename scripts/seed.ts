import 'reflect-metadata';
import { AppConfig, ConfigError, loadConfig } from '@app/core';
import { bootstrapAdminInvitation, DemoAccount, platformDataSource, seedDemoAccounts, seedDemoCaseStudies, seedDemoEvents, seedDemoFund, seedReferenceData } from '@app/platform';

/**
 * Reference data (countries, indicators, the report's cities) everywhere;
 * demo organisations and accounts outside production only, and their
 * activity (a fund with its board and call, case studies, events) unless
 * `activity` is false. Idempotent.
 * Runs as DATABASE_URL, the application's role: it only writes rows, as the
 * API does, so it needs none of the owner's rights (and proves the
 * application's grants suffice for everything the demo exercises).
 */
export async function runSeed(config: AppConfig, options: { activity?: boolean } = {}): Promise<DemoAccount[]> {
  const dataSource = platformDataSource(config);
  await dataSource.initialize();
  try {
    await seedReferenceData(dataSource);
    if (config.isProduction) {
      if (config.BOOTSTRAP_ADMIN_EMAIL) {
        const link = await bootstrapAdminInvitation(dataSource, config.BOOTSTRAP_ADMIN_EMAIL, config.PUBLIC_URL, config.INVITATION_TTL_DAYS);
        console.log(link ? `No admin yet. ${config.BOOTSTRAP_ADMIN_EMAIL} becomes one by opening (once): ${link}` : 'An admin exists; BOOTSTRAP_ADMIN_EMAIL is ignored.');
      }
      return [];
    }
    const accounts = await seedDemoAccounts(dataSource, config.DEMO_PASSWORD);
    // Without the activity: the demo people and organisations on a programme that has not started.
    if (options.activity === false) return accounts;
    await seedDemoFund(dataSource);
    await seedDemoCaseStudies(dataSource);
    await seedDemoEvents(dataSource);
    return accounts;
  } finally {
    await dataSource.destroy();
  }
}

export function describeDemoAccounts(accounts: DemoAccount[], password: string): string {
  const width = Math.max(...accounts.map((a) => a.email.length));
  return [
    `Demo sign-ins (password for all: ${password}):`,
    ...accounts.map((a) => `  ${a.email.padEnd(width)}  ${a.what}`),
  ].join('\n');
}

if (require.main === module) {
  const config = (() => {
    try {
      return loadConfig();
    } catch (error) {
      console.error(error instanceof ConfigError ? error.message : error);
      process.exit(1);
    }
  })();
  runSeed(config)
    .then((accounts) => {
      console.log('Reference data is in place (countries, indicators, cities).');
      if (accounts.length) console.log(describeDemoAccounts(accounts, config.DEMO_PASSWORD));
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
