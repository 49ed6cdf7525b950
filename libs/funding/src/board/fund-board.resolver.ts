import { ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, NoArgs, RequestContext, requestLoader } from '@app/core';
import { BoardService } from './board.service';
import { Board } from './board.entity';
import { Fund } from '../funds/fund.entity';

@Resolver(() => Fund)
export class FundBoardResolver {
  constructor(private readonly boards: BoardService) {}

  @ResolveField(() => Board, { description: 'Its bilateral governance board. Public.' })
  @Allow('PUBLIC')
  board(fund: Fund, _args: NoArgs, ctx: RequestContext): Promise<Board> {
    return requestLoader(ctx, 'board.boardByFund', (fundIds: readonly string[]) => this.boards.boardsOf(fundIds)).load(fund.id);
  }
}
