import { Int, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, NoArgs, RequestContext, requestLoader, Role } from '@app/core';
import { nameIn, Organisation, OrganisationsService, UsersService } from '@app/identity';
import { BoardMember } from './board-member.entity';
import { BoardLoaders } from './board.loaders';

@Resolver(() => BoardMember)
export class BoardMemberResolver {
  constructor(
    private readonly users: UsersService,
    private readonly organisations: OrganisationsService,
    private readonly loaders: BoardLoaders,
  ) {}

  @ResolveField(() => String)
  @Allow('PUBLIC')
  async displayName(member: BoardMember, _args: NoArgs, ctx: RequestContext): Promise<string> {
    const user = await this.users.loader(ctx).load(member.userId);
    return nameIn(user!, ctx.language);
  }

  @ResolveField(() => [Organisation])
  @Allow('PUBLIC')
  async affiliations(member: BoardMember, _args: NoArgs, ctx: RequestContext): Promise<Organisation[]> {
    const organisations = await Promise.all(member.organisationIds.map((id) => requestLoader(ctx, 'board.organisations', (ids: readonly string[]) => this.organisations.getMany(ids)).load(id)));
    return organisations.filter((o): o is Organisation => !!o);
  }

  @ResolveField(() => Int, {
    nullable: true,
    description: 'Admins: their open review assignments across funds (neither submitted nor withdrawn, on an application still in review), to share the work. One statement for any number of members.',
  })
  @Allow(Role.ADMIN)
  openReviews(member: BoardMember, _args: NoArgs, ctx: RequestContext): Promise<number> {
    return this.loaders.openReviews(ctx).load(member.id);
  }
}
