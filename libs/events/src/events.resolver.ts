import { Inject } from '@nestjs/common';
import { ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CitiesService } from '@app/cities';
import {
  Allow,
  AppConfig,
  Args,
  Clock,
  costWhen,
  Ctx,
  LocalizedText,
  LocalTime,
  NoArgs,
  NotFoundError,
  OWN_ZONE_AND_ONE_PER_COUNTRY,
  Paginated,
  renderInZones,
  RequestContext,
  Role,
} from '@app/core';
import { linkNotValid } from '@app/identity';
import { TwinningLoaders } from '@app/twinning';
import { CalendarAddressesService } from './calendar/calendar-addresses.service';
import { CancelEventInput, CreateEventInput, EventFollowInput, EventListArgs, EventRegistrationInput, EventStepInput, RegistrationListArgs, UpdateEventInput } from './dto/events.inputs';
import { EventFollowing, NewCalendarAddress } from './dto/events.outputs';
import { CalendarAddress } from './entities/calendar-address.entity';
import { EventRegistration, RegistrationStatus } from './entities/event-registration.entity';
import { EventStatus, ProgrammeEvent } from './entities/programme-event.entity';
import { calendarUrl, canManage, eventUrl, isPublic } from './event-access';
import { registrationState } from './event-rules';
import { eventZones } from './event-zones';
import { EventsService } from './events.service';
import { FollowsService } from './follows.service';
import { RegistrationsService } from './registrations.service';

export const ProgrammeEventConnection = Paginated(ProgrammeEvent);
export const EventRegistrationConnection = Paginated(EventRegistration);

@Resolver(() => ProgrammeEvent)
export class EventsResolver {
  constructor(
    @Inject(AppConfig) private readonly config: AppConfig,
    private readonly eventsService: EventsService,
    private readonly registrationsService: RegistrationsService,
    private readonly follows: FollowsService,
    private readonly calendarAddresses: CalendarAddressesService,
    private readonly cities: CitiesService,
    private readonly twinningLoaders: TwinningLoaders,
    private readonly clock: Clock,
  ) {}

  @Query(() => ProgrammeEventConnection, {
    description: 'Events, soonest first: published ones for everyone; drafts for their organiser and admins (filter.statuses). Public.',
    // Query cost of a search (libs/core/src/graphql/cost.ts): words matched in every event's titles,
    // descriptions and venue, about 0.3 ms on the demo data, and it grows with them.
    complexity: costWhen(50, (args) => !!(args.filter as { search?: string } | undefined)?.search),
  })
  @Allow('PUBLIC')
  events(@Args() args: EventListArgs, @Ctx() ctx: RequestContext) {
    return this.eventsService.list(ctx.user, args.filter ?? {}, args);
  }

  @Query(() => ProgrammeEvent, { description: 'An event: public once published; a draft only for its organiser and admins (NOT_FOUND for anyone else).' })
  @Allow('PUBLIC')
  event(@Args('id', { type: () => ID }) id: string, @Ctx() ctx: RequestContext): Promise<ProgrammeEvent> {
    return this.eventsService.get(ctx.user, id);
  }

  @Mutation(() => ProgrammeEvent, { description: 'Organisers and admins: a draft event, which you organise. Nobody else sees it until it is published.' })
  @Allow(Role.EVENT_ORGANISER, Role.ADMIN)
  createEvent(@Args('input') input: CreateEventInput, @Ctx() ctx: RequestContext): Promise<ProgrammeEvent> {
    return this.eventsService.create(ctx.user!, input);
  }

  @Mutation(() => ProgrammeEvent, { description: 'Its organiser and admins: edit an event. A new time for a published event emails everyone registered or waiting; a higher capacity promotes people waiting. CONFLICT (STALE_VERSION, CAPACITY_BELOW_REGISTRATIONS, EVENT_CANCELLED).' })
  @Allow(Role.EVENT_ORGANISER, Role.ADMIN)
  updateEvent(@Args('input') input: UpdateEventInput, @Ctx() ctx: RequestContext): Promise<ProgrammeEvent> {
    return this.eventsService.update(ctx.user!, input);
  }

  @Mutation(() => ProgrammeEvent, { description: 'Its organiser and admins: publish a draft. Everyone following its workspace, one of its sectors or the programme is emailed once.' })
  @Allow(Role.EVENT_ORGANISER, Role.ADMIN)
  publishEvent(@Args('input') input: EventStepInput, @Ctx() ctx: RequestContext): Promise<ProgrammeEvent> {
    return this.eventsService.publish(ctx.user!, input);
  }

  @Mutation(() => ProgrammeEvent, { description: 'Its organiser and admins: cancel an event, saying why; everyone registered or waiting is emailed.' })
  @Allow(Role.EVENT_ORGANISER, Role.ADMIN)
  cancelEvent(@Args('input') input: CancelEventInput, @Ctx() ctx: RequestContext): Promise<ProgrammeEvent> {
    return this.eventsService.cancel(ctx.user!, input);
  }

