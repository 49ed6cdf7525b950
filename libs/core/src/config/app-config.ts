import 'reflect-metadata';
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

export type NodeEnv = 'development' | 'test' | 'production';

/** Secrets shipped in .env.example and docker-compose.yml; production refuses them. */
export const DEVELOPMENT_JWT_SECRET = 'development-only-secret-do-not-use-in-production';
const KNOWN_DEFAULT_SECRETS = new Set([
  DEVELOPMENT_JWT_SECRET,
  'change-me-in-production-please-0123456789',
  'change-me-metrics-token-0123456789abcdef',
  'change-me',
  'secret',
]);

const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : Number(value);
const toBool = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : value === true || value === 'true' || value === '1';
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

const urlOptions = { require_tld: false, require_protocol: true };

/**
 * Every environment variable the platform reads, declared once, typed and
 * validated. Nothing else reads process.env: the launcher, the API, the
 * worker, scripts and tests all go through loadConfig().
 * `.env.example` documents each of these.
 */
export class AppConfig {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: NodeEnv = 'development';

  /** Port of the GraphQL HTTP server. */
  @Transform(toInt) @IsInt() @Min(0) @Max(65535)
  PORT = 3000;

  /**
   * Base address people use to reach the platform; links in emails and
   * calendars start with it. When not set it follows PORT
   * (`http://localhost:${PORT}`); production requires it.
   */
  @IsUrl(urlOptions)
  PUBLIC_URL = 'http://localhost:3000';

