import { ResolveField, Resolver } from '@nestjs/graphql';
import { Allow } from '@app/core';
import { CaseStudyVersion } from './entities/case-study-version.entity';
import { renderMarkdown } from './markdown';

@Resolver(() => CaseStudyVersion)
export class CaseStudyVersionResolver {
  @ResolveField(() => String, { description: 'The body rendered from Markdown and sanitised: safe to show as HTML.' })
  @Allow('PUBLIC')
  bodyHtml(version: CaseStudyVersion): string {
    return renderMarkdown(version.body);
  }
}
