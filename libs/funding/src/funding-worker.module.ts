import { Module } from '@nestjs/common';
import { DeadlineReminderService, DeadlineReminderWorker } from './applications/deadline-reminders.worker';
import { ReviewReminderService, ReviewReminderWorker } from './reviews/review-reminders.worker';

/** The worker's part of funding: deadline reminders for draft applications, due-date reminders for reviewers. */
@Module({
  providers: [DeadlineReminderService, DeadlineReminderWorker, ReviewReminderService, ReviewReminderWorker],
  exports: [DeadlineReminderService],
})
export class FundingWorkerModule {}
