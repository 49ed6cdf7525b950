import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { Allow, Clock, Ctx, hasRole, listOfAtMost, LocalizedText, LocalTime, Money, NotFoundError, ONE_PER_COUNTRY, PageArgs, Paginated, renderInZones, RequestContext, requestLoader, Role } from '@app/core';
import { ApplicationLifecycleService } from './application-lifecycle.service';
import { actionsFor, APPLICATION_ACTIONS } from './application-states';
import { ApplicationsService } from './applications.service';
import { FundAuditService } from './audit.service';
import {
  ApplicationFilter,
  ApplicationStepInput,
  AuditFilter,
  CloseAwardInput,
  ContributionInput,
  CreateApplicationInput,
  CreateCallInput,
  CreateFundInput,
  MAX_APPLICATION_MILESTONES,
  MAX_APPLICATION_OBJECTIVES,
  MAX_BUDGET_LINES,
  MAX_CRITERIA,
  UpdateApplicationInput,
  UpdateCallInput,
  UpdateFundInput,
} from './dto/funding.inputs';
import { ApplicationMilestone, Criterion, ExchangeRate, FundBalanceView, FundReconciliation } from './dto/funding.outputs';
import { checkEligibility, EligibilityCheck } from './eligibility';
import { ApplicationBudgetLine, ApplicationTransition, FundApplication, FundAuditEntry } from './entities/application.entity';
import { Fund, FundCall, LedgerEntry, LedgerEntryKind } from './entities/fund.entity';
import { FundBoardDirectory } from './fund-board-directory';
import { fundZones } from './fund-zones';
import { FundingLoaders } from './funding.loaders';
import { FundsService } from './funds.service';
import { LedgerService } from './ledger.service';
import { sumByCurrency } from '@app/rules';

export const FundConnection = Paginated(Fund);
export const FundCallConnection = Paginated(FundCall);
export const FundApplicationConnection = Paginated(FundApplication);
export const LedgerEntryConnection = Paginated(LedgerEntry);
export const FundAuditEntryConnection = Paginated(FundAuditEntry);

/*
 * What the lists below hold at most, for the query cost (libs/core/src/graphql/cost.ts).
 * Lists of money, rates, balances and local times have one item per currency or zone
 * of the fund's two countries (ONE_PER_COUNTRY); a call's criteria and an application's
 * lists hold what their inputs accept (MAX_* in dto/funding.inputs).
 */
/** The rules checkEligibility applies. */
const ELIGIBILITY_RULES = 7;
/**
 * An application's changes of status: the way through has seven (submitted to
 * closed); each return to its applicants or decision taken again adds one or
 * two, which only admins and the board can do. Priced at 20.
 */
const TRANSITIONS_PRICED = 20;

@Resolver(() => Fund)
export class FundsResolver {
  constructor(
    private readonly fundsService: FundsService,
    private readonly ledgerService: LedgerService,
    private readonly audit: FundAuditService,
    private readonly board: FundBoardDirectory,
  ) {}

  @Query(() => FundConnection, { description: 'Every fund, newest first. Public.' })
  @Allow('PUBLIC')
  funds(@Args() page: PageArgs) {
    return this.fundsService.list(page);
  }

  @Query(() => Fund, { description: 'A fund. Public.' })
  @Allow('PUBLIC')
  fund(@Args('id', { type: () => ID }) id: string): Promise<Fund> {
    return this.fundsService.get(id);
  }

  @Mutation(() => Fund, { description: 'Admins: set up a fund for two contributing countries; it holds each one’s currency.' })
  @Allow(Role.ADMIN)
  createFund(@Args('input') input: CreateFundInput, @Ctx() ctx: RequestContext): Promise<Fund> {
    return this.fundsService.create(ctx.user!, input);
  }

  @Mutation(() => Fund, { description: 'Admins: rename or redescribe a fund.' })
  @Allow(Role.ADMIN)
  updateFund(@Args('input') input: UpdateFundInput, @Ctx() ctx: RequestContext): Promise<Fund> {
    return this.fundsService.update(ctx.user!, input);
  }

