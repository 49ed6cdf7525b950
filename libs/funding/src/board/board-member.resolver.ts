import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { DataSource, In } from 'typeorm';
import { Allow, Ctx, RequestContext, requestLoader } from '@app/core';
import { Organisation, User } from '@app/identity';
import { BoardMember } from './board-member.entity';

@Resolver(() => BoardMember)
export class BoardMemberResolver {
  constructor(private readonly dataSource: DataSource) {}

  @ResolveField(() => String)
  @Allow('PUBLIC')
  async displayName(@Parent() member: BoardMember, @Ctx() ctx: RequestContext): Promise<string> {
    const user = await requestLoader(ctx, 'board.users', async (ids: readonly string[]) => {
      const users = await this.dataSource.getRepository(User).findBy({ id: In([...ids]) });
      return ids.map((id) => users.find((u) => u.id === id)!);
    }).load(member.userId);
    return user.displayName;
  }

  @ResolveField(() => [Organisation])
  @Allow('PUBLIC')
  affiliations(@Parent() member: BoardMember): Promise<Organisation[]> {
    return member.organisationIds.length ? this.dataSource.getRepository(Organisation).findBy({ id: In(member.organisationIds) }) : Promise.resolve([]);
  }
}