  /**
   * PostgreSQL as the application's own role, used by the API, the worker and
   * the seed: it reads and writes rows but owns no table and cannot change the
   * schema, so it cannot switch off the triggers that keep the permanent record
   * append-only. When empty in development the launcher starts an embedded server.
   */
  @Transform(emptyToUndefined) @IsOptional() @Matches(/^postgres(ql)?:\/\//, { message: 'must be a postgres:// URL' })
  DATABASE_URL?: string;

  /**
   * PostgreSQL as the role that owns the schema, used only by the migrations
   * (which then grant DATABASE_URL's role what it needs). Never given to the
   * API or the worker. Empty: migrations run as DATABASE_URL's role (one role
   * for everything; the API refuses that in production).
   */
  @Transform(emptyToUndefined) @IsOptional() @Matches(/^postgres(ql)?:\/\//, { message: 'must be a postgres:// URL' })
  MIGRATION_DATABASE_URL?: string;

  /**
   * Most PostgreSQL connections one process holds. Empty: 20 in production, 10
   * elsewhere. N APIs and M workers need (N + M) × this within the server's
   * max_connections, with room left for migrations and an administrator.
   */
  @Transform(toInt) @IsOptional() @IsInt() @Min(2) @Max(200)
  DB_POOL_SIZE?: number;

  /** Redis for BullMQ; when empty in development the launcher starts redis-server from PATH. */
  @Transform(emptyToUndefined) @IsOptional() @Matches(/^rediss?:\/\//, { message: 'must be a redis:// URL' })
  REDIS_URL?: string;

  /** SMTP relay (smtp:// or smtps://, credentials in the URL); when empty in development a local mail sink starts. */
  @Transform(emptyToUndefined) @IsOptional() @Matches(/^smtps?:\/\//, { message: 'must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  /** Sender of every email. */
  @IsString() @MinLength(3)
  MAIL_FROM = 'Innovation Twins <no-reply@innovation-twins.local>';

  /** Prefix of every BullMQ key, so several deployments (or test files) can share one Redis. */
  @IsString() @Matches(/^[a-z0-9-]+$/, { message: 'may hold only lower-case letters, digits and dashes' })
  QUEUE_PREFIX = 'twins';

  /** The built web app (`npm run build` writes it); the API serves it when its index.html is there. */
  @IsString()
  WEB_DIST = 'dist/web';

  /** Where embedded PostgreSQL and redis-server keep their data in development. */
  @IsString()
  DATA_DIR = '.data';

  /** Secret that signs access tokens; at least 32 characters; production refuses a missing or known default. */
  @IsString() @MinLength(32)
  JWT_SECRET = DEVELOPMENT_JWT_SECRET;

  @Transform(toInt) @IsInt() @Min(60) @Max(86400)
  ACCESS_TOKEN_TTL_SECONDS = 900;

  @Transform(toInt) @IsInt() @Min(1) @Max(365)
  REFRESH_TOKEN_TTL_DAYS = 30;

  /**
   * A used refresh token presented again within this many seconds of its use,
   * while nothing newer was used, is taken for an answer that never arrived (a
   * reload cut it off) rather than theft: the unused successor is withdrawn and
   * a new pair issued. Later, or once the chain moved on, reuse ends the
   * session. 0 turns this off.
   */
  @Transform(toInt) @IsInt() @Min(0) @Max(60)
  REFRESH_REUSE_GRACE_SECONDS = 10;

  @Transform(toInt) @IsInt() @Min(5) @Max(10080)
  PASSWORD_RESET_TTL_MINUTES = 60;

  @Transform(toInt) @IsInt() @Min(1) @Max(720)
  EMAIL_CONFIRMATION_TTL_HOURS = 72;

  @Transform(toInt) @IsInt() @Min(1) @Max(90)
  INVITATION_TTL_DAYS = 14;

  /**
   * Failed sign-ins counted within SIGNIN_RATE_WINDOW_SECONDS (client
   * addresses grouped as clientAddressKey does: an IPv6 /64 is one address).
   * Past a limit, sign-in is refused (RATE_LIMITED) until the window passes:
   * - per account, from any address: stops guessing one account from many addresses;
   * - per account from one address: stops one address guessing one account,
   *   without locking the account for everyone else (so it must stay below
   *   the per-account limit: start-up refuses otherwise);
   * - per address, over all accounts: a high ceiling that stops one address
   *   trying many accounts. Below it nobody behind a shared address (an office)
   *   is refused for other people's mistakes: past SIGNIN_ADDRESS_DELAY_AFTER
   *   failures each attempt from the address first waits a growing delay,
   *   at most SIGNIN_ADDRESS_MAX_DELAY_MS.
   */
  @Transform(toInt) @IsInt() @Min(1)
  SIGNIN_MAX_PER_ACCOUNT = 10;

  @Transform(toInt) @IsInt() @Min(1)
  SIGNIN_MAX_PER_ADDRESS_ACCOUNT = 5;

  @Transform(toInt) @IsInt() @Min(1)
  SIGNIN_MAX_PER_ADDRESS = 200;

  @Transform(toInt) @IsInt() @Min(0)
  SIGNIN_ADDRESS_DELAY_AFTER = 20;

  @Transform(toInt) @IsInt() @Min(0) @Max(10000)
  SIGNIN_ADDRESS_MAX_DELAY_MS = 3000;

  @Transform(toInt) @IsInt() @Min(1)
  SIGNIN_RATE_WINDOW_SECONDS = 900;

  /** Account emails anyone can trigger (reset links, confirmations, "you already have an account") per address per hour. */
  @Transform(toInt) @IsInt() @Min(1)
  ACCOUNT_EMAILS_PER_HOUR = 5;

  /** Trust X-Forwarded-For from this many proxies when reading the client address. */
  @Transform(toInt) @IsInt() @Min(0) @Max(10)
  TRUST_PROXY_HOPS = 0;

  @Transform(toInt) @IsInt() @Min(2) @Max(50)
  GRAPHQL_MAX_DEPTH = 10;

  /**
   * Largest query cost (libs/core/src/graphql/cost.ts; a unit is about 10 µs of
   * server time): one per field, times the page size for lists, plus the
   * measured work of fields that compute or search, for every alias. 10000
   * lets a page of 100 ranked pairs with their pillars through, or about
   * twenty live pair scores; anything bigger is asked for in pages. A password
   * hash or check is priced 4000 (PASSWORD_HASH_COST): below 4000 nobody can
   * sign in, below 8000 nobody can change their password.
   */
  @Transform(toInt) @IsInt() @Min(10)
  GRAPHQL_MAX_COMPLEXITY = 10000;

  /**
   * Per client (the signed-in account, else the address, an IPv6 /64 as one):
   * requests to /graphql within a sliding window, and the query cost they may
   * spend in it together; POSTs to the other routes (the pages emailed links
   * open, /auth/*, unsubscribe) count in the same window of their address. Over either the answer is RATE_LIMITED (HTTP 429)
   * with Retry-After. 300 a minute is five a second, several times what a
   * person clicking through the web app sends; 200000 is twenty of the
   * largest queries allowed a minute, about two seconds of server time.
   */
  @Transform(toInt) @IsInt() @Min(1) @Max(86400)
  GRAPHQL_RATE_WINDOW_SECONDS = 60;

  @Transform(toInt) @IsInt() @Min(1)
  GRAPHQL_RATE_MAX_REQUESTS = 300;

  @Transform(toInt) @IsInt() @Min(10)
  GRAPHQL_RATE_MAX_COST = 200000;

  /** How often the outbox dispatcher looks for messages to queue. */
  @Transform(toInt) @IsInt() @Min(50) @Max(60000)
  OUTBOX_POLL_MS = 500;

  /** Email delivery attempts before a message is parked for an admin, and the first backoff delay. */
  @Transform(toInt) @IsInt() @Min(1) @Max(50)
  EMAIL_MAX_ATTEMPTS = 10;

  @Transform(toInt) @IsInt() @Min(10)
  EMAIL_BACKOFF_MS = 2000;

  /** How long a worker owns a job (pairing recomputes) before another may take it over. */
  @Transform(toInt) @IsInt() @Min(500)
  WORKER_LOCK_MS = 30000;

  /**
   * How long a claim on an email lasts unless renewed. The sender renews it
   * (and its BullMQ job lock) every third of this while it works, so a slow
   * SMTP server keeps its message; a worker that dies lets go within this
   * time, and another worker sends the message soon after. Short, so a
   * password reset is not held up for long by a dead worker; not so short
   * that a database hiccup of a second or two makes a sender give up.
   */
  @Transform(toInt) @IsInt() @Min(300) @Max(600000)
  EMAIL_LEASE_MS = 5000;

  /**
   * How long a queued email may wait (or a failed one sit in its backoff)
   * before the dispatcher queues it again, in case Redis lost its job. Queuing
   * again is a no-op while the job exists, but it is work for every waiting
   * message: not too often. A restart of Redis, which loses every job at once,
   * is noticed by itself and queues everything again at once.
   */
  @Transform(toInt) @IsInt() @Min(500) @Max(3600000)
  OUTBOX_REQUEUE_MS = 60000;

  /** How often the worker looks for workspace digests that are due. */
  @Transform(toInt) @IsInt() @Min(100) @Max(3600000)
  DIGEST_CHECK_MS = 300000;

  /** How often the worker looks for event reminders that are due (one day and one hour before each event). */
  @Transform(toInt) @IsInt() @Min(100) @Max(3600000)
  EVENT_REMINDER_CHECK_MS = 60000;

  /** How often the worker looks for draft fund applications due a deadline reminder (three days and one day before a call closes). */
  @Transform(toInt) @IsInt() @Min(100) @Max(3600000)
  FUNDING_REMINDER_CHECK_MS = 300000;

  /** The local hour (in each reader's own time zone) at which daily and weekly (Monday) digests go out. */
  @Transform(toInt) @IsInt() @Min(0) @Max(23)
  DIGEST_HOUR = 8;

  /** The minute past DIGEST_HOUR at which they go out. */
  @Transform(toInt) @IsInt() @Min(0) @Max(59)
  DIGEST_MINUTE = 0;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Human-readable logs instead of JSON lines; defaults to on in development. */
  @Transform(toBool) @IsOptional() @IsBoolean()
  LOG_PRETTY?: boolean;

  /**
   * Bearer token that opens /metrics (the API's, and the worker's on
   * METRICS_PORT): `Authorization: Bearer <METRICS_TOKEN>`, at least 32
   * characters. Without it /metrics answers 404 in production, and outside
   * production only clients on this machine (loopback) may read it.
   */
  @Transform(emptyToUndefined) @IsOptional() @IsString() @MinLength(32)
  METRICS_TOKEN?: string;

  /**
   * Port of the worker's /metrics (Prometheus): its polling jobs' lag, its
   * database pool and the process. Unset: the worker serves no metrics.
   */
  @Transform(toInt) @IsOptional() @IsInt() @Min(1) @Max(65535)
  METRICS_PORT?: number;

  /** Password of every demo account (development only). */
  @IsString() @MinLength(8)
  DEMO_PASSWORD = 'twins-demo-2026';

  /** Address of the first administrator, created by `npm run seed` in production when set. */
  @Transform(emptyToUndefined) @IsOptional() @IsEmail()
  BOOTSTRAP_ADMIN_EMAIL?: string;

  get isProduction(): boolean {
    return this.NODE_ENV === 'production';
  }

  get isDevelopment(): boolean {
    return this.NODE_ENV === 'development';
  }
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Parse and validate the environment. Throws ConfigError naming every bad
 * variable. `.env` is read first when present (never in production, where the
 * process environment is the only source).
 */
export function loadConfig(env: Record<string, string | undefined> = readProcessEnv()): AppConfig {
  const known = Object.keys(new AppConfig());
  const relevant: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined && (known.includes(key) || key in AppConfig.prototype)) relevant[key] = value;
  }
  for (const key of ['DATABASE_URL', 'MIGRATION_DATABASE_URL', 'REDIS_URL', 'SMTP_URL', 'LOG_PRETTY', 'BOOTSTRAP_ADMIN_EMAIL', 'METRICS_TOKEN', 'METRICS_PORT', 'DB_POOL_SIZE']) {
    if (env[key] !== undefined) relevant[key] = env[key] as string;
  }
  // An empty PUBLIC_URL is not set: the address then follows the port the API listens on.
  if (relevant.PUBLIC_URL === '') delete relevant.PUBLIC_URL;
  const config = plainToInstance(AppConfig, relevant, { exposeDefaultValues: true });
  if (relevant.PUBLIC_URL === undefined && Number.isInteger(config.PORT)) config.PUBLIC_URL = `http://localhost:${config.PORT}`;
  const problems = validateSync(config, { skipMissingProperties: false }).flatMap((error) =>
    Object.values(error.constraints ?? {}).map(
      (message) => `${error.property}: ${message.replace(new RegExp(`^${error.property} `), '')} (got ${describe(error.property, env[error.property])})`,
    ),
  );
  if (config.GRAPHQL_RATE_MAX_COST < config.GRAPHQL_MAX_COMPLEXITY) {
    problems.push(
      `GRAPHQL_RATE_MAX_COST: must be at least GRAPHQL_MAX_COMPLEXITY (${config.GRAPHQL_MAX_COMPLEXITY}), or the largest query allowed could never run (got ${config.GRAPHQL_RATE_MAX_COST})`,
    );
  }
  problems.push(...signInLimitProblems(config));
  if (config.isProduction) problems.push(...productionProblems(config, env));
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/**
 * The per-(address, account) limit must stay below the per-account one: were
 * it equal or above, failures from one address alone would spend the
 * account's whole budget and lock its owner out from everywhere, which the
 * three limits exist to prevent. Checked only when both are readable numbers
 * (otherwise each is already reported as itself).
 */
function signInLimitProblems(config: AppConfig): string[] {
  const { SIGNIN_MAX_PER_ACCOUNT: perAccount, SIGNIN_MAX_PER_ADDRESS_ACCOUNT: perPair } = config;
  if (!Number.isInteger(perAccount) || !Number.isInteger(perPair) || perPair < perAccount) return [];
  return [
    `SIGNIN_MAX_PER_ADDRESS_ACCOUNT: must be below SIGNIN_MAX_PER_ACCOUNT (${perAccount}), or failures from one address ` +
      `alone could lock the account for its owner everywhere (got ${perPair})`,
  ];
}

function productionProblems(config: AppConfig, env: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  if (!env.JWT_SECRET) problems.push('JWT_SECRET: must be set in production (a random string of at least 32 characters)');
  else if (KNOWN_DEFAULT_SECRETS.has(config.JWT_SECRET)) problems.push('JWT_SECRET: is a published default; set a random secret in production');
  for (const key of ['DATABASE_URL', 'REDIS_URL', 'SMTP_URL'] as const) {
    if (!config[key]) problems.push(`${key}: must be set in production (nothing embedded starts there)`);
  }
  if (!env.PUBLIC_URL) problems.push('PUBLIC_URL: must be set in production (links in emails use it)');
  if (config.METRICS_TOKEN && KNOWN_DEFAULT_SECRETS.has(config.METRICS_TOKEN)) problems.push('METRICS_TOKEN: is a published default; set a random token in production');
  if (config.METRICS_PORT !== undefined && !config.METRICS_TOKEN) {
    problems.push('METRICS_PORT: the worker would serve /metrics, but without METRICS_TOKEN it answers nobody in production; set METRICS_TOKEN too, or leave METRICS_PORT empty');
  }
  return problems;
}

function describe(key: string, value: string | undefined): string {
  if (value === undefined) return 'nothing';
  if (value === '') return 'an empty value';
  // Never echo a secret, nor credentials inside a URL.
  if (/SECRET|PASSWORD|^METRICS_TOKEN$/.test(key)) return `a value of ${value.length} characters`;
  value = value.replace(/\/\/[^@/]*@/, '//***@');
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value);
}

let dotenvLoaded = false;
function readProcessEnv(): Record<string, string | undefined> {
  if (!dotenvLoaded && process.env.NODE_ENV !== 'production') {
    dotenvLoaded = true;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require('dotenv').config({ quiet: true });
  }
  return process.env;
}
