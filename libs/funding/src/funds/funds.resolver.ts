import { ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  Allow,
  Args,
  Ctx,
  hasRole,
  LocalizedText,
  Money,
  NoArgs,
  NotFoundError,
  ONE_PER_COUNTRY,
  PageArgs,
  RequestContext,
  requestLoader,
  Role,
} from '@app/core';
import { FundAuditService } from '../audit/audit.service';
import {
  AuditFilter,
  ContributionInput,
  CreateFundInput,
  UpdateFundInput,
} from '../dto/funding.inputs';
import { FundBalanceView, FundReconciliation } from '../dto/funding.outputs';
import { Fund } from './fund.entity';
import { LedgerEntry, LedgerEntryKind } from '../ledger/ledger-entry.entity';
import { BoardService } from '../board/board.service';
import { FundsService } from './funds.service';
import { LedgerService } from '../ledger/ledger.service';
import { FundConnection, FundCallConnection, LedgerEntryConnection, FundAuditEntryConnection } from '../funding.lists';

@Resolver(() => Fund)
export class FundsResolver {
  constructor(
    private readonly fundsService: FundsService,
    private readonly ledgerService: LedgerService,
    private readonly audit: FundAuditService,
    private readonly board: BoardService,
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
  name(fund: Fund): LocalizedText {
    return LocalizedText.of({ en: fund.nameEn, ko: fund.nameKo });
  }

  @ResolveField(() => LocalizedText)
  @Allow('PUBLIC')
  description(fund: Fund): LocalizedText {
    return LocalizedText.of({ en: fund.descriptionEn, ko: fund.descriptionKo });
  }

  @ResolveField(() => [FundBalanceView], { complexity: ONE_PER_COUNTRY, description: 'What it holds, per currency. Public.' })
  @Allow('PUBLIC')
  async balances(fund: Fund, _args: NoArgs, ctx: RequestContext): Promise<FundBalanceView[]> {
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
  calls(@Parent() fund: Fund, @Args() page: PageArgs, @Ctx() ctx: RequestContext, @Args('open', { nullable: true, type: () => Boolean }) open?: boolean) {
    return this.fundsService.callsOfFund(ctx, fund.id, open, page);
  }

  @ResolveField(() => LedgerEntryConnection, { nullable: true, description: 'Every movement of money, newest first. Admins and the fund’s board.' })
  @Allow(Role.ADMIN, Role.BOARD_MEMBER)
  async ledger(@Parent() fund: Fund, @Args() page: PageArgs, @Ctx() ctx: RequestContext) {
    await this.requireOverseer(ctx, fund);
    return this.fundsService.ledgerEntries(ctx, fund.id, page);
  }

  @ResolveField(() => [FundReconciliation], { complexity: ONE_PER_COUNTRY, nullable: true, description: 'The ledger checked against the balances. Admins and the fund’s board.' })
  @Allow(Role.ADMIN, Role.BOARD_MEMBER)
  async reconciliation(fund: Fund, _args: NoArgs, ctx: RequestContext): Promise<FundReconciliation[]> {
    await this.requireOverseer(ctx, fund);
    const reconciliation = await requestLoader(ctx, 'funding.reconciliation', (ids: readonly string[]) => this.ledgerService.reconcile(ids)).load(fund.id);
    return reconciliation.map((r) => ({
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
    // A board member's redaction covers every fund they sit on: the same for each fund of the request, whose logs are read at once.
    const redaction = hasRole(ctx.user, Role.ADMIN)
      ? undefined
      : await requestLoader(ctx, 'funding.auditRedaction', (userIds: readonly string[]) => Promise.all(userIds.map((id) => this.board.auditRedaction(id, null)))).load(ctx.user!.id);
    return this.audit.list(ctx, fund.id, filter ?? {}, page, redaction);
  }

  /** Admins, and members of this fund's board: anyone else is told the log does not exist. */
  private async requireOverseer(ctx: RequestContext, fund: Fund): Promise<void> {
    if (hasRole(ctx.user, Role.ADMIN)) return;
    const boards = ctx.user ? await requestLoader(ctx, 'funding.fundsWhereMember', (userIds: readonly string[]) => Promise.all(userIds.map((id) => this.board.fundsWhereMember(id)))).load(ctx.user.id) : [];
    if (boards.includes(fund.id)) return;
    throw new NotFoundError('fundAuditLog');
  }
}
