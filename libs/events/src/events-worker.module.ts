import { Module } from '@nestjs/common';
import { EventReminderService, EventReminderWorker } from './event-reminders.worker';

/** The worker's part of events: reminders one day and one hour before each event. */
@Module({
  providers: [EventReminderService, EventReminderWorker],
  exports: [EventReminderService],
})
export class EventsWorkerModule {}
