import { ID, Query, Resolver } from '@nestjs/graphql';
import { DataSource, In } from 'typeorm';
import { Allow, Args, Ctx, LocalizedText, Money, PageArgs, renderInZones, RequestContext } from '@app/core';
import { DecisionsService } from './decisions.service';
import { FundingDecisionSummary } from '../dto/board.outputs';
import { FundingDecision } from './funding-decision.entity';
import { FundingDecisionSummaryConnection } from '../board/board.lists';
import { FundApplication } from '../applications/fund-application.entity';
import { LedgerService } from '../ledger/ledger.service';
import { BoardLoaders } from '../board/board.loaders';
import { FundingLoaders } from '../funding.loaders';

@Resolver(() => FundingDecisionSummary)
export class PublicDecisionsResolver {
  constructor(
    private readonly decisions: DecisionsService,
    private readonly loaders: BoardLoaders,
    private readonly ledger: LedgerService,
    private readonly dataSource: DataSource,
    private readonly fundingLoaders: FundingLoaders,
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
    const supersededBy = await Promise.all(decisions.map((d) => this.loaders.supersededBy(ctx).load(d.id)));
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
          conditions: d.conditionsEn || d.conditionsKo ? LocalizedText.of({ en: d.conditionsEn, ko: d.conditionsKo }) : null,
          decidedAt: d.recordedAt,
          decidedAtLocal: renderInZones(d.recordedAt, await this.fundingLoaders.zones(ctx).load(d.fundId), ctx.user?.language ?? 'en'),
          supersedesDecisionId: d.supersedesDecisionId,
          supersededByDecisionId: supersededBy[i],
        });
      }),
    );
  }
}
