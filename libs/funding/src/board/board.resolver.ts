import { Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Args, Ctx, RequestContext, requestLoader, Role } from '@app/core';
import { BoardService } from './board.service';
import {
  AppointBoardMemberInput,
  DeclareConflictInput,
  EndBoardMembershipInput,
  UpdateBoardRulesInput,
} from '../dto/board.inputs';
import { Board } from './board.entity';
import { BoardMember } from './board-member.entity';
import { ConflictDeclaration } from './conflict-declaration.entity';
import { boardMembersCost } from './board.lists';
import { ApplicationsService } from '../applications/applications.service';

@Resolver(() => Board)
export class BoardResolver {
  constructor(
    private readonly boards: BoardService,
    private readonly applications: ApplicationsService,
  ) {}

  @Mutation(() => BoardMember, { description: 'Admins: seat a person on a fund’s board for one of its countries (grants the BOARD_MEMBER role).' })
  @Allow(Role.ADMIN)
  appointBoardMember(@Args('input') input: AppointBoardMemberInput, @Ctx() ctx: RequestContext): Promise<BoardMember> {
    return this.boards.appoint(ctx.user!, input);
  }

  @Mutation(() => BoardMember, { description: 'Admins: end a board membership; its history stays.' })
  @Allow(Role.ADMIN)
  endBoardMembership(@Args('input') input: EndBoardMembershipInput, @Ctx() ctx: RequestContext): Promise<BoardMember> {
    return this.boards.end(ctx.user!, input);
  }

  @Mutation(() => Board, { description: 'Admins: how many voters each country needs for a quorum.' })
  @Allow(Role.ADMIN)
  updateBoardRules(@Args('input') input: UpdateBoardRulesInput, @Ctx() ctx: RequestContext): Promise<Board> {
    return this.boards.updateRules(ctx.user!, input);
  }

  @Mutation(() => ConflictDeclaration, { description: 'Board members: declare a conflict of interest on an application. You will not review, read the reviews of, or vote on it.' })
  @Allow(Role.BOARD_MEMBER)
  async declareConflictOfInterest(@Args('input') input: DeclareConflictInput, @Ctx() ctx: RequestContext): Promise<ConflictDeclaration> {
    const { application } = await this.applications.get(ctx.user, input.applicationId);
    return this.boards.declare(ctx.user!, input, application);
  }

  @ResolveField(() => [BoardMember], { complexity: boardMembersCost, description: 'Current members; includeFormer adds those who left.' })
  @Allow('PUBLIC')
  members(@Parent() board: Board, @Ctx() ctx: RequestContext, @Args('includeFormer', { type: () => Boolean, defaultValue: false }) includeFormer: boolean): Promise<BoardMember[]> {
    return requestLoader(ctx, `board.membersByFund:${includeFormer}`, (fundIds: readonly string[]) => this.boards.membersOf(fundIds, includeFormer)).load(board.fundId);
  }
}
