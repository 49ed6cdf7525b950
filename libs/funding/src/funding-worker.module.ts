import { Module } from '@nestjs/common';
import { DeadlineReminderService, DeadlineReminderWorker } from './applications/deadline-reminders.worker';

/** The worker's part of funding: deadline reminders for draft applications. */
@Module({
  providers: [DeadlineReminderService, DeadlineReminderWorker],
  exports: [DeadlineReminderService],
})
export class FundingWorkerModule {}