  @Mutation(() => LedgerEntry, { description: "Admins: record a government's payment into the fund, in its own currency." })
  @Allow(Role.ADMIN)
  recordContribution(@Args('input') input: ContributionInput, @Ctx() ctx: RequestContext): Promise<LedgerEntry> {
    return this.fundsService.moveContribution(ctx.user!, input, LedgerEntryKind.CONTRIBUTION);
  }

  @Mutation(() => LedgerEntry, { description: 'Admins: pay money back to a contributing government, from what is available (CONFLICT INSUFFICIENT_FUNDS otherwise).' })
  @Allow(Role.ADMIN)
  returnContribution(@Args('input') input: ContributionInput, @Ctx() ctx: RequestContext): Promise<LedgerEntry> {
    return this.fundsService.moveContribution(ctx.user!, input, LedgerEntryKind.RETURN);
  }

  @ResolveField(() => LocalizedText)
  @Allow('PUBLIC')
  name(@Parent() fund: Fund): LocalizedText {
    return LocalizedText.of({ en: fund.nameEn, ko: fund.nameKo });
  }

  @ResolveField(() => LocalizedText)
  @Allow('PUBLIC')
  description(@Parent() fund: Fund): LocalizedText {
    return LocalizedText.of({ en: fund.descriptionEn, ko: fund.descriptionKo });
  }

  @ResolveField(() => [FundBalanceView], { complexity: ONE_PER_COUNTRY, description: 'What it holds, per currency. Public.' })
  @Allow('PUBLIC')
  async balances(@Parent() fund: Fund, @Ctx() ctx: RequestContext): Promise<FundBalanceView[]> {
    const rows = await requestLoader(ctx, 'funding.balances', async (ids: readonly string[]) => {
      const all = await this.ledgerService.balances(ids);
      return ids.map((id) => all.filter((b) => b.fundId === id));
    }).load(fund.id);
    return rows.map((b) => {
      const currency = b.currency.trim();
      return {
        currency,
        contributed: Money.of(b.contributedMinor, currency),
        returned: Money.of(b.returnedMinor, currency),
        committed: Money.of(b.committedMinor, currency),
        released: Money.of(b.releasedMinor, currency),
        available: Money.of(b.availableMinor, currency),
      };
    });
  }

  @ResolveField(() => FundCallConnection, { description: 'Its calls, closing soonest first; open: true for those taking submissions now.' })
  @Allow('PUBLIC')
  calls(@Parent() fund: Fund, @Args() page: PageArgs, @Args('open', { nullable: true, type: () => Boolean }) open?: boolean) {
    return this.fundsService.listCalls({ fundId: fund.id, open }, page);
  }

  @ResolveField(() => LedgerEntryConnection, { nullable: true, description: 'Every movement of money, newest first. Admins and the fund’s board.' })
  @Allow(Role.ADMIN, Role.BOARD_MEMBER)
  async ledger(@Parent() fund: Fund, @Args() page: PageArgs, @Ctx() ctx: RequestContext) {
    await this.requireOverseer(ctx, fund);
    return this.fundsService.ledgerEntries(fund.id, page);
  }

  @ResolveField(() => [FundReconciliation], { complexity: ONE_PER_COUNTRY, nullable: true, description: 'The ledger checked against the balances. Admins and the fund’s board.' })
  @Allow(Role.ADMIN, Role.BOARD_MEMBER)
  async reconciliation(@Parent() fund: Fund, @Ctx() ctx: RequestContext): Promise<FundReconciliation[]> {
    await this.requireOverseer(ctx, fund);
    return (await this.ledgerService.reconcile(fund.id)).map((r) => ({
      currency: r.currency,
      fromLedger: Money.of(r.contributedMinor - r.returnedMinor - r.committedMinor + r.releasedMinor, r.currency),
      available: Money.of(r.availableMinor, r.currency),
      reconciles: r.reconciles,
    }));
  }

