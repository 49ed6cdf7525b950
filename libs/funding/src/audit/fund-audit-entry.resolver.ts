import { ID, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Language, NoArgs, RequestContext } from '@app/core';
import { nameIn, UsersService } from '@app/identity';
import { FundAuditEntry } from './fund-audit-entry.entity';
import { auditActorName, auditSummary } from './audit-words';
import { FundingLoaders } from '../funding.loaders';
import { BoardLoaders } from '../board/board.loaders';

/** A row's title or name in the language, else in the one it has. */
function titleIn(row: { titleEn?: string | null; titleKo?: string | null; nameEn?: string | null; nameKo?: string | null } | null, language: Language): string | null {
  if (!row) return null;
  const en = row.titleEn ?? row.nameEn ?? null;
  const ko = row.titleKo ?? row.nameKo ?? null;
  return (language === 'ko' ? (ko ?? en) : (en ?? ko)) || null;
}

/** What the entry was done to, as a reader names it: its kind and, where it has one, its title in quotation marks. */
function labelled(kind: 'fund' | 'call' | 'application' | 'meeting' | 'decision', title: string | null, language: Language): string {
  const quoted = title ? `“${title}”` : null;
  if (language === 'ko') {
    const ko = { fund: '기금', call: '공모', application: '신청서', meeting: '회의', decision: '결정' }[kind];
    if (kind === 'decision') return quoted ? `신청서 ${quoted}에 대한 결정` : '신청서에 대한 결정';
    return quoted ? `${ko} ${quoted}` : ko;
  }
  const en = { fund: 'The fund', call: 'The call', application: 'The application', meeting: 'The meeting', decision: 'The decision' }[kind];
  if (kind === 'decision') return quoted ? `The decision on the application ${quoted}` : 'A decision on an application';
  return quoted ? `${en} ${quoted}` : en;
}

@Resolver(() => FundAuditEntry)
export class FundAuditEntryResolver {
  constructor(
    private readonly users: UsersService,
    private readonly loaders: FundingLoaders,
    private readonly board: BoardLoaders,
  ) {}

  @ResolveField(() => String, {
    description:
      'What happened, in the reader’s language (Accept-Language, else their account’s) and zone: “Assigned 2 reviewers, due …”, “심사위원 2명을 배정했습니다. …”. An entry recorded before the log kept facts gives its English sentence as recorded (summaryLang en). The person’s own words are `reason`.',
  })
  @Allow('SIGNED_IN')
  summary(entry: FundAuditEntry, _args: NoArgs, ctx: RequestContext): string {
    return auditSummary(entry, ctx.language, ctx.user?.timeZone).text;
  }

  @ResolveField(() => String, { description: 'The language `summary` is in: the reader’s, or en for an entry kept as the English sentence it recorded.' })
  @Allow('SIGNED_IN')
  summaryLang(entry: FundAuditEntry, _args: NoArgs, ctx: RequestContext): string {
    return auditSummary(entry, ctx.language, ctx.user?.timeZone).lang;
  }

  @ResolveField(() => String, {
    description:
      'Who acted, by the name pages in the reader’s language write (“Sarah Thompson”, “김지현”); “The system” / “시스템” when the platform itself acted. One statement for all the actors of a page.',
  })
  @Allow('SIGNED_IN')
  async actorName(entry: FundAuditEntry, _args: NoArgs, ctx: RequestContext): Promise<string> {
    const user = entry.actorUserId ? await this.users.loader(ctx).load(entry.actorUserId) : undefined;
    return auditActorName(entry.actorUserId, user, ctx.language);
  }

  @ResolveField(() => String, {
    description:
      'What the entry was done to, as the reader names it, with its title (else its name) in their language where it has one in it: “The application “Harbour sensors””, “신청서 “항만 센서””, “Board member Sarah Thompson”. One statement per kind of thing for a page.',
  })
  @Allow('SIGNED_IN')
  async subjectLabel(entry: FundAuditEntry, _args: NoArgs, ctx: RequestContext): Promise<string> {
    const language = ctx.language;
    const found = <T>(loading: Promise<T>) => loading.catch(() => null);
    switch (entry.subjectType) {
      case 'fund':
        return labelled('fund', titleIn(await found(this.loaders.fund(ctx).load(entry.subjectId)), language), language);
      case 'call':
        return labelled('call', titleIn(await found(this.loaders.call(ctx).load(entry.subjectId)), language), language);
      case 'application':
        return labelled('application', titleIn(await found(this.loaders.application(ctx).load(entry.subjectId)), language), language);
      case 'meeting':
        return labelled('meeting', titleIn(await found(this.loaders.meeting(ctx).load(entry.subjectId)), language), language);
      case 'decision': {
        const applicationId = this.applicationIdOf(entry);
        return labelled('decision', applicationId ? titleIn(await found(this.loaders.application(ctx).load(applicationId)), language) : null, language);
      }
      case 'member': {
        const member = await found(this.board.member(ctx).load(entry.subjectId));
        const user = member ? await this.users.loader(ctx).load(member.userId) : undefined;
        if (!user) return language === 'ko' ? '운영위원' : 'A board member';
        return language === 'ko' ? `운영위원 ${nameIn(user, language)}` : `Board member ${nameIn(user, language)}`;
      }
      default:
        return `${entry.subjectType} ${entry.subjectId}`;
    }
  }

  @ResolveField(() => ID, { nullable: true, description: 'The application the entry is about (its subject, or the one a decision was on), for a page to link to; null otherwise.' })
  @Allow('SIGNED_IN')
  subjectApplicationId(entry: FundAuditEntry): string | null {
    return this.applicationIdOf(entry);
  }

  private applicationIdOf(entry: FundAuditEntry): string | null {
    if (entry.subjectType === 'application') return entry.subjectId;
    const id = entry.detail?.applicationId;
    return entry.subjectType === 'decision' && typeof id === 'string' ? id : null;
  }
}
