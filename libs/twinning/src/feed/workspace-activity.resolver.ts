import { ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, LocalizedText, LocalTime, NoArgs, ONE_PER_COUNTRY, renderInZones, RequestContext } from '@app/core';
import { nameIn, User } from '@app/identity';
import { TwinningLoaders } from '../twinning.loaders';
import { WorkspaceActivity } from './workspace-activity.entity';
import { describeActivity, reasonOf } from './activity-text';

@Resolver(() => WorkspaceActivity)
export class WorkspaceActivityResolver {
  constructor(private readonly loaders: TwinningLoaders) {}

  @ResolveField(() => User, { nullable: true, description: 'Who did it (null if their account is gone).' })
  @Allow('SIGNED_IN')
  async actor(entry: WorkspaceActivity, _args: NoArgs, ctx: RequestContext): Promise<User | null> {
    return entry.actorUserId ? ((await this.loaders.user(ctx).load(entry.actorUserId)) ?? null) : null;
  }

  @ResolveField(() => LocalizedText, { nullable: true, description: 'The name of the object when it happened.' })
  @Allow('SIGNED_IN')
  objectLabel(entry: WorkspaceActivity): LocalizedText | null {
    return entry.objectLabel ? LocalizedText.of(entry.objectLabel) : null;
  }

  @ResolveField(() => LocalizedText, { description: 'The entry as a sentence, in English and Korean, without the reason given (see reason).' })
  @Allow('SIGNED_IN')
  async summary(entry: WorkspaceActivity, _args: NoArgs, ctx: RequestContext): Promise<LocalizedText> {
    // The actor as each language writes their name today; the name kept with the entry if their account is gone.
    const actor = entry.actorUserId ? await this.loaders.user(ctx).load(entry.actorUserId) : undefined;
    const actorName = actor ? { en: nameIn(actor, 'en'), ko: nameIn(actor, 'ko') } : entry.actorName;
    return LocalizedText.of(describeActivity({ ...entry, actorName }, { withReason: false }));
  }

  @ResolveField(() => String, { nullable: true, description: 'The reason the person gave for the change, as they wrote it; null when none.' })
  @Allow('SIGNED_IN')
  reason(entry: WorkspaceActivity): string | null {
    return reasonOf(entry);
  }

  @ResolveField(() => [LocalTime], { complexity: ONE_PER_COUNTRY, description: "When it happened on both cities' clocks (city A first), in your language." })
  @Allow('SIGNED_IN')
  async atInCities(entry: WorkspaceActivity, _args: NoArgs, ctx: RequestContext): Promise<LocalTime[]> {
    return renderInZones(entry.at, await this.loaders.zonesOfWorkspace(ctx).load(entry.workspaceId), ctx.user?.language ?? 'en');
  }
}