  @ResolveField(() => FundAuditEntryConnection, {
    nullable: true,
    description: 'Who did what and when, newest first. Admins, and the fund’s board (without drafts and without applications they are conflicted on); as CSV at /funds/{id}/audit.csv.',
  })
  @Allow(Role.ADMIN, Role.BOARD_MEMBER)
  // The optional argument comes last and is declared `?:`, so its class reaches the validation pipe whatever the compiler.
  async auditLog(@Parent() fund: Fund, @Args() page: PageArgs, @Ctx() ctx: RequestContext, @Args('filter', { nullable: true, type: () => AuditFilter }) filter?: AuditFilter) {
    await this.requireOverseer(ctx, fund);
    const redaction = hasRole(ctx.user, Role.ADMIN) ? undefined : await this.board.auditRedaction(ctx.user!.id, fund.id);
    return this.audit.list(fund.id, filter ?? {}, page, redaction);
  }

  /** Admins, and members of this fund's board: anyone else is told the log does not exist. */
  private async requireOverseer(ctx: RequestContext, fund: Fund): Promise<void> {
    if (hasRole(ctx.user, Role.ADMIN)) return;
    if (ctx.user && (await this.board.fundsWhereMember(ctx.user.id)).includes(fund.id)) return;
    throw new NotFoundError('fund audit log');
  }
}

@Resolver(() => LedgerEntry)
export class LedgerEntryResolver {
  @ResolveField(() => Money)
  @Allow('PUBLIC')
  amount(@Parent() entry: LedgerEntry): Money {
    return Money.of(entry.amountMinor, entry.currency.trim());
  }
}

