import { ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, NoArgs, NotFoundError, RequestContext } from '@app/core';
import { User } from '@app/identity';
import { WorkspaceJoinRequest } from './entities/workspace-join-request.entity';
import { TwinningLoaders } from './twinning.loaders';

@Resolver(() => WorkspaceJoinRequest)
export class WorkspaceJoinRequestResolver {
  constructor(private readonly loaders: TwinningLoaders) {}

  @ResolveField(() => User)
  @Allow('SIGNED_IN')
  async user(request: WorkspaceJoinRequest, _args: NoArgs, ctx: RequestContext): Promise<User> {
    const user = await this.loaders.user(ctx).load(request.userId);
    if (!user) throw new NotFoundError('user', request.userId);
    return user;
  }
}
