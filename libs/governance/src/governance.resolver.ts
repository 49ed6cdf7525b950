import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { DataSource, In } from 'typeorm';
import { Allow, Ctx, hasRole, listOfAtMost, LocalizedText, LocalTime, Money, NotFoundError, ONE_PER_COUNTRY, PageArgs, Paginated, renderInZones, RequestContext, requestLoader, Role } from '@app/core';
import { ApplicationsService, Fund, FundApplication, FundingLoaders, fundZones, LedgerService, MAX_CRITERIA } from '@app/funding';
import { Organisation, User } from '@app/identity';
import { BoardService } from './board.service';
import { DecisionsService } from './decisions.service';
import { GovernanceLoaders } from './governance.loaders';
import {
  AgendaItemInput,
  AppointBoardMemberInput,
  AssignReviewersInput,
  CastVoteInput,
  CreateBoardMeetingInput,
  DeclareConflictInput,
  EndBoardMembershipInput,
  MAX_REVIEWERS_PER_CALL,
  RecordDecisionInput,
  SubmitReviewInput,
  UnassignReviewerInput,
  UpdateBoardRulesInput,
} from './dto/governance.inputs';
import { ApplicationConflict, CriterionScore, FundingDecisionSummary, VoteView } from './dto/governance.outputs';
import { AgendaItem, Board, BoardMeeting, BoardMember, ConflictDeclaration, FundingDecision, Review } from './entities/board.entity';
import { QuorumStatus, tally } from './quorum';
import { ReviewSummary } from './review-aggregate';
import { ReviewsService } from './reviews.service';

export const BoardMeetingConnection = Paginated(BoardMeeting);
export const FundingDecisionSummaryConnection = Paginated(FundingDecisionSummary);

/*
 * What the lists below hold at most, for the query cost (libs/core/src/graphql/cost.ts).
 * Boards, agendas and decisions grow only by what admins and the board do, so
 * they are priced at what a bilateral seed fund's board works with, not at a
 * limit the code enforces. A review's scores and the reviewers assigned at once
 * are what their inputs accept (MAX_CRITERIA, MAX_REVIEWERS_PER_CALL).
 */
/**
 * A board's current members: a few per country (the demo board has four).
 * Reviews, conflicts and votes on an application come one per member at most.
 */
const BOARD_SIZE_PRICED = 12;
/** The applications one meeting takes. */
const AGENDA_PRICED = 20;
/** An application's decisions: the first, then one per reconsideration. */
const DECISIONS_PRICED = 5;
/** Current members; with includeFormer, as many again who have left. */
const boardMembersCost = listOfAtMost((args) => (args.includeFormer ? 2 * BOARD_SIZE_PRICED : BOARD_SIZE_PRICED));

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
  members(@Parent() board: Board, @Args('includeFormer', { type: () => Boolean, defaultValue: false }) includeFormer: boolean): Promise<BoardMember[]> {
    return this.boards.members(board.fundId, includeFormer);
  }
}

@Resolver(() => BoardMember)
export class BoardMemberResolver {
  constructor(private readonly dataSource: DataSource) {}