@Resolver(() => FundCall)
export class FundCallsResolver {
  constructor(
    private readonly funds: FundsService,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  @Query(() => FundCallConnection, { description: 'Calls, closing soonest first; open: true for those taking submissions now. Public.' })
  @Allow('PUBLIC')
  fundCalls(@Args() page: PageArgs, @Args('fundId', { nullable: true, type: () => ID }) fundId?: string, @Args('open', { nullable: true, type: () => Boolean }) open?: boolean) {
    return this.funds.listCalls({ fundId, open }, page);
  }

  @Query(() => FundCall, { description: 'A call. Public.' })
  @Allow('PUBLIC')
  fundCall(@Args('id', { type: () => ID }) id: string): Promise<FundCall> {
    return this.funds.getCall(id);
  }

  @Mutation(() => FundCall, { description: 'Admins: open a call on a fund, with its rules and assessment criteria.' })
  @Allow(Role.ADMIN)
  createFundCall(@Args('input') input: CreateCallInput, @Ctx() ctx: RequestContext): Promise<FundCall> {
    return this.funds.createCall(ctx.user!, input);
  }

  @Mutation(() => FundCall, { description: 'Admins: edit a call’s texts, move its close, or (before it opens) its opening.' })
  @Allow(Role.ADMIN)
  updateFundCall(@Args('input') input: UpdateCallInput, @Ctx() ctx: RequestContext): Promise<FundCall> {
    return this.funds.updateCall(ctx.user!, input);
  }

  @ResolveField(() => Fund)
  @Allow('PUBLIC')
  fund(@Parent() call: FundCall): Promise<Fund> {
    return this.funds.get(call.fundId);
  }

  @ResolveField(() => LocalizedText)
  @Allow('PUBLIC')
  title(@Parent() call: FundCall): LocalizedText {
    return LocalizedText.of({ en: call.titleEn, ko: call.titleKo });
  }

  @ResolveField(() => LocalizedText)
  @Allow('PUBLIC')
  guidance(@Parent() call: FundCall): LocalizedText {
    return LocalizedText.of({ en: call.guidanceEn, ko: call.guidanceKo });
  }

  @ResolveField(() => [LocalTime], { complexity: ONE_PER_COUNTRY, description: 'The opening in both countries’ zones.' })
  @Allow('PUBLIC')
  async opensAtLocal(@Parent() call: FundCall, @Ctx() ctx: RequestContext): Promise<LocalTime[]> {
    return renderInZones(call.opensAt, await fundZones(ctx, this.dataSource, call.fundId), ctx.user?.language ?? 'en');
  }

  @ResolveField(() => [LocalTime], { complexity: ONE_PER_COUNTRY, description: 'The close in both countries’ zones.' })
  @Allow('PUBLIC')
  async closesAtLocal(@Parent() call: FundCall, @Ctx() ctx: RequestContext): Promise<LocalTime[]> {
    return renderInZones(call.closesAt, await fundZones(ctx, this.dataSource, call.fundId), ctx.user?.language ?? 'en');
  }

  @ResolveField(() => Boolean, { description: 'Taking submissions now, by the server clock.' })
  @Allow('PUBLIC')
  isOpen(@Parent() call: FundCall): boolean {
    const now = this.clock.now().getTime();
    return call.opensAt.getTime() <= now && now < call.closesAt.getTime();
  }

  @ResolveField(() => [Money], { complexity: ONE_PER_COUNTRY, description: 'The most one award may have, per currency.' })
  @Allow('PUBLIC')
  maxAward(@Parent() call: FundCall): Money[] {
    return Object.entries(call.maxAwardMinor).map(([currency, amount]) => Money.of(amount, currency));
  }

  @ResolveField(() => [ExchangeRate], { complexity: ONE_PER_COUNTRY })
  @Allow('PUBLIC')
  exchangeRates(@Parent() call: FundCall): ExchangeRate[] {
    return Object.entries(call.exchangeRates).map(([currency, unitsPerReference]) => ({ currency, unitsPerReference }));
  }

  @ResolveField(() => [Criterion], { complexity: listOfAtMost(MAX_CRITERIA) })
  @Allow('PUBLIC')
  criteria(@Parent() call: FundCall): Criterion[] {
    return call.criteria.map((c) => ({ key: c.key, title: LocalizedText.of(c.title), weight: c.weight }));
  }
}

@Resolver(() => FundApplication)
export class ApplicationsResolver {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly lifecycle: ApplicationLifecycleService,
    private readonly loaders: FundingLoaders,
    private readonly ledger: LedgerService,
    private readonly dataSource: DataSource,
  ) {}

  @Query(() => FundApplication, { description: "An application: its workspace's members, fund admins and, once submitted, the fund's board. NOT_FOUND for anyone else." })
  @Allow('PUBLIC')
  async fundApplication(@Args('id', { type: () => ID }) id: string, @Ctx() ctx: RequestContext): Promise<FundApplication> {
    return (await this.applications.get(ctx.user, id)).application;
  }

  @Query(() => FundApplicationConnection, { description: 'The applications you may see, most recently changed first.' })
  @Allow('SIGNED_IN')
  fundApplications(@Args() page: PageArgs, @Ctx() ctx: RequestContext, @Args('filter', { nullable: true, type: () => ApplicationFilter }) filter?: ApplicationFilter) {
    return this.applications.list(ctx.user!, filter ?? {}, page);
  }

  @Mutation(() => FundApplication, { description: "Workspace leads: start a draft application to a call, for one of the workspace's projects." })
  @Allow('SIGNED_IN')
  createFundApplication(@Args('input') input: CreateApplicationInput, @Ctx() ctx: RequestContext): Promise<FundApplication> {
    return this.applications.create(ctx.user!, input);
  }

  @Mutation(() => FundApplication, { description: 'Workspace leads: edit a draft. CONFLICT (LOCKED) once submitted, (STALE_VERSION) when someone else changed it.' })
  @Allow('SIGNED_IN')
  updateFundApplication(@Args('input') input: UpdateApplicationInput, @Ctx() ctx: RequestContext): Promise<FundApplication> {
    return this.applications.update(ctx.user!, input);
  }

