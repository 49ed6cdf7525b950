import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import {
  AccessGuard,
  AppConfig,
  ConfigModule,
  DatabaseModule,
  graphqlModule,
  GraphqlExceptionFilter,
  HealthController,
  HealthResolver,
  HealthService,
  LoggingModule,
  loadConfig,
  MetricsModule,
  OpenDataModule,
  ReadinessMetrics,
  RedisModule,
} from '@app/core';
import { CitiesModule } from '@app/cities';
import { KnowledgeModule } from '@app/knowledge';
import { IdentityModule } from '@app/identity';
import { NotificationsModule } from '@app/notifications';
import { PairingModule } from '@app/pairing';
import { PLATFORM_EMAIL_TEMPLATES, PLATFORM_ENTITIES, PLATFORM_OPEN_DATASETS } from '@app/platform';
import { EventsModule } from '@app/events';
import { FundingModule } from '@app/funding';
import { ProjectsModule } from '@app/projects';
import { TwinningModule } from '@app/twinning';
import { webAppModules } from './web-app';

export interface ApiModuleOptions {
  /** Defaults to the process environment. */
  config?: AppConfig;
  /** Where the schema is written (development), or `true` to keep it in memory. */
  schemaFile: string | true;
}

/** The GraphQL HTTP server: every bounded context's resolvers behind one access guard. */
@Module({})
export class AppModule {
  static forRoot(options: ApiModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(options.config),
        LoggingModule.forRoot(),
        MetricsModule.forApi(),
        DatabaseModule.forRoot(PLATFORM_ENTITIES),
        RedisModule,
        NotificationsModule.forApi(PLATFORM_EMAIL_TEMPLATES),
        CitiesModule,
        IdentityModule,
        PairingModule,
        TwinningModule,
        ProjectsModule,
        FundingModule,
        KnowledgeModule,
        EventsModule,
        OpenDataModule.forRoot(PLATFORM_OPEN_DATASETS),
        graphqlModule({ imports: [IdentityModule], schemaFile: options.schemaFile }),
        ...webAppModules(options.config ?? loadConfig()),
      ],
      controllers: [HealthController],
      providers: [
        HealthService,
        HealthResolver,
        ReadinessMetrics,
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_FILTER, useClass: GraphqlExceptionFilter },
      ],
    };
  }
}
