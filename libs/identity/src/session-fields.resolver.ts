import { ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, NoArgs, RequestContext, Role, Self } from '@app/core';
import { Session } from './entities/session.entity';

/** What a session is to the one asking: the one they are using now, or another device. */
@Resolver(() => Session)
export class SessionFieldsResolver {
  @ResolveField(() => Boolean, { description: 'True for the session this request comes from (this browser or device), so a list can mark it and end only the others.' })
  @Allow(Role.ADMIN, Self('userId'))
  current(session: Session, _args: NoArgs, ctx: RequestContext): boolean {
    return !!ctx.user?.sessionId && session.id === ctx.user.sessionId;
  }
}
