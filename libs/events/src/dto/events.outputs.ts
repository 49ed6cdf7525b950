import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Allow } from '@app/core';
import { EventFollowScope } from '../entities/event-follow.entity';

@ObjectType({ description: 'Who holds a registration: for the event’s organiser and admins (and the person themselves).' })
@Allow('SIGNED_IN')
export class EventAttendee {
  @Field(() => ID) userId: string;
  @Field() displayName: string;
  @Field() email: string;
  @Field({ description: 'en or ko.' }) language: string;
  @Field() timeZone: string;
}

@ObjectType({ description: 'One of your event follows: which announcements reach you.' })
@Allow('SIGNED_IN')
export class EventFollowing {
  @Field(() => EventFollowScope) scope: EventFollowScope;
  @Field(() => String, { nullable: true, description: 'For SECTOR.' }) sector: string | null;
  @Field(() => ID, { nullable: true, description: 'For WORKSPACE.' }) workspaceId: string | null;
  @Field({
    description: 'True when it comes from following the workspace’s digest (followWorkspace) rather than from followEvents; unfollowEvents stops its event announcements and keeps the digest.',
  })
  viaWorkspaceDigest: boolean;
  @Field() since: Date;
}

@ObjectType({ description: 'A calendar address just made. Its url is shown this once: only a hash of it is kept, so copy it now.' })
@Allow('SIGNED_IN')
export class NewCalendarAddress {
  @Field({ description: 'Subscribe to it in your calendar app and keep it to yourself: anyone who has it sees your events. Lost: make a new one (rotateCalendarAddress).' })
  url: string;
  @Field() createdAt: Date;
}
