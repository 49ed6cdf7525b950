import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
// Relative imports: Jest's global setup, which uses this, applies no module mapping.
import { preparePlatformDatabase } from '../../libs/dev-services/src';
import { TEST_DEMO_PASSWORD, TEST_JWT_SECRET } from './constants';

export interface PlatformTemplate {
  /** The template's URLs as the schema's owner and as the application. */
  ownerUrl: string;
  appUrl: string;
  templateDb: string;
}

/**
 * Builds a template database on the server at `adminUrl` with the real
 * migrate and seed scripts (from dist/), as the platform's two roles: the
 * owner runs the migrations, the application's role the seed.
 */
export async function preparePlatformTemplate(adminUrl: string, templateDb: string): Promise<PlatformTemplate> {
  const dist = builtScripts();
  const roles = await preparePlatformDatabase(adminUrl, { newDatabase: templateDb });
  const env = {
    PATH: process.env.PATH ?? '',
    NODE_ENV: 'test',
    DATABASE_URL: roles.appUrl,
    MIGRATION_DATABASE_URL: roles.ownerUrl,
    JWT_SECRET: TEST_JWT_SECRET,
    DEMO_PASSWORD: TEST_DEMO_PASSWORD,
  };
  for (const script of ['migrate.js', 'seed.js']) {
    execFileSync(process.execPath, [join(dist, script)], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  return { ownerUrl: roles.ownerUrl, appUrl: roles.appUrl, templateDb };
}

/** dist/scripts, or an error saying to build first: the template's migrate and seed run from there. */
export function builtScripts(): string {
  const dist = join(__dirname, '..', '..', 'dist', 'scripts');
  if (!existsSync(join(dist, 'migrate.js'))) throw new Error('dist/ is missing: run `npm run build` first (npm test does).');
  return dist;
}
