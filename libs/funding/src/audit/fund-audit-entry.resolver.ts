import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, RequestContext } from '@app/core';
import { FundAuditEntry } from './fund-audit-entry.entity';
import { auditSummary } from './audit-words';

@Resolver(() => FundAuditEntry)
export class FundAuditEntryResolver {
  @ResolveField(() => String, {
    description:
      'What happened, in the reader’s language (Accept-Language, else their account’s) and zone: “Assigned 2 reviewers, due …”, “심사위원 2명을 배정했습니다. …”. An entry recorded before the log kept facts gives its English sentence as recorded (summaryLang en). The person’s own words are `reason`.',
  })
  @Allow('SIGNED_IN')
  summary(@Parent() entry: FundAuditEntry, @Ctx() ctx: RequestContext): string {
    return auditSummary(entry, ctx.language, ctx.user?.timeZone).text;
  }

  @ResolveField(() => String, { description: 'The language `summary` is in: the reader’s, or en for an entry kept as the English sentence it recorded.' })
  @Allow('SIGNED_IN')
  summaryLang(@Parent() entry: FundAuditEntry, @Ctx() ctx: RequestContext): string {
    return auditSummary(entry, ctx.language, ctx.user?.timeZone).lang;
  }
}