  @ResolveField(() => String)
  @Allow('PUBLIC')
  async displayName(@Parent() member: BoardMember, @Ctx() ctx: RequestContext): Promise<string> {
    const user = await requestLoader(ctx, 'governance.users', async (ids: readonly string[]) => {
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

@Resolver(() => Fund)
export class FundBoardResolver {
  constructor(private readonly boards: BoardService) {}

  @ResolveField(() => Board, { description: 'Its bilateral governance board. Public.' })
  @Allow('PUBLIC')
  board(@Parent() fund: Fund): Promise<Board> {
    return this.boards.board(fund.id);
  }
}

@Resolver(() => FundApplication)
export class ApplicationGovernanceResolver {
  constructor(
    private readonly reviewsService: ReviewsService,
    private readonly loaders: GovernanceLoaders,
    private readonly dataSource: DataSource,
  ) {}

  @Mutation(() => [Review], { complexity: listOfAtMost(MAX_REVIEWERS_PER_CALL), description: 'Admins: assign board members to review an application (never a conflicted one). Once the call’s number is reached it goes UNDER_REVIEW.' })
  @Allow(Role.ADMIN)
  assignReviewers(@Args('input') input: AssignReviewersInput, @Ctx() ctx: RequestContext): Promise<Review[]> {
    return this.reviewsService.assign(ctx.user!, input);
  }

  @Mutation(() => Boolean, { description: 'Admins: take a reviewer off an application before they submit.' })
  @Allow(Role.ADMIN)
  unassignReviewer(@Args('input') input: UnassignReviewerInput, @Ctx() ctx: RequestContext): Promise<boolean> {
    return this.reviewsService.unassign(ctx.user!, input);
  }

  @Mutation(() => Review, { description: 'Assigned reviewers: score every criterion and recommend. Final once submitted.' })
  @Allow(Role.BOARD_MEMBER)
  submitReview(@Args('input') input: SubmitReviewInput, @Ctx() ctx: RequestContext): Promise<Review> {
    return this.reviewsService.submit(ctx.user!, input);
  }

  @ResolveField(() => [Review], { complexity: listOfAtMost(BOARD_SIZE_PRICED), nullable: true, description: 'Admins, and board members not conflicted on it (a reviewer sees the others once theirs is in). NOT_FOUND for anyone else.' })
  @Allow(Role.ADMIN, Role.BOARD_MEMBER)
  reviews(@Parent() application: FundApplication, @Ctx() ctx: RequestContext): Promise<Review[]> {
    return this.reviewsService.visibleTo(ctx, application);
  }

  @ResolveField(() => ReviewSummary, { nullable: true, description: 'The reviews taken together, for those who may read them.' })
  @Allow(Role.ADMIN, Role.BOARD_MEMBER)
  reviewSummary(@Parent() application: FundApplication, @Ctx() ctx: RequestContext): Promise<ReviewSummary> {
    return this.reviewsService.summary(ctx, application);
  }

  @ResolveField(() => [ApplicationConflict], { complexity: listOfAtMost(BOARD_SIZE_PRICED), nullable: true, description: 'Conflicts of interest on it. Admins and its fund’s board.' })
  @Allow(Role.ADMIN, Role.BOARD_MEMBER)
  async conflicts(@Parent() application: FundApplication, @Ctx() ctx: RequestContext): Promise<ApplicationConflict[]> {
    if (!hasRole(ctx.user, Role.ADMIN) && !(await this.loaders.seat(ctx).load(application.fundId))) throw new NotFoundError('conflicts of this application');
    const { conflicts } = await this.loaders.applicationBoard(ctx).load(application.id);
    const members = await Promise.all([...conflicts.keys()].map((id) => this.loaders.member(ctx).load(id)));
    return [...conflicts.values()].map((c, i) => ({ member: members[i], automaticCityIds: c.automaticCityIds, workspaceMember: c.workspaceMember, declaredReason: c.declaredReason }));
  }

  @ResolveField(() => [FundingDecision], { complexity: listOfAtMost(DECISIONS_PRICED), description: 'The board’s decisions on it, oldest first; the last is current.' })
  @Allow('SIGNED_IN')
  decisions(@Parent() application: FundApplication): Promise<FundingDecision[]> {
    return this.dataSource.getRepository(FundingDecision).find({ where: { applicationId: application.id }, order: { recordedAt: 'ASC' } });
  }
}

@Resolver(() => Review)
export class ReviewResolver {
  constructor(private readonly loaders: GovernanceLoaders) {}

  @ResolveField(() => BoardMember)
  @Allow('SIGNED_IN')
  reviewer(@Parent() review: Review, @Ctx() ctx: RequestContext): Promise<BoardMember> {
    return this.loaders.member(ctx).load(review.memberId);
  }

  @ResolveField(() => [CriterionScore], { complexity: listOfAtMost(MAX_CRITERIA) })
  @Allow('SIGNED_IN')
  scores(@Parent() review: Review): CriterionScore[] {
    return review.scores;
  }
}

@Resolver(() => BoardMeeting)
export class MeetingsResolver {
  constructor(
    private readonly decisions: DecisionsService,
    private readonly dataSource: DataSource,
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
  title(@Parent() meeting: BoardMeeting): LocalizedText {
    return LocalizedText.of({ en: meeting.titleEn, ko: meeting.titleKo });
  }

  @ResolveField(() => [LocalTime], { complexity: ONE_PER_COUNTRY, description: 'The start in both countries’ zones.' })
  @Allow('SIGNED_IN')
  async startsAtLocal(@Parent() meeting: BoardMeeting, @Ctx() ctx: RequestContext): Promise<LocalTime[]> {
    return renderInZones(meeting.startsAt, await fundZones(ctx, this.dataSource, meeting.fundId), ctx.user?.language ?? 'en');
  }

  @ResolveField(() => [AgendaItem], { complexity: listOfAtMost(AGENDA_PRICED) })
  @Allow('SIGNED_IN')
  agenda(@Parent() meeting: BoardMeeting): Promise<AgendaItem[]> {
    return this.decisions.agenda(meeting.id);
  }
}

@Resolver(() => AgendaItem)
export class AgendaItemResolver {
  constructor(
    private readonly loaders: GovernanceLoaders,
    private readonly fundingLoaders: FundingLoaders,
  ) {}

  @ResolveField(() => FundApplication)
  @Allow('SIGNED_IN')
  application(@Parent() item: AgendaItem, @Ctx() ctx: RequestContext): Promise<FundApplication> {
    return this.fundingLoaders.application(ctx).load(item.applicationId);
  }

  @ResolveField(() => QuorumStatus, {
    nullable: true,
    description: 'Whether the votes so far make a quorum. Null for a member conflicted on the application: every figure in it comes from the votes.',
  })
  @Allow('SIGNED_IN')
  async quorum(@Parent() item: AgendaItem, @Ctx() ctx: RequestContext): Promise<QuorumStatus | null> {
    const application = await this.fundingLoaders.application(ctx).load(item.applicationId);
    if (!(await this.mayReadVotes(ctx, application))) return null;
    const board = await this.loaders.applicationBoard(ctx).load(application.id);
    const votes = await this.loaders.votes(ctx).load(`${item.meetingId}:${item.applicationId}`);
    return tally(board, votes, await this.loaders.quorumRule(ctx).load(application.fundId)).status;
  }

  @ResolveField(() => [VoteView], { complexity: listOfAtMost(BOARD_SIZE_PRICED), nullable: true, description: 'Each vote so far. NOT_FOUND for a member conflicted on the application.' })
  @Allow('SIGNED_IN')
  async votes(@Parent() item: AgendaItem, @Ctx() ctx: RequestContext): Promise<VoteView[]> {
    const application = await this.fundingLoaders.application(ctx).load(item.applicationId);
    if (!(await this.mayReadVotes(ctx, application))) throw new NotFoundError('votes on this application');
    const votes = await this.loaders.votes(ctx).load(`${item.meetingId}:${item.applicationId}`);
    return votes.map((v) => ({ memberId: v.memberId, countryCode: v.countryCode, choice: v.choice, castAt: v.castAt }));
  }

  /** Admins, and members of the fund's board not conflicted on the application, follow its votes until the decision. */
  private async mayReadVotes(ctx: RequestContext, application: FundApplication): Promise<boolean> {
    return hasRole(ctx.user, Role.ADMIN) || !!(await this.loaders.unconflictedSeat(ctx, application));
  }

  @ResolveField(() => FundingDecision, { nullable: true })
  @Allow('SIGNED_IN')
  decision(@Parent() item: AgendaItem, @Ctx() ctx: RequestContext): Promise<FundingDecision | null> {
    return item.decisionId ? this.loaders.decision(ctx).load(item.decisionId) : Promise.resolve(null);
  }
}

@Resolver(() => FundingDecision)
export class FundingDecisionResolver {
  constructor(
    private readonly decisions: DecisionsService,
    private readonly loaders: GovernanceLoaders,
  ) {}

  @ResolveField(() => [Money], { complexity: ONE_PER_COUNTRY })
  @Allow('SIGNED_IN')
  amounts(@Parent() decision: FundingDecision): Money[] {
    return Object.entries(decision.amounts).map(([currency, amount]) => Money.of(amount, currency));
  }

  @ResolveField(() => LocalizedText)
  @Allow('SIGNED_IN')
  rationale(@Parent() decision: FundingDecision): LocalizedText {
    return LocalizedText.of({ en: decision.rationaleEn, ko: decision.rationaleKo });
  }

  @ResolveField(() => LocalizedText, { nullable: true })
  @Allow('SIGNED_IN')
  conditions(@Parent() decision: FundingDecision): LocalizedText | null {
    return decision.conditionsEn || decision.conditionsKo ? LocalizedText.of({ en: decision.conditionsEn, ko: decision.conditionsKo }) : null;
  }

  @ResolveField(() => [VoteView], { complexity: listOfAtMost(BOARD_SIZE_PRICED), nullable: true, description: 'Each member’s vote. Admins and members of the fund’s board; NOT_FOUND for other board members.' })
  @Allow(Role.ADMIN, Role.BOARD_MEMBER)
  async votes(@Parent() decision: FundingDecision, @Ctx() ctx: RequestContext): Promise<VoteView[]> {
    if (!hasRole(ctx.user, Role.ADMIN) && !(await this.loaders.seat(ctx).load(decision.fundId))) throw new NotFoundError('votes of this decision');
    return decision.votes.map((v) => ({ memberId: v.memberId, countryCode: v.countryCode, choice: v.choice, castAt: decision.recordedAt }));
  }

  @ResolveField(() => ID, { nullable: true, description: 'The later decision that replaced this one, if any.' })
  @Allow('SIGNED_IN')
  supersededByDecisionId(@Parent() decision: FundingDecision, @Ctx() ctx: RequestContext): Promise<string | null> {
    return requestLoader(ctx, 'governance.supersededBy', (ids: readonly string[]) => this.decisions.supersededBy(ids)).load(decision.id);
  }
}

@Resolver(() => FundingDecisionSummary)
export class PublicDecisionsResolver {
  constructor(
    private readonly decisions: DecisionsService,
    private readonly ledger: LedgerService,
    private readonly dataSource: DataSource,
  ) {}

  @Query(() => FundingDecisionSummaryConnection, { description: 'The board’s decisions, newest first: outcome, award and rationale in English and Korean. Public; never the reviews.' })
  @Allow('PUBLIC')
  async fundingDecisions(
    @Args() page: PageArgs,
    @Ctx() ctx: RequestContext,
    @Args('fundId', { type: () => ID, nullable: true }) fundId?: string,
    @Args('applicationId', { type: () => ID, nullable: true }) applicationId?: string,
  ) {
    const connection = await this.decisions.listDecisions({ fundId, applicationId }, page);
    const nodes = await this.summaries(ctx, connection.nodes);
    return { ...connection, nodes, edges: connection.edges.map((e, i) => ({ cursor: e.cursor, node: nodes[i] })) };
  }

  @Query(() => FundingDecisionSummary, { description: 'One decision’s public summary.' })
  @Allow('PUBLIC')
  async fundingDecision(@Args('id', { type: () => ID }) id: string, @Ctx() ctx: RequestContext): Promise<FundingDecisionSummary> {
    return (await this.summaries(ctx, [await this.decisions.decision(id)]))[0];
  }

  private async summaries(ctx: RequestContext, decisions: FundingDecision[]): Promise<FundingDecisionSummary[]> {
    if (!decisions.length) return [];
    const applications = await this.dataSource.getRepository(FundApplication).findBy({ id: In(decisions.map((d) => d.applicationId)) });
    const supersededBy = await this.decisions.supersededBy(decisions.map((d) => d.id));
    const outstandingOf = await this.ledger.outstandingMany(this.dataSource.manager, decisions.map((d) => d.applicationId));
    return Promise.all(
      decisions.map(async (d, i) => {
        const application = applications.find((a) => a.id === d.applicationId)!;
        const outstanding = outstandingOf.get(application.id)!;
        return Object.assign(new FundingDecisionSummary(), {
          applicationStatus: application.status,
          currentAward: [...outstanding].map(([currency, amount]) => Money.of(amount, currency)),
          id: d.id,
          fundId: d.fundId,
          outcome: d.outcome,
          title: LocalizedText.of({ en: application.titleEn, ko: application.titleKo }),
          cityIds: application.cityIds,
          amounts: Object.entries(d.amounts).map(([currency, amount]) => Money.of(amount, currency)),
          rationale: LocalizedText.of({ en: d.rationaleEn, ko: d.rationaleKo }),
          decidedAt: d.recordedAt,
          decidedAtLocal: renderInZones(d.recordedAt, await fundZones(ctx, this.dataSource, d.fundId), ctx.user?.language ?? 'en'),
          supersedesDecisionId: d.supersedesDecisionId,
          supersededByDecisionId: supersededBy[i],
        });
      }),
    );
  }
}
