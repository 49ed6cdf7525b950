import { DataSourceOptions } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { SnakeNamingStrategy } from './snake-naming.strategy';

export type EntityList = NonNullable<DataSourceOptions['entities']>;

/**
 * The one place TypeORM is configured. `synchronize` is off everywhere,
 * tests included: the schema comes from reviewed migrations only.
 */
export function databaseOptions(
  config: AppConfig,
  entities: EntityList,
  migrations: NonNullable<DataSourceOptions['migrations']> = [],
): DataSourceOptions {
  return {
    type: 'postgres',
    url: requireDatabaseUrl(config),
    entities,
    migrations,
    migrationsTableName: 'migrations',
    // gen_random_uuid() is built into PostgreSQL 13+: no extension to install.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    synchronize: false,
    migrationsRun: false,
    namingStrategy: new SnakeNamingStrategy(),
    logging: ['error'],
    extra: { max: config.DB_POOL_SIZE ?? (config.isProduction ? 20 : 10), application_name: 'innovation-twins' },
  };
}

/**
 * The migrations' connection: MIGRATION_DATABASE_URL, the role that owns the
 * schema, or DATABASE_URL when there is no second role.
 */
export function migrationDatabaseOptions(
  config: AppConfig,
  entities: EntityList,
  migrations: NonNullable<DataSourceOptions['migrations']>,
): DataSourceOptions {
  return Object.assign(databaseOptions(config, entities, migrations), {
    url: config.MIGRATION_DATABASE_URL ?? requireDatabaseUrl(config),
    extra: { max: 2, application_name: 'innovation-twins-migrate' },
  });
}

export function requireDatabaseUrl(config: AppConfig): string {
  if (!config.DATABASE_URL) {
    throw new Error(
      'DATABASE_URL is not set. Run `npm start`, which starts an embedded PostgreSQL for development, ' +
        'or set DATABASE_URL=postgres://user:password@host:5432/database.',
    );
  }
  return config.DATABASE_URL;
}
