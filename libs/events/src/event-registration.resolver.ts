import { Int, ResolveField, Resolver } from '@nestjs/graphql';
import { DataSource, In } from 'typeorm';
import { Allow, NoArgs, RequestContext, requestLoader } from '@app/core';
import { EventAttendee } from './dto/events.outputs';
import { EventRegistration } from './entities/event-registration.entity';
import { ProgrammeEvent } from './entities/programme-event.entity';
import { canManage } from './event-access';
import { RegistrationsService } from './registrations.service';

/** Events by id, one query per request (for a registration's event). */
function eventLoader(ctx: RequestContext, dataSource: DataSource) {
  return requestLoader<string, ProgrammeEvent | null>(ctx, 'events.byId', async (ids) => {
    const rows = await dataSource.getRepository(ProgrammeEvent).findBy({ id: In([...ids]) });
    return ids.map((id) => rows.find((e) => e.id === id) ?? null);
  });
}

@Resolver(() => EventRegistration)
export class EventRegistrationResolver {
  constructor(
    private readonly registrationsService: RegistrationsService,
    private readonly dataSource: DataSource,
  ) {}

  @ResolveField(() => ProgrammeEvent)
  @Allow('SIGNED_IN')
  async event(registration: EventRegistration, _args: NoArgs, ctx: RequestContext): Promise<ProgrammeEvent> {
    return registration.event ?? (await eventLoader(ctx, this.dataSource).load(registration.eventId))!;
  }

  @ResolveField(() => Int, { nullable: true, description: 'Place in the waiting list (1 = next to be promoted); null unless waiting.' })
  @Allow('SIGNED_IN')
  waitlistPosition(registration: EventRegistration, _args: NoArgs, ctx: RequestContext): Promise<number | null> | null {
    return this.registrationsService.waitlistPosition(ctx, registration);
  }

  @ResolveField(() => EventAttendee, { nullable: true, description: 'Who it is: for the person, the event’s organiser and admins.' })
  @Allow('SIGNED_IN')
  async attendee(registration: EventRegistration, _args: NoArgs, ctx: RequestContext): Promise<EventAttendee | null> {
    if (registration.userId !== ctx.user!.id) {
      const event = registration.event ?? (await eventLoader(ctx, this.dataSource).load(registration.eventId));
      if (!event || !canManage(ctx.user, event)) return null;
    }
    return this.registrationsService.attendee(ctx, registration.userId);
  }
}
