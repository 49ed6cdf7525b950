import { Module } from '@nestjs/common';
import { CitiesModule } from '@app/cities';
import { IdentityModule } from '@app/identity';
import { PairingEvidenceModule } from '@app/pairing';
import { TwinningModule } from '@app/twinning';
import { CalendarAddressesService } from './calendar/calendar-addresses.service';
import { CalendarService } from './calendar/calendar.service';
import { CalendarsController, EventsController } from './events.controller';
import { EventRegistrationResolver } from './event-registration.resolver';
import { EventsResolver } from './events.resolver';
import { EventsService } from './events.service';
import { FollowsService } from './follows.service';
import { RegistrationsService } from './registrations.service';

/** Programme events: seminars, workshops, forums and the annual showcase; registration, waiting lists, announcements, calendars. */
@Module({
  imports: [IdentityModule, CitiesModule, PairingEvidenceModule, TwinningModule],
  controllers: [EventsController, CalendarsController],
  providers: [EventsService, RegistrationsService, FollowsService, CalendarService, CalendarAddressesService, EventsResolver, EventRegistrationResolver],
  exports: [EventsService, RegistrationsService],
})
export class EventsModule {}