  @Mutation(() => EventRegistration, {
    description:
      'Take a place at a published event, or (when it is full) join its waiting list. CONFLICT: REGISTRATION_NOT_OPEN, REGISTRATION_CLOSED, ALREADY_REGISTERED, EVENT_CANCELLED, NOT_PUBLISHED.',
  })
  @Allow('SIGNED_IN')
  registerForEvent(@Args('input') input: EventRegistrationInput, @Ctx() ctx: RequestContext): Promise<EventRegistration> {
    return this.registrationsService.register(ctx.user!, input.eventId);
  }

  @Mutation(() => EventRegistration, { description: 'Give up your place (or your place in the queue) before the event starts; a freed place goes to the first person waiting, who is emailed.' })
  @Allow('SIGNED_IN')
  cancelEventRegistration(@Args('input') input: EventRegistrationInput, @Ctx() ctx: RequestContext): Promise<EventRegistration> {
    return this.registrationsService.cancel(ctx.user!, input.eventId);
  }

  @Query(() => EventRegistrationConnection, { description: 'Your registrations and places on waiting lists, soonest event first.' })
  @Allow('SIGNED_IN')
  myRegistrations(@Args() args: RegistrationListArgs, @Ctx() ctx: RequestContext) {
    return this.registrationsService.listMine(ctx.user!, args.filter ?? {}, args);
  }

  @Mutation(() => EventFollowing, { description: 'Receive announcements of new events of the whole PROGRAMME, a SECTOR or a twin WORKSPACE.' })
  @Allow('SIGNED_IN')
  followEvents(@Args('input') input: EventFollowInput, @Ctx() ctx: RequestContext): Promise<EventFollowing> {
    return this.follows.follow(ctx.user!, input);
  }

  @Mutation(() => Boolean, {
    description:
      "Stop announcements like the one whose unsubscribe link holds this token, without signing in. True also when they were stopped before; BAD_USER_INPUT (reason LINK_NOT_VALID) for a link the platform never sent.",
  })
  @Allow('PUBLIC')
  async stopEventAnnouncements(@Args('token') token: string): Promise<boolean> {
    if (token.length > 300 || !(await this.follows.unsubscribe(token))) {
      throw linkNotValid({
        en: 'This unsubscribe link is not valid. Open it from the announcement email, or change what you follow when signed in.',
        ko: '유효하지 않은 수신 거부 링크입니다. 공지 메일의 링크를 사용하거나, 로그인해서 구독 설정을 바꾸세요.',
      });
    }
    return true;
  }

  @Mutation(() => Boolean, { description: 'Stop one follow’s announcements (for a workspace followed through its digest, the digest stays). False when it was not followed.' })
  @Allow('SIGNED_IN')
  unfollowEvents(@Args('input') input: EventFollowInput, @Ctx() ctx: RequestContext): Promise<boolean> {
    return this.follows.unfollow(ctx.user!, input);
  }

  @Query(() => [EventFollowing], { description: 'What brings you event announcements, including the workspaces whose digest you follow.' })
  @Allow('SIGNED_IN')
  myEventFollows(@Ctx() ctx: RequestContext): Promise<EventFollowing[]> {
    return this.follows.mine(ctx.user!);
  }

  @Query(() => CalendarAddress, {
    nullable: true,
    description: 'Whether you have a personal calendar address (a feed of the events you registered for, for your calendar app), when it was made and last fetched; null when you have none. The address itself is shown only when made.',
  })
  @Allow('SIGNED_IN')
  myCalendarAddress(@Ctx() ctx: RequestContext): Promise<CalendarAddress | null> {
    return this.calendarAddresses.mine(ctx.user!.id);
  }

  @Mutation(() => NewCalendarAddress, {
    description: 'Make your personal calendar address; its url is in this answer only (copy it now). CONFLICT (CALENDAR_ADDRESS_EXISTS) when you have one: rotateCalendarAddress replaces it.',
  })
  @Allow('SIGNED_IN')
  createCalendarAddress(@Ctx() ctx: RequestContext): Promise<NewCalendarAddress> {
    return this.calendarAddresses.create(ctx.user!.id);
  }

  @Mutation(() => NewCalendarAddress, {
    description: 'Replace your personal calendar address with a new one, shown in this answer only. The old address stops working at once (404): subscribe your calendar app to the new one. NOT_FOUND when you have none.',
  })
  @Allow('SIGNED_IN')
  rotateCalendarAddress(@Ctx() ctx: RequestContext): Promise<NewCalendarAddress> {
    return this.calendarAddresses.rotate(ctx.user!.id);
  }

  @Mutation(() => Boolean, { description: 'Stop your personal calendar address without making a new one (it answers 404 from now on). False when you had none.' })
  @Allow('SIGNED_IN')
  removeCalendarAddress(@Ctx() ctx: RequestContext): Promise<boolean> {
    return this.calendarAddresses.remove(ctx.user!.id);
  }

  // ---------- fields ----------

  @ResolveField(() => LocalizedText)
  @Allow('PUBLIC')
  title(event: ProgrammeEvent): LocalizedText {
    return LocalizedText.of({ en: event.titleEn, ko: event.titleKo });
  }

