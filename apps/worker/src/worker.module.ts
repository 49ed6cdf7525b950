import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, ConfigModule, DatabaseModule, LoggingModule } from '@app/core';
import { EventsWorkerModule } from '@app/events';
import { FundingWorkerModule } from '@app/funding';
import { NotificationsModule } from '@app/notifications';
import { PairingWorkerModule } from '@app/pairing';
import { PLATFORM_EMAIL_TEMPLATES, PLATFORM_ENTITIES } from '@app/platform';
import { TwinningWorkerModule } from '@app/twinning';

/** The background process: dispatches the outbox, sends email, keeps pair scores current, sends workspace digests, seed-fund deadline reminders and event reminders. */
@Module({})
export class WorkerModule {
  static forRoot(config?: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(),
        DatabaseModule.forRoot(PLATFORM_ENTITIES),
        NotificationsModule.forWorker(PLATFORM_EMAIL_TEMPLATES),
        PairingWorkerModule,
        TwinningWorkerModule,
        FundingWorkerModule,
        EventsWorkerModule,
      ],
    };
  }
}