  @Mutation(() => FundApplication, { description: 'Workspace leads: submit a draft that meets every rule of the call, before it closes (server clock). Locks the content.' })
  @Allow('SIGNED_IN')
  submitFundApplication(@Args('input') input: ApplicationStepInput, @Ctx() ctx: RequestContext): Promise<FundApplication> {
    return this.lifecycle.submit(ctx.user!, input);
  }

  @Mutation(() => FundApplication, { description: 'Workspace leads: withdraw an application not yet decided, saying why.' })
  @Allow('SIGNED_IN')
  withdrawFundApplication(@Args('input') input: ApplicationStepInput, @Ctx() ctx: RequestContext): Promise<FundApplication> {
    return this.lifecycle.withdraw(ctx.user!, input);
  }

  @Mutation(() => FundApplication, { description: 'Workspace leads: accept an approved award and its conditions.' })
  @Allow('SIGNED_IN')
  acceptFundAward(@Args('input') input: ApplicationStepInput, @Ctx() ctx: RequestContext): Promise<FundApplication> {
    return this.lifecycle.acceptAward(ctx.user!, input);
  }

  @Mutation(() => FundApplication, { description: 'Workspace leads: turn an award down, saying why; its money goes back to the fund.' })
  @Allow('SIGNED_IN')
  declineFundAward(@Args('input') input: ApplicationStepInput, @Ctx() ctx: RequestContext): Promise<FundApplication> {
    return this.lifecycle.declineAward(ctx.user!, input);
  }

  @Mutation(() => FundApplication, { description: 'Admins: send a submitted application back to its applicants as a draft, saying what to fix.' })
  @Allow(Role.ADMIN)
  returnFundApplication(@Args('input') input: ApplicationStepInput, @Ctx() ctx: RequestContext): Promise<FundApplication> {
    return this.lifecycle.returnToApplicant(ctx.user!, input);
  }

  @Mutation(() => FundApplication, { description: 'Admins: confirm a submitted application is eligible (the call’s rules are checked again).' })
  @Allow(Role.ADMIN)
  confirmFundApplicationEligibility(@Args('input') input: ApplicationStepInput, @Ctx() ctx: RequestContext): Promise<FundApplication> {
    return this.lifecycle.confirmEligibility(ctx.user!, input);
  }

  @Mutation(() => FundApplication, { description: 'Admins: an accepted award goes into delivery (grant agreement signed).' })
  @Allow(Role.ADMIN)
  startFundAwardDelivery(@Args('input') input: ApplicationStepInput, @Ctx() ctx: RequestContext): Promise<FundApplication> {
    return this.lifecycle.startDelivery(ctx.user!, input);
  }

  @Mutation(() => FundApplication, { description: 'Admins: close an award in delivery with what was spent; the underspend goes back to the fund.' })
  @Allow(Role.ADMIN)
  closeFundAward(@Args('input') input: CloseAwardInput, @Ctx() ctx: RequestContext): Promise<FundApplication> {
    return this.lifecycle.closeAward(ctx.user!, input);
  }

  @ResolveField(() => FundCall)
  @Allow('SIGNED_IN')
  call(@Parent() application: FundApplication, @Ctx() ctx: RequestContext): Promise<FundCall> {
    return this.loaders.call(ctx).load(application.callId);
  }

  @ResolveField(() => LocalizedText)
  @Allow('SIGNED_IN')
  title(@Parent() a: FundApplication): LocalizedText {
    return LocalizedText.of({ en: a.titleEn, ko: a.titleKo });
  }

  @ResolveField(() => LocalizedText)
  @Allow('SIGNED_IN')
  summary(@Parent() a: FundApplication): LocalizedText {
    return LocalizedText.of({ en: a.summaryEn, ko: a.summaryKo });
  }

  @ResolveField(() => LocalizedText)
  @Allow('SIGNED_IN')
  routeToBusinessAsUsual(@Parent() a: FundApplication): LocalizedText {
    return LocalizedText.of({ en: a.routeToBauEn, ko: a.routeToBauKo });
  }

