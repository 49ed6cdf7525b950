import { ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, NoArgs, RequestContext } from '@app/core';
import { User } from '@app/identity';
import { TwinningStatusChange } from './entities/twinning-status-change.entity';
import { TwinningLoaders } from './twinning.loaders';

@Resolver(() => TwinningStatusChange)
export class TwinningStatusChangeResolver {
  constructor(private readonly loaders: TwinningLoaders) {}

  @ResolveField(() => User, { nullable: true, description: 'Who made the change.' })
  @Allow('SIGNED_IN')
  async actor(change: TwinningStatusChange, _args: NoArgs, ctx: RequestContext): Promise<User | null> {
    return (await this.loaders.user(ctx).load(change.actorUserId)) ?? null;
  }
}
