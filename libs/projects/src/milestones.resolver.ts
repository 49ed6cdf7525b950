import { Mutation, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Args, Ctx, LocalizedText, RequestContext } from '@app/core';
import { AddMilestoneInput, RemoveMilestoneInput, UpdateMilestoneInput } from './dto/project.inputs';
import { Milestone } from './entities/milestone.entity';
import { MilestonesService } from './milestones.service';

@Resolver(() => Milestone)
export class MilestonesResolver {
  constructor(private readonly milestones: MilestonesService) {}

  @Mutation(() => Milestone, { description: "Leads and members: add a milestone, due within the project's dates." })
  @Allow('SIGNED_IN')
  addMilestone(@Args('input') input: AddMilestoneInput, @Ctx() ctx: RequestContext): Promise<Milestone> {
    return this.milestones.addMilestone(ctx.user!, input);
  }

  @Mutation(() => Milestone, { description: 'Leads and members: change a milestone (status, date, evidence). CONFLICT, with the current version, if it changed since you read it.' })
  @Allow('SIGNED_IN')
  updateMilestone(@Args('input') input: UpdateMilestoneInput, @Ctx() ctx: RequestContext): Promise<Milestone> {
    return this.milestones.updateMilestone(ctx.user!, input);
  }

  @Mutation(() => Boolean, { description: 'Leads and members: remove a milestone.' })
  @Allow('SIGNED_IN')
  removeMilestone(@Args('input') input: RemoveMilestoneInput, @Ctx() ctx: RequestContext): Promise<boolean> {
    return this.milestones.removeMilestone(ctx.user!, input);
  }

  @ResolveField(() => LocalizedText)
  @Allow('SIGNED_IN')
  title(milestone: Milestone): LocalizedText {
    return LocalizedText.of({ en: milestone.titleEn, ko: milestone.titleKo });
  }
}
