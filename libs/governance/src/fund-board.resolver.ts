import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow } from '@app/core';
import { Fund } from '@app/funding';
import { BoardService } from './board.service';
import { Board } from './entities/board.entity';

@Resolver(() => Fund)
export class FundBoardResolver {
  constructor(private readonly boards: BoardService) {}

  @ResolveField(() => Board, { description: 'Its bilateral governance board. Public.' })
  @Allow('PUBLIC')
  board(@Parent() fund: Fund): Promise<Board> {
    return this.boards.board(fund.id);
  }
}
