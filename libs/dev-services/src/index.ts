/**
 * Local development and test services: PostgreSQL (binaries from npm), Redis
 * (a redis-server child process) and a mail sink (MailDev). Used by the
 * `npm start` launcher and the Jest global setup; never by production code.
 */
export { ephemeralFrom, findFreePort, isPortFree } from './free-port';
export { startPostgres, type PostgresOptions, type RunningPostgres } from './postgres';
export {
  cloneDatabase,
  dropDatabase,
  LOCAL_ROLES,
  preparePlatformDatabase,
  withDatabase,
  type PlatformDatabaseOptions,
  type PlatformRole,
  type PlatformRoleUrls,
} from './roles';
export { startRedis, type RedisOptions, type RunningRedis } from './redis';
export { startMailSink, type MailSinkOptions, type RunningMailSink } from './mail-sink';
export {
  AUTO_INSTALL_VARIABLE,
  CHROMIUM,
  ensurePrograms,
  locateProgram,
  planInstall,
  REDIS_SERVER,
  type EnsureOptions,
  type Host,
  type InstallPlan,
  type SystemProgram,
} from './system-programs';
export { stopAll } from './stop-all';
export { UNTHROTTLED } from './unthrottled';
export type { LogFn, StoppableService } from './types';
