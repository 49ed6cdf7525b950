import type { LoggerService } from '@nestjs/common';
import { AppConfig } from '../config/app-config';

/**
 * What Nest says while it wires itself up ("InstanceLoader … dependencies
 * initialized", a line per route and per GraphQL module): useful when
 * something does not start, noise when it does.
 */
const FRAMEWORK_CONTEXTS = new Set(['NestFactory', 'InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestApplication', 'GraphQLModule']);

/**
 * The platform's logger for Nest: the structured logger (PlatformLogger, pino) as it
 * is, except that outside production the framework's start-up chatter goes
 * to the debug level, so `npm start` shows what a person follows. LOG_LEVEL=debug
 * shows it again; production keeps every line at its level, as JSON.
 */
export function platformLogger(structured: LoggerService, config: AppConfig): LoggerService {
  if (config.isProduction) return structured;
  return {
    log: (message: unknown, ...rest: unknown[]) => {
      const context = rest.at(-1);
      if (typeof context === 'string' && FRAMEWORK_CONTEXTS.has(context)) structured.debug?.(message, ...rest);
      else structured.log(message, ...rest);
    },
    error: (message: unknown, ...rest: unknown[]) => structured.error(message, ...rest),
    warn: (message: unknown, ...rest: unknown[]) => structured.warn(message, ...rest),
    debug: (message: unknown, ...rest: unknown[]) => structured.debug?.(message, ...rest),
    verbose: (message: unknown, ...rest: unknown[]) => structured.verbose?.(message, ...rest),
    // Called as methods: PlatformLogger reads `this`.
    fatal: (message: unknown, ...rest: unknown[]) => (structured.fatal ? structured.fatal(message, ...rest) : structured.error(message, ...rest)),
  };
}
