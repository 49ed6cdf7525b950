import { ID, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { DataSource, In } from 'typeorm';
import { Allow, Args, Ctx, listOfAtMost, LocalizedText, Money, NoArgs, ONE_PER_COUNTRY, PageArgs, RequestContext, requestLoader, Role } from '@app/core';
import { ApplicationLifecycleService } from './application-lifecycle.service';
import { actionsFor, APPLICATION_ACTIONS } from './application-states';
import { ApplicationsService } from './applications.service';
import {
  ApplicationFilter,
  ApplicationStepInput,
  CloseAwardInput,
  CreateApplicationInput,
  MAX_APPLICATION_MILESTONES,
  MAX_APPLICATION_OBJECTIVES,
  MAX_BUDGET_LINES,
  UpdateApplicationInput,
} from '../dto/funding.inputs';
import { ApplicationMilestone } from '../dto/funding.outputs';
import { checkEligibility, checksIn, EligibilityCheck } from './eligibility';
import { ApplicationBudgetLine } from './application-budget-line.entity';
import { ApplicationTransition } from './application-transition.entity';
import { FundApplication } from './fund-application.entity';
import { Fund } from '../funds/fund.entity';
import { FundCall } from '../funds/fund-call.entity';
import { FundingLoaders } from '../funding.loaders';
import { LedgerService } from '../ledger/ledger.service';
import { sumByCurrency } from '@app/rules';
import { FundApplicationConnection, ELIGIBILITY_RULES, TRANSITIONS_PRICED } from '../funding.lists';

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
  call(application: FundApplication, _args: NoArgs, ctx: RequestContext): Promise<FundCall> {
    return this.loaders.call(ctx).load(application.callId);
  }

  @ResolveField(() => Fund)
  @Allow('SIGNED_IN')
  fund(application: FundApplication, _args: NoArgs, ctx: RequestContext): Promise<Fund> {
    return this.loaders.fund(ctx).load(application.fundId);
  }

  @ResolveField(() => LocalizedText)
  @Allow('SIGNED_IN')
  title(a: FundApplication): LocalizedText {
    return LocalizedText.of({ en: a.titleEn, ko: a.titleKo });
  }

  @ResolveField(() => LocalizedText)
  @Allow('SIGNED_IN')
  summary(a: FundApplication): LocalizedText {
    return LocalizedText.of({ en: a.summaryEn, ko: a.summaryKo });
  }

  @ResolveField(() => LocalizedText)
  @Allow('SIGNED_IN')
  routeToBusinessAsUsual(a: FundApplication): LocalizedText {
    return LocalizedText.of({ en: a.routeToBauEn, ko: a.routeToBauKo });
  }

  @ResolveField(() => [LocalizedText], { complexity: listOfAtMost(MAX_APPLICATION_OBJECTIVES) })
  @Allow('SIGNED_IN')
  objectives(a: FundApplication): LocalizedText[] {
    return a.objectives.map((o) => LocalizedText.of(o));
  }

  @ResolveField(() => [ApplicationMilestone], { complexity: listOfAtMost(MAX_APPLICATION_MILESTONES) })
  @Allow('SIGNED_IN')
  milestones(a: FundApplication): ApplicationMilestone[] {
    return a.milestones.map((m) => ({ title: LocalizedText.of(m.title), dueDate: m.dueDate }));
  }

  @ResolveField(() => [ApplicationBudgetLine], { complexity: listOfAtMost(MAX_BUDGET_LINES) })
  @Allow('SIGNED_IN')
  budgetLines(a: FundApplication, _args: NoArgs, ctx: RequestContext): Promise<ApplicationBudgetLine[]> {
    return this.loaders.lines(ctx).load(a.id);
  }

  @ResolveField(() => [Money], { complexity: ONE_PER_COUNTRY, description: 'What the two sides ask for, per currency.' })
  @Allow('SIGNED_IN')
  async requested(a: FundApplication, _args: NoArgs, ctx: RequestContext): Promise<Money[]> {
    return [...sumByCurrency(await this.loaders.lines(ctx).load(a.id))].map(([currency, amount]) => Money.of(amount, currency));
  }

  @ResolveField(() => [Money], { complexity: ONE_PER_COUNTRY, description: 'What the fund has committed to it and not released, per currency.' })
  @Allow('SIGNED_IN')
  async award(a: FundApplication, _args: NoArgs, ctx: RequestContext): Promise<Money[]> {
    const outstanding = await requestLoader(ctx, 'funding.outstanding', async (ids: readonly string[]) => {
      const all = await this.ledger.outstandingMany(this.dataSource.manager, ids);
      return ids.map((id) => all.get(id)!);
    }).load(a.id);
    return [...outstanding].map(([currency, amount]) => Money.of(amount, currency));
  }

  @ResolveField(() => [EligibilityCheck], { complexity: listOfAtMost(ELIGIBILITY_RULES), description: 'Every rule of the call, applied to it as it stands now.' })
  @Allow('SIGNED_IN')
  async eligibility(a: FundApplication, _args: NoArgs, ctx: RequestContext): Promise<EligibilityCheck[]> {
    // On the pool, not a transaction: the two loaders may run at once.
    const [facts, lines] = await Promise.all([this.loaders.eligibilityFacts(ctx).load(a.id), this.loaders.lines(ctx).load(a.id)]);
    return checksIn(checkEligibility({ ...facts, lines }), ctx.language);
  }

  @ResolveField(() => [ApplicationTransition], { complexity: listOfAtMost(TRANSITIONS_PRICED), description: 'Every change of status, oldest first.' })
  @Allow('SIGNED_IN')
  transitions(a: FundApplication, _args: NoArgs, ctx: RequestContext): Promise<ApplicationTransition[]> {
    return requestLoader<string, ApplicationTransition[]>(ctx, 'funding.transitions', async (ids) => {
      const transitions = await this.dataSource.getRepository(ApplicationTransition).find({ where: { applicationId: In([...ids]) }, order: { id: 'ASC' } });
      return ids.map((id) => transitions.filter((t) => t.applicationId === id));
    }).load(a.id);
  }

  @ResolveField(() => [String], { description: `What may happen to it next, by the state machine and its decision's outcome (not who may do it): ${Object.keys(APPLICATION_ACTIONS).join(', ')}.` })
  @Allow('SIGNED_IN')
  nextSteps(a: FundApplication): string[] {
    return actionsFor(a.status, a.outcome);
  }
}
