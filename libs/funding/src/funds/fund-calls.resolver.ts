import { ID, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import {
  Allow,
  Args,
  Clock,
  Ctx,
  listOfAtMost,
  LocalizedText,
  LocalTime,
  Money,
  NoArgs,
  ONE_PER_COUNTRY,
  PageArgs,
  renderInZones,
  RequestContext,
  Role,
} from '@app/core';
import {
  CreateCallInput,
  MAX_CRITERIA,
  UpdateCallInput,
} from '../dto/funding.inputs';
import { Criterion, ExchangeRate } from '../dto/funding.outputs';
import { Fund } from './fund.entity';
import { FundCall } from './fund-call.entity';
import { FundsService } from './funds.service';
import { FundCallConnection } from '../funding.lists';
import { FundingLoaders } from '../funding.loaders';

@Resolver(() => FundCall)
export class FundCallsResolver {
  constructor(
    private readonly funds: FundsService,
    private readonly dataSource: DataSource,
    private readonly fundingLoaders: FundingLoaders,
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

  @Mutation(() => FundCall, { description: 'Admins: edit a call’s texts or move its close; before it opens, its opening and its rules too (CONFLICT CALL_OPEN after).' })
  @Allow(Role.ADMIN)
  updateFundCall(@Args('input') input: UpdateCallInput, @Ctx() ctx: RequestContext): Promise<FundCall> {
    return this.funds.updateCall(ctx.user!, input);
  }

  @ResolveField(() => Fund)
  @Allow('PUBLIC')
  fund(call: FundCall): Promise<Fund> {
    return this.funds.get(call.fundId);
  }

  @ResolveField(() => LocalizedText)
  @Allow('PUBLIC')
  title(call: FundCall): LocalizedText {
    return LocalizedText.of({ en: call.titleEn, ko: call.titleKo });
  }

  @ResolveField(() => LocalizedText)
  @Allow('PUBLIC')
  guidance(call: FundCall): LocalizedText {
    return LocalizedText.of({ en: call.guidanceEn, ko: call.guidanceKo });
  }

  @ResolveField(() => [LocalTime], { complexity: ONE_PER_COUNTRY, description: 'The opening in both countries’ zones.' })
  @Allow('PUBLIC')
  async opensAtLocal(call: FundCall, _args: NoArgs, ctx: RequestContext): Promise<LocalTime[]> {
    return renderInZones(call.opensAt, await this.fundingLoaders.zones(ctx).load(call.fundId), ctx.user?.language ?? 'en');
  }

  @ResolveField(() => [LocalTime], { complexity: ONE_PER_COUNTRY, description: 'The close in both countries’ zones.' })
  @Allow('PUBLIC')
  async closesAtLocal(call: FundCall, _args: NoArgs, ctx: RequestContext): Promise<LocalTime[]> {
    return renderInZones(call.closesAt, await this.fundingLoaders.zones(ctx).load(call.fundId), ctx.user?.language ?? 'en');
  }

  @ResolveField(() => Boolean, { description: 'Taking submissions now, by the server clock.' })
  @Allow('PUBLIC')
  isOpen(call: FundCall): boolean {
    const now = this.clock.now().getTime();
    return call.opensAt.getTime() <= now && now < call.closesAt.getTime();
  }

  @ResolveField(() => [Money], { complexity: ONE_PER_COUNTRY, description: 'The most one award may have, per currency.' })
  @Allow('PUBLIC')
  maxAward(call: FundCall): Money[] {
    return Object.entries(call.maxAwardMinor).map(([currency, amount]) => Money.of(amount, currency));
  }

  @ResolveField(() => [ExchangeRate], { complexity: ONE_PER_COUNTRY })
  @Allow('PUBLIC')
  exchangeRates(call: FundCall): ExchangeRate[] {
    return Object.entries(call.exchangeRates).map(([currency, unitsPerReference]) => ({ currency, unitsPerReference }));
  }

  @ResolveField(() => [Criterion], { complexity: listOfAtMost(MAX_CRITERIA) })
  @Allow('PUBLIC')
  criteria(call: FundCall): Criterion[] {
    return call.criteria.map((c) => ({ key: c.key, title: LocalizedText.of(c.title), weight: c.weight }));
  }
}