  @ResolveField(() => [LocalizedText], { complexity: listOfAtMost(MAX_APPLICATION_OBJECTIVES) })
  @Allow('SIGNED_IN')
  objectives(@Parent() a: FundApplication): LocalizedText[] {
    return a.objectives.map((o) => LocalizedText.of(o));
  }

  @ResolveField(() => [ApplicationMilestone], { complexity: listOfAtMost(MAX_APPLICATION_MILESTONES) })
  @Allow('SIGNED_IN')
  milestones(@Parent() a: FundApplication): ApplicationMilestone[] {
    return a.milestones.map((m) => ({ title: LocalizedText.of(m.title), dueDate: m.dueDate }));
  }

  @ResolveField(() => [ApplicationBudgetLine], { complexity: listOfAtMost(MAX_BUDGET_LINES) })
  @Allow('SIGNED_IN')
  budgetLines(@Parent() a: FundApplication, @Ctx() ctx: RequestContext): Promise<ApplicationBudgetLine[]> {
    return this.loaders.lines(ctx).load(a.id);
  }

  @ResolveField(() => [Money], { complexity: ONE_PER_COUNTRY, description: 'What the two sides ask for, per currency.' })
  @Allow('SIGNED_IN')
  async requested(@Parent() a: FundApplication, @Ctx() ctx: RequestContext): Promise<Money[]> {
    return [...sumByCurrency(await this.loaders.lines(ctx).load(a.id))].map(([currency, amount]) => Money.of(amount, currency));
  }

  @ResolveField(() => [Money], { complexity: ONE_PER_COUNTRY, description: 'What the fund has committed to it and not released, per currency.' })
  @Allow('SIGNED_IN')
  async award(@Parent() a: FundApplication, @Ctx() ctx: RequestContext): Promise<Money[]> {
    const outstanding = await requestLoader(ctx, 'funding.outstanding', async (ids: readonly string[]) => {
      const all = await this.ledger.outstandingMany(this.dataSource.manager, ids);
      return ids.map((id) => all.get(id)!);
    }).load(a.id);
    return [...outstanding].map(([currency, amount]) => Money.of(amount, currency));
  }

  @ResolveField(() => [EligibilityCheck], { complexity: listOfAtMost(ELIGIBILITY_RULES), description: 'Every rule of the call, applied to it as it stands now.' })
  @Allow('SIGNED_IN')
  async eligibility(@Parent() a: FundApplication, @Ctx() ctx: RequestContext): Promise<EligibilityCheck[]> {
    // On the pool, not a transaction: the two loaders may run at once.
    const [facts, lines] = await Promise.all([this.loaders.eligibilityFacts(ctx).load(a.id), this.loaders.lines(ctx).load(a.id)]);
    return checkEligibility({ ...facts, lines });
  }

  @ResolveField(() => [ApplicationTransition], { complexity: listOfAtMost(TRANSITIONS_PRICED), description: 'Every change of status, oldest first.' })
  @Allow('SIGNED_IN')
  transitions(@Parent() a: FundApplication): Promise<ApplicationTransition[]> {
    return this.dataSource.getRepository(ApplicationTransition).find({ where: { applicationId: a.id }, order: { id: 'ASC' } });
  }

  @ResolveField(() => [String], { description: `What may happen to it next, by the state machine and its decision's outcome (not who may do it): ${Object.keys(APPLICATION_ACTIONS).join(', ')}.` })
  @Allow('SIGNED_IN')
  nextSteps(@Parent() a: FundApplication): string[] {
    return actionsFor(a.status, a.outcome);
  }
}

@Resolver(() => ApplicationBudgetLine)
export class ApplicationBudgetLineResolver {
  @ResolveField(() => Money)
  @Allow('SIGNED_IN')
  amount(@Parent() line: ApplicationBudgetLine): Money {
    return Money.of(line.amountMinor, line.currency.trim());
  }
}
