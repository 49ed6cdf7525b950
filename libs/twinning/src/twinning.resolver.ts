import { ID, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Args, Ctx, NoArgs, NotFoundError, PageArgs, Paginated, RequestContext } from '@app/core';
import { CitiesLoaders, City } from '@app/cities';
import { CityOfficerService, nameIn } from '@app/identity';
import { ChangeTwinningStatusInput, ProposeTwinningInput, RespondToTwinningProposalInput, TwinningFilter, WithdrawTwinningProposalInput } from './dto/twinning.inputs';
import { TwinningProposal, TwinningScoreSnapshot } from './dto/twinning.outputs';
import { Twinning } from './entities/twinning.entity';
import { TwinningAccessService } from './twinning-access.service';
import { TwinningLoaders } from './twinning.loaders';
import { TwinningService } from './twinning.service';

const TwinningConnection = Paginated(Twinning);

@Resolver(() => Twinning)
export class TwinningResolver {
  constructor(
    private readonly service: TwinningService,
    private readonly access: TwinningAccessService,
    private readonly loaders: TwinningLoaders,
    private readonly cityLoaders: CitiesLoaders,
    private readonly officers: CityOfficerService,
  ) {}

  @Query(() => TwinningConnection, {
    description: 'Which cities are twinned and since when, newest first. The public sees ACTIVE and DORMANT twinnings; officers also see their cities’ proposals; admins see all.',
  })
  @Allow('PUBLIC')
  twinnings(@Args() page: PageArgs, @Ctx() ctx: RequestContext, @Args('filter', { nullable: true }) filter?: TwinningFilter) {
    return this.service.list(ctx, filter ?? {}, page);
  }

  @Query(() => Twinning, { description: "A twinning's public summary (NOT_FOUND when it is not public and not yours)." })
  @Allow('PUBLIC')
  twinning(@Args('id', { type: () => ID }) id: string, @Ctx() ctx: RequestContext): Promise<Twinning> {
    return this.service.get(ctx, id);
  }

  @Mutation(() => Twinning, { description: "Propose that your city twins with a city of another country; its officers are emailed." })
  @Allow('SIGNED_IN')
  proposeTwinning(@Args('input') input: ProposeTwinningInput, @Ctx() ctx: RequestContext): Promise<Twinning> {
    return this.service.propose(ctx.user!, input);
  }

  @Mutation(() => Twinning, { description: 'Accept (the workspace opens, with the proposer and you as leads) or decline a proposal to your city, with a reason.' })
  @Allow('SIGNED_IN')
  respondToTwinningProposal(@Args('input') input: RespondToTwinningProposalInput, @Ctx() ctx: RequestContext): Promise<Twinning> {
    return this.service.respond(ctx.user!, input);
  }

  @Mutation(() => Twinning, { description: 'Withdraw your proposal before it is answered.' })
  @Allow('SIGNED_IN')
  withdrawTwinningProposal(@Args('input') input: WithdrawTwinningProposalInput, @Ctx() ctx: RequestContext): Promise<Twinning> {
    return this.service.withdraw(ctx.user!, input);
  }

  @Mutation(() => Twinning, { description: 'Leads and admins: make a twinning DORMANT, ACTIVE again, or CLOSED, with a reason.' })
  @Allow('SIGNED_IN')
  changeTwinningStatus(@Args('input') input: ChangeTwinningStatusInput, @Ctx() ctx: RequestContext): Promise<Twinning> {
    return this.service.changeStatus(ctx.user!, input);
  }

  @ResolveField(() => City, { description: 'The city that proposed.' })
  @Allow('PUBLIC')
  cityA(twinning: Twinning, _args: NoArgs, ctx: RequestContext): Promise<City> {
    return this.city(ctx, twinning.cityAId);
  }

  @ResolveField(() => City, { description: 'The city that was asked.' })
  @Allow('PUBLIC')
  cityB(twinning: Twinning, _args: NoArgs, ctx: RequestContext): Promise<City> {
    return this.city(ctx, twinning.cityBId);
  }

  @ResolveField(() => ID, { nullable: true, description: 'The shared workspace, once accepted (its content is for members and admins).' })
  @Allow('PUBLIC')
  async workspaceId(twinning: Twinning, _args: NoArgs, ctx: RequestContext): Promise<string | null> {
    return (await this.loaders.workspaceOfTwinning(ctx).load(twinning.id))?.id ?? null;
  }

  @ResolveField(() => TwinningProposal, {
    nullable: true,
    description: "The proposal and its answer: for the two cities' officers, the workspace's members and admins; null for others.",
  })
  @Allow('SIGNED_IN')
  async proposal(twinning: Twinning, _args: NoArgs, ctx: RequestContext): Promise<TwinningProposal | null> {
    if (!(await this.access.isInsider(ctx.user, twinning, await this.officers.governedByCaller(ctx)))) return null;
    const proposer = await this.loaders.user(ctx).load(twinning.proposedByUserId);
    return {
      message: twinning.message,
      proposedByUserId: twinning.proposedByUserId,
      proposedByName: proposer ? nameIn(proposer, ctx.language) : '',
      fromSuggestion: twinning.fromSuggestion,
      scoreSnapshot: snapshotView(twinning.scoreSnapshot),
      decidedByUserId: twinning.decidedByUserId,
      decidedAt: twinning.decidedAt,
      decisionReason: twinning.decisionReason,
    };
  }

  private async city(ctx: RequestContext, id: string): Promise<City> {
    const city = await this.cityLoaders.city(ctx).load(id);
    if (!city) throw new NotFoundError('city', id);
    return city;
  }
}

function snapshotView(raw: Record<string, unknown> | null): TwinningScoreSnapshot | null {
  if (!raw) return null;
  const pillar = (key: string) => ((raw[key] as { score?: number | null } | undefined)?.score ?? null);
  return {
    pairKey: raw.pairKey as string,
    overall: raw.overall as number,
    overallStars: raw.overallStars as number,
    minPillarStars: raw.minPillarStars as number,
    similarity: pillar('similarity'),
    internationalisation: pillar('internationalisation'),
    synergy: pillar('synergy'),
    relationship: pillar('relationship'),
    confidence: (raw.coverage as { confidence?: number } | undefined)?.confidence ?? 0,
    sharedSectors: (raw.sharedSectors as string[] | undefined) ?? [],
    takenAt: raw.takenAt as string,
  };
}
