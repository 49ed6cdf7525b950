import { ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, NoArgs, NotFoundError, RequestContext } from '@app/core';
import { CitiesLoaders, City } from '@app/cities';
import { Organisation, User } from '@app/identity';
import { WorkspaceMember } from './entities/workspace-member.entity';
import { TwinningLoaders } from './twinning.loaders';

@Resolver(() => WorkspaceMember)
export class WorkspaceMemberResolver {
  constructor(
    private readonly loaders: TwinningLoaders,
    private readonly cityLoaders: CitiesLoaders,
  ) {}

  @ResolveField(() => User)
  @Allow('SIGNED_IN')
  async user(member: WorkspaceMember, _args: NoArgs, ctx: RequestContext): Promise<User> {
    const user = await this.loaders.user(ctx).load(member.userId);
    if (!user) throw new NotFoundError('user', member.userId);
    return user;
  }

  @ResolveField(() => City)
  @Allow('SIGNED_IN')
  async city(member: WorkspaceMember, _args: NoArgs, ctx: RequestContext): Promise<City> {
    const city = await this.cityLoaders.city(ctx).load(member.cityId);
    if (!city) throw new NotFoundError('city', member.cityId);
    return city;
  }

  @ResolveField(() => Organisation, { nullable: true })
  @Allow('SIGNED_IN')
  async organisation(member: WorkspaceMember, _args: NoArgs, ctx: RequestContext): Promise<Organisation | null> {
    return member.organisationId ? ((await this.loaders.organisation(ctx).load(member.organisationId)) ?? null) : null;
  }
}
