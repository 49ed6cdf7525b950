import { DynamicModule, Injectable, Logger, Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { databaseOptions, EntityList } from './database.options';
import { connectionRoleProblems, describeRoleProblems } from './privileges';

/**
 * At start, checks that DATABASE_URL's role is the least-privileged
 * application role: in production the API and the worker refuse to start as
 * a superuser, or as a role that owns (or may act as the owner of) a table,
 * the schema public or the database, or may set session_replication_role;
 * elsewhere they say so loudly in the log.
 */
@Injectable()
export class DatabaseRoleCheck implements OnModuleInit {
  private readonly logger = new Logger('Database');

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    const { role, problems } = await connectionRoleProblems(this.dataSource);
    if (problems.length === 0) return;
    const message = describeRoleProblems(role, problems);
    if (this.config.isProduction) throw new Error(`${message} Refusing to start in production.`);
    this.logger.warn(`!!! ${message}`);
  }
}

/** TypeORM on DATABASE_URL, with the role check above: what the API and the worker import. */
@Module({})
export class DatabaseModule {
  static forRoot(entities: EntityList): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => databaseOptions(config, entities),
        }),
      ],
      providers: [DatabaseRoleCheck],
    };
  }
}
