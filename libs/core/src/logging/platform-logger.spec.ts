import type { LoggerService } from '@nestjs/common';
import { loadConfig } from '../config/app-config';
import { platformLogger } from './platform-logger';

/** Records calls; its methods read `this`, as PlatformLogger's do, so a call without it fails. */
class Recorder implements LoggerService {
  readonly calls: Array<[string, unknown]> = [];
  log(message: unknown) { this.calls.push(['log', message]); }
  error(message: unknown) { this.calls.push(['error', message]); }
  warn(message: unknown) { this.calls.push(['warn', message]); }
  debug(message: unknown) { this.calls.push(['debug', message]); }
  verbose(message: unknown) { this.calls.push(['verbose', message]); }
  fatal(message: unknown) { this.calls.push(['fatal', message]); }
}

function recorder(): { logger: LoggerService; calls: Array<[string, unknown]> } {
  const logger = new Recorder();
  return { logger, calls: logger.calls };
}

describe('platformLogger', () => {
  it("outside production puts Nest's start-up lines at debug and keeps the platform's own at their level", () => {
    const { logger, calls } = recorder();
    const platform = platformLogger(logger, loadConfig({ NODE_ENV: 'development' }));
    platform.log('AppModule dependencies initialized', 'InstanceLoader');
    platform.log('Mapped {/graphql, POST} route', 'RouterExplorer');
    platform.log('Worker started', 'WorkerMain');
    platform.warn('Digest failed', 'DigestService');
    platform.error('Sign-out failed', 'SessionController');
    platform.fatal?.('Out of memory', 'Process');
    expect(calls).toEqual([
      ['debug', 'AppModule dependencies initialized'],
      ['debug', 'Mapped {/graphql, POST} route'],
      ['log', 'Worker started'],
      ['warn', 'Digest failed'],
      ['error', 'Sign-out failed'],
      ['fatal', 'Out of memory'],
    ]);
  });

  it('in production leaves every line at its level', () => {
    const { logger, calls } = recorder();
    const config = loadConfig({
      NODE_ENV: 'production',
      PUBLIC_URL: 'https://twins.example.org',
      DATABASE_URL: 'postgres://app:secret@db/twins',
      MIGRATION_DATABASE_URL: 'postgres://owner:secret@db/twins',
      REDIS_URL: 'redis://cache:6379',
      SMTP_URL: 'smtp://mail.example.org:587',
      JWT_SECRET: 'a-production-secret-of-at-least-32-characters',
      DEMO_PASSWORD: 'not-the-default-demo-password',
    });
    expect(platformLogger(logger, config)).toBe(logger);
    platformLogger(logger, config).log('AppModule dependencies initialized', 'InstanceLoader');
    expect(calls).toEqual([['log', 'AppModule dependencies initialized']]);
  });
});
