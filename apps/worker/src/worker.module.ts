import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, ConfigModule, DatabaseModule, LoggingModule, MetricsModule, RedisModule } from '@app/core';
import { EventsWorkerModule } from '@app/events';
import { FundingWorkerModule } from '@app/funding';
import { IdentityWorkerModule } from '@app/identity';
import { NotificationsModule } from '@app/notifications';
import { PairingWorkerModule } from '@app/pairing';
import { PLATFORM_EMAIL_TEMPLATES, PLATFORM_ENTITIES } from '@app/platform';
import { TwinningWorkerModule } from '@app/twinning';

/** The background process: answers sign-up and password-reset requests, dispatches the outbox, sends email, keeps pair scores current, sends workspace digests, seed-fund deadline reminders and event reminders. */
@Module({})
export class WorkerModule {
  static forRoot(config?: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(),
        MetricsModule.forWorker(),
        DatabaseModule.forRoot(PLATFORM_ENTITIES),
        RedisModule,
        NotificationsModule.forWorker(PLATFORM_EMAIL_TEMPLATES),
        IdentityWorkerModule,
        PairingWorkerModule,
        TwinningWorkerModule,
        FundingWorkerModule,
        EventsWorkerModule,
      ],
    };
  }
}