  @ResolveField(() => LocalizedText)
  @Allow('PUBLIC')
  description(event: ProgrammeEvent): LocalizedText {
    return LocalizedText.of({ en: event.descriptionEn, ko: event.descriptionKo });
  }

  @ResolveField(() => [LocalTime], { complexity: OWN_ZONE_AND_ONE_PER_COUNTRY, description: 'The start in the event’s own zone, then in both countries’ zones (its twinned cities’, for a workspace’s event).' })
  @Allow('PUBLIC')
  async startsAtLocal(event: ProgrammeEvent, _args: NoArgs, ctx: RequestContext): Promise<LocalTime[]> {
    return renderInZones(event.startsAt, await eventZones(ctx, { cities: this.cities, twinning: this.twinningLoaders }, event), ctx.user?.language ?? 'en');
  }

  @ResolveField(() => [LocalTime], { complexity: OWN_ZONE_AND_ONE_PER_COUNTRY, description: 'The end, in the same zones as startsAtLocal.' })
  @Allow('PUBLIC')
  async endsAtLocal(event: ProgrammeEvent, _args: NoArgs, ctx: RequestContext): Promise<LocalTime[]> {
    return renderInZones(event.endsAt, await eventZones(ctx, { cities: this.cities, twinning: this.twinningLoaders }, event), ctx.user?.language ?? 'en');
  }

  @ResolveField(() => String, { nullable: true, description: 'The joining link (online and hybrid): for people holding a place, the organiser and admins; null for others.' })
  @Allow('PUBLIC')
  async joinUrl(event: ProgrammeEvent, _args: NoArgs, ctx: RequestContext): Promise<string | null> {
    if (!event.joinUrl || !ctx.user) return null;
    if (canManage(ctx.user, event)) return event.joinUrl;
    const mine = await this.registrationsService.mine(ctx, event.id);
    return mine?.status === RegistrationStatus.REGISTERED ? event.joinUrl : null;
  }

  @ResolveField(() => String, { description: 'The organiser’s name.' })
  @Allow('PUBLIC')
  async organiserName(event: ProgrammeEvent, _args: NoArgs, ctx: RequestContext): Promise<string> {
    return (await this.registrationsService.attendee(ctx, event.organiserUserId))?.displayName ?? '';
  }

  @ResolveField(() => Int, { description: 'Places taken.' })
  @Allow('PUBLIC')
  async registeredCount(event: ProgrammeEvent, _args: NoArgs, ctx: RequestContext): Promise<number> {
    return (await this.registrationsService.counts(ctx, event.id)).registered;
  }

  @ResolveField(() => Int, { description: 'People on the waiting list.' })
  @Allow('PUBLIC')
  async waitlistCount(event: ProgrammeEvent, _args: NoArgs, ctx: RequestContext): Promise<number> {
    return (await this.registrationsService.counts(ctx, event.id)).waitlisted;
  }

  @ResolveField(() => Int, { nullable: true, description: 'Places still free; null when there is no limit. At 0, registering joins the waiting list.' })
  @Allow('PUBLIC')
  async spacesLeft(event: ProgrammeEvent, _args: NoArgs, ctx: RequestContext): Promise<number | null> {
    if (event.capacity === null) return null;
    return Math.max(0, event.capacity - (await this.registrationsService.counts(ctx, event.id)).registered);
  }

  @ResolveField(() => Boolean, { description: 'Taking registrations now, by the server clock (published, not cancelled, between opening and closing).' })
  @Allow('PUBLIC')
  registrationOpen(event: ProgrammeEvent): boolean {
    return event.status === EventStatus.PUBLISHED && registrationState(event, this.clock.now()) === 'OPEN';
  }

  @ResolveField(() => EventRegistration, { nullable: true, description: 'Your registration (any status), if you have one.' })
  @Allow('SIGNED_IN')
  myRegistration(event: ProgrammeEvent, _args: NoArgs, ctx: RequestContext): Promise<EventRegistration | null> {
    return this.registrationsService.mine(ctx, event.id);
  }

  @ResolveField(() => EventRegistrationConnection, {
    nullable: true,
    description: 'Who registered and who waits, in arrival order, with their details: the event’s organiser and admins (NOT_FOUND for other organisers); as CSV at /events/{id}/registrations.csv.',
  })
  @Allow(Role.EVENT_ORGANISER, Role.ADMIN)
  registrations(@Parent() event: ProgrammeEvent, @Args() args: RegistrationListArgs, @Ctx() ctx: RequestContext) {
    if (!canManage(ctx.user, event)) throw new NotFoundError('eventRegistrations');
    return this.registrationsService.forEvent(ctx, event, args.filter?.statuses, args);
  }

  @ResolveField(() => String, { description: 'Its page: every email and calendar entry links here.' })
  @Allow('PUBLIC')
  url(event: ProgrammeEvent): string {
    return eventUrl(this.config, event.id);
  }

  @ResolveField(() => String, { nullable: true, description: 'The event as an .ics file, once published.' })
  @Allow('PUBLIC')
  calendarUrl(event: ProgrammeEvent): string | null {
    return isPublic(event) ? calendarUrl(this.config, event.id) : null;
  }
}
