import { ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, NoArgs, RequestContext } from '@app/core';
import { ApplicationTransition } from './application-transition.entity';
import { transitionWords } from './transition-words';

@Resolver(() => ApplicationTransition)
export class ApplicationTransitionResolver {
  @ResolveField(() => String, { description: 'What happened, in the reader’s language (Accept-Language, else their account’s): “Submitted.”, “2 reviewers assigned.”. The person’s own words are `reason`.' })
  @Allow('SIGNED_IN')
  summary(step: ApplicationTransition, _args: NoArgs, ctx: RequestContext): string {
    return transitionWords(step)[ctx.language];
  }
}
