import { Module } from '@nestjs/common';
import { IdentityModule } from '@app/identity';
import { CalendarService } from './calendar/calendar.service';
import { CalendarsController, EventsController } from './events.controller';
import { EventRegistrationResolver, EventsResolver } from './events.resolver';
import { EventsService } from './events.service';
import { FollowsService } from './follows.service';
import { RegistrationsService } from './registrations.service';

/** Programme events: seminars, workshops, forums and the annual showcase; registration, waiting lists, announcements, calendars. */
@Module({
  imports: [IdentityModule],
  controllers: [EventsController, CalendarsController],
  providers: [EventsService, RegistrationsService, FollowsService, CalendarService, EventsResolver, EventRegistrationResolver],
  exports: [EventsService, RegistrationsService],
})
export class EventsModule {}
