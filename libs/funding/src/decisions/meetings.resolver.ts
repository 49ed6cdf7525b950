import { ID, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { Allow, Args, Ctx, listOfAtMost, LocalizedText, LocalTime, NoArgs, ONE_PER_COUNTRY, PageArgs, renderInZones, RequestContext, Role } from '@app/core';
import { DecisionsService } from './decisions.service';
import {
  AgendaItemInput,
  CastVoteInput,
  CreateBoardMeetingInput,
  RecordDecisionInput,
} from '../dto/board.inputs';
import { AgendaItem } from './agenda-item.entity';
import { BoardMeeting } from './board-meeting.entity';
import { FundingDecision } from './funding-decision.entity';
import { QuorumStatus } from '../board/quorum';
import { BoardMeetingConnection, AGENDA_PRICED } from '../board/board.lists';
import { FundingLoaders } from '../funding.loaders';

@Resolver(() => BoardMeeting)
export class MeetingsResolver {
  constructor(
    private readonly decisions: DecisionsService,
    private readonly dataSource: DataSource,
    private readonly fundingLoaders: FundingLoaders,
  ) {}

  @Query(() => BoardMeeting, { description: 'Admins and the fund’s board; NOT_FOUND for anyone else.' })
  @Allow('PUBLIC')
  boardMeeting(@Args('id', { type: () => ID }) id: string, @Ctx() ctx: RequestContext): Promise<BoardMeeting> {
    return this.decisions.meeting(ctx.user, id);
  }

  @Query(() => BoardMeetingConnection, { description: 'A fund board’s meetings, latest first. Admins and the fund’s board.' })
  @Allow(Role.ADMIN, Role.BOARD_MEMBER)
  boardMeetings(@Args('fundId', { type: () => ID }) fundId: string, @Args() page: PageArgs, @Ctx() ctx: RequestContext) {
    return this.decisions.meetings(ctx.user!, fundId, page);
  }

  @Mutation(() => BoardMeeting, { description: 'Admins: call a board meeting.' })
  @Allow(Role.ADMIN)
  createBoardMeeting(@Args('input') input: CreateBoardMeetingInput, @Ctx() ctx: RequestContext): Promise<BoardMeeting> {
    return this.decisions.createMeeting(ctx.user!, input);
  }

  @Mutation(() => AgendaItem, { description: 'Admins: put an application under review (or one decided, to reconsider) on a meeting’s agenda.' })
  @Allow(Role.ADMIN)
  addToAgenda(@Args('input') input: AgendaItemInput, @Ctx() ctx: RequestContext): Promise<AgendaItem> {
    return this.decisions.addToAgenda(ctx.user!, input);
  }

  @Mutation(() => Boolean, { description: 'Admins: take an undecided application off a meeting’s agenda (its votes go too).' })
  @Allow(Role.ADMIN)
  removeFromAgenda(@Args('input') input: AgendaItemInput, @Ctx() ctx: RequestContext): Promise<boolean> {
    return this.decisions.removeFromAgenda(ctx.user!, input);
  }

  @Mutation(() => QuorumStatus, { description: 'Board members not conflicted on the application: vote for, against or abstain (again to change it, until the decision). Returns the quorum now.' })
  @Allow(Role.BOARD_MEMBER)
  castVote(@Args('input') input: CastVoteInput, @Ctx() ctx: RequestContext): Promise<QuorumStatus> {
    return this.decisions.castVote(ctx.user!, input);
  }

  @Mutation(() => FundingDecision, {
    description:
      'Admins and non-conflicted board members: record the board’s decision on an agenda item. Needs the reviews, a quorum and a vote that carries it; an approval commits the award against the fund (CONFLICT INSUFFICIENT_FUNDS when it cannot). Supersedes any earlier decision; never changes one.',
  })
  @Allow(Role.ADMIN, Role.BOARD_MEMBER)
  recordFundingDecision(@Args('input') input: RecordDecisionInput, @Ctx() ctx: RequestContext): Promise<FundingDecision> {
    return this.decisions.decide(ctx.user!, input);
  }

  @ResolveField(() => LocalizedText)
  @Allow('SIGNED_IN')
  title(meeting: BoardMeeting): LocalizedText {
    return LocalizedText.of({ en: meeting.titleEn, ko: meeting.titleKo });
  }

  @ResolveField(() => [LocalTime], { complexity: ONE_PER_COUNTRY, description: 'The start in both countries’ zones.' })
  @Allow('SIGNED_IN')
  async startsAtLocal(meeting: BoardMeeting, _args: NoArgs, ctx: RequestContext): Promise<LocalTime[]> {
    return renderInZones(meeting.startsAt, await this.fundingLoaders.zones(ctx).load(meeting.fundId), ctx.user?.language ?? 'en');
  }

  @ResolveField(() => [AgendaItem], { complexity: listOfAtMost(AGENDA_PRICED) })
  @Allow('SIGNED_IN')
  agenda(meeting: BoardMeeting, _args: NoArgs, ctx: RequestContext): Promise<AgendaItem[]> {
    return this.decisions.agenda(ctx, meeting.id);
  }
}
