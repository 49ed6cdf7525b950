import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, RequestContext, requestLoader } from '@app/core';
import { Organisation, OrganisationsService, UsersService } from '@app/identity';
import { BoardMember } from './board-member.entity';

@Resolver(() => BoardMember)
export class BoardMemberResolver {
  constructor(
    private readonly users: UsersService,
    private readonly organisations: OrganisationsService,
  ) {}

  @ResolveField(() => String)
  @Allow('PUBLIC')
  async displayName(@Parent() member: BoardMember, @Ctx() ctx: RequestContext): Promise<string> {
    const user = await this.users.loader(ctx).load(member.userId);
    return user!.displayName;
  }

  @ResolveField(() => [Organisation])
  @Allow('PUBLIC')
  async affiliations(@Parent() member: BoardMember, @Ctx() ctx: RequestContext): Promise<Organisation[]> {
    const organisations = await Promise.all(member.organisationIds.map((id) => requestLoader(ctx, 'board.organisations', (ids: readonly string[]) => this.organisations.getMany(ids)).load(id)));
    return organisations.filter((o): o is Organisation => !!o);
  }
}
