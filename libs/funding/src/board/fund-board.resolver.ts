import { ResolveField, Resolver } from '@nestjs/graphql';
import { Allow } from '@app/core';
import { BoardService } from './board.service';
import { Board } from './board.entity';
import { Fund } from '../funds/fund.entity';

@Resolver(() => Fund)
export class FundBoardResolver {
  constructor(private readonly boards: BoardService) {}

  @ResolveField(() => Board, { description: 'Its bilateral governance board. Public.' })
  @Allow('PUBLIC')
  board(fund: Fund): Promise<Board> {
    return this.boards.board(fund.id);
  }
}
