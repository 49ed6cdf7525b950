import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, NotFoundError, RequestContext } from '@app/core';
import { User } from '@app/identity';
import { WorkspaceJoinRequest } from './entities/workspace-join-request.entity';
import { TwinningLoaders } from './twinning.loaders';

@Resolver(() => WorkspaceJoinRequest)
export class WorkspaceJoinRequestResolver {
  constructor(private readonly loaders: TwinningLoaders) {}

  @ResolveField(() => User)
  @Allow('SIGNED_IN')
  async user(@Parent() request: WorkspaceJoinRequest, @Ctx() ctx: RequestContext): Promise<User> {
    const user = await this.loaders.user(ctx).load(request.userId);
    if (!user) throw new NotFoundError('user', request.userId);
    return user;
  }
}
