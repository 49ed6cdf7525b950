import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, databaseOptions, loadConfig } from '@app/core';

const dist = join(__dirname, '..', '..', 'dist');

/** Runs a built entry point with exactly this environment and returns how it ended. */
function run(entry: string, env: Record<string, string>) {
  const path = join(dist, entry);
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run build\` first (npm test does).`);
  const result = spawnSync(process.execPath, [path], { env: { PATH: process.env.PATH ?? '', ...env }, encoding: 'utf8', timeout: 30_000 });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('configuration', () => {
  it('names every bad variable', () => {
    expect(() => loadConfig({ NODE_ENV: 'staging', PORT: 'eighty', SMTP_URL: 'mail.example.org' })).toThrow(ConfigError);
    try {
      loadConfig({ NODE_ENV: 'staging', PORT: 'eighty', SMTP_URL: 'mail.example.org' });
    } catch (error) {
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toMatch(/^NODE_ENV: .*development, test, production/m);
      expect(problems).toMatch(/^PORT: .*"eighty"/m);
      expect(problems).toMatch(/^SMTP_URL: must be an smtp:\/\/ or smtps:\/\/ URL/m);
    }
  });

  it('refuses production with missing or default secrets, and needs every service URL', () => {
    try {
      loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'change-me-in-production-please-0123456789' });
      throw new Error('should have failed');
    } catch (error) {
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toMatch(/JWT_SECRET: is a published default/);
      expect(problems).toMatch(/DATABASE_URL: must be set in production/);
      expect(problems).toMatch(/REDIS_URL: must be set in production/);
      expect(problems).toMatch(/SMTP_URL: must be set in production/);
      expect(problems).toMatch(/PUBLIC_URL: must be set in production/);
    }
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET: must be set in production/);
    const ok = loadConfig({
      NODE_ENV: 'production',
      JWT_SECRET: 'a-real-random-secret-of-enough-length-1234',
      DATABASE_URL: 'postgres://u:p@db:5432/twins',
      REDIS_URL: 'redis://redis:6379',
      SMTP_URL: 'smtp://mail:587',
      PUBLIC_URL: 'https://twins.example.org',
    });
    expect(ok.isProduction).toBe(true);
  });

  it('sizes the database pool from DB_POOL_SIZE, else by environment', () => {
    const production = { NODE_ENV: 'production', JWT_SECRET: 'a-real-random-secret-of-enough-length-1234', DATABASE_URL: 'postgres://u:p@db:5432/twins', REDIS_URL: 'redis://redis:6379', SMTP_URL: 'smtp://mail:587', PUBLIC_URL: 'https://twins.example.org' };
    const poolOf = (env: Record<string, string>) => (databaseOptions(loadConfig(env), []).extra as { max: number }).max;
    expect(poolOf(production)).toBe(20);
    expect(poolOf({ ...production, DB_POOL_SIZE: '' })).toBe(20);
    expect(poolOf({ ...production, DB_POOL_SIZE: '8' })).toBe(8);
    expect(poolOf({ NODE_ENV: 'development', DATABASE_URL: 'postgres://u:p@db:5432/twins' })).toBe(10);
    expect(() => loadConfig({ NODE_ENV: 'development', DB_POOL_SIZE: 'many' })).toThrow(/DB_POOL_SIZE/);
    expect(() => loadConfig({ NODE_ENV: 'development', DB_POOL_SIZE: '1' })).toThrow(/DB_POOL_SIZE/);
  });

  it('links follow the port the API listens on unless PUBLIC_URL says otherwise', () => {
    expect(loadConfig({ NODE_ENV: 'development', PORT: '3300' }).PUBLIC_URL).toBe('http://localhost:3300');
    expect(loadConfig({ NODE_ENV: 'development', PORT: '3300', PUBLIC_URL: '' }).PUBLIC_URL).toBe('http://localhost:3300');
    expect(loadConfig({ NODE_ENV: 'development' }).PUBLIC_URL).toBe('http://localhost:3000');
    expect(loadConfig({ NODE_ENV: 'development', PORT: '3300', PUBLIC_URL: 'https://twins.example.org' }).PUBLIC_URL).toBe('https://twins.example.org');
    // Production never guesses it.
    const production = { NODE_ENV: 'production', PORT: '3300', JWT_SECRET: 'a-real-random-secret-of-enough-length-1234', DATABASE_URL: 'postgres://u:p@db:5432/twins', REDIS_URL: 'redis://redis:6379', SMTP_URL: 'smtp://mail:587' };
    expect(() => loadConfig(production)).toThrow(/PUBLIC_URL: must be set in production/);
    expect(() => loadConfig({ ...production, PUBLIC_URL: '' })).toThrow(/PUBLIC_URL: must be set in production/);
    expect(loadConfig({ ...production, PUBLIC_URL: 'https://twins.example.org' }).PUBLIC_URL).toBe('https://twins.example.org');
  });

  it('stops the API and the worker at start-up with a message naming the variable', () => {
    for (const entry of ['apps/api/src/main.js', 'apps/worker/src/main.js']) {
      const result = run(entry, { NODE_ENV: 'test', OUTBOX_POLL_MS: 'often', DATABASE_URL: 'mysql://nope' });
      expect(result.status).toBe(1);
      expect(result.output).toMatch(/OUTBOX_POLL_MS/);
      expect(result.output).toMatch(/DATABASE_URL: must be a postgres:\/\/ URL/);
    }
  });

  it('refuses to start in production with the default secret', () => {
    const result = run('apps/api/src/main.js', { NODE_ENV: 'production' });
    expect(result.status).toBe(1);
    expect(result.output).toMatch(/JWT_SECRET: must be set in production/);
  });
});
