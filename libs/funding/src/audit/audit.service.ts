import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { accountProfileSql } from '@app/identity';
import { Clock, Connection, Language, PageArgs, pageOfOwner, RequestContext, toCsv } from '@app/core';
import { FundAuditEntry } from './fund-audit-entry.entity';
import { auditActorName, auditSummary, type AuditFacts } from './audit-words';

export interface AuditRecord {
  fundId: string;
  actorUserId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  /** What the sentence saying what happened needs: names, figures, instants (never the sentence). */
  facts: AuditFacts;
  /** The person's own words, as they wrote them. */
  reason?: string | null;
  detail?: Record<string, unknown>;
}

/** What of a fund's audit log a board member may not read: applications they are conflicted on, and drafts. */
export interface AuditRedaction {
  hiddenSubjectIds: string[];
  hiddenActions: string[];
}

/** The fund-wide log of who did what and when. Written in the transaction of the act itself; never changed. */
@Injectable()
export class FundAuditService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async record(em: EntityManager, entry: AuditRecord): Promise<void> {
    await em.insert(FundAuditEntry, { ...entry, facts: entry.facts as never, reason: entry.reason ?? null, legacySummary: null, detail: (entry.detail ?? {}) as never, at: this.clock.now() });
  }

  /**
   * Newest first, optionally one action or one subject. The caller has checked who reads it. The logs of
   * every fund of the request are one statement: the redaction, when there is one, is the reader's for
   * every fund (BoardService.auditRedaction with no fund).
   */
  list(ctx: RequestContext, fundId: string, filter: { action?: string; subjectId?: string }, page: PageArgs, redaction?: AuditRedaction): Promise<Connection<FundAuditEntry>> {
    return pageOfOwner(ctx, {
      key: 'funding.auditLog',
      filter: { action: filter.action, subjectId: filter.subjectId, redacted: !!redaction },
      rows: (fundIds) => {
        const query = this.dataSource.getRepository(FundAuditEntry).createQueryBuilder('a').where('a.fund_id IN (:...fundIds)', { fundIds });
        if (redaction) {
          // Hidden: entries about those applications (as their subject, or naming them in their detail) and those actions.
          query.andWhere('NOT (a.subject_id = ANY(:hiddenSubjectIds)) AND NOT (a.action = ANY(:hiddenActions))', redaction);
          query.andWhere(`coalesce(NOT (a.detail ->> 'applicationId' = ANY(:hiddenSubjectIds)), true)`);
        }
        if (filter.action) query.andWhere('a.action = :action', { action: filter.action });
        if (filter.subjectId) query.andWhere('a.subject_id = :subjectId', { subjectId: filter.subjectId });
        return query;
      },
      owner: { expression: 'a.fund_id', of: (a) => a.fundId },
      sort: { expression: 'a.id', direction: 'DESC', valueOf: (a) => a.id, cast: 'bigint', notNull: true },
    }, fundId, page);
  }

  /**
   * The whole log as CSV (RFC 4180, UTF-8 with a byte-order mark so spreadsheets read Korean names), oldest first;
   * each summary in the reader's language and zone, who acted named as that language writes them (the system when the platform acted),
   * the person's own words beside it as they wrote them.
   */
  async csv(fundId: string, reader: { language: Language; timeZone: string }, redaction?: AuditRedaction): Promise<string> {
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT a.id, a.at, a.actor_user_id, ${accountProfileSql('a.actor_user_id')} AS actor, a.action, a.subject_type, a.subject_id, a.facts, a.legacy_summary, a.reason, a.detail
         FROM fund_audit_entry a
        WHERE a.fund_id = $1
          AND NOT (a.subject_id = ANY($2::text[])) AND NOT (a.action = ANY($3::text[]))
          AND coalesce(NOT (a.detail ->> 'applicationId' = ANY($2::text[])), true)
        ORDER BY a.id`,
      [fundId, redaction?.hiddenSubjectIds ?? [], redaction?.hiddenActions ?? []],
    );
    return toCsv(
      ['id', 'at_utc', 'actor_user_id', 'actor_email', 'actor_name', 'action', 'subject_type', 'subject_id', 'summary', 'reason', 'detail'],
      rows.map((r) => {
        const summary = auditSummary({ action: r.action as string, facts: r.facts as AuditFacts | null, legacySummary: r.legacy_summary as string | null }, reader.language, reader.timeZone);
        const actor = r.actor as { name: string; nameEn: string | null; nameKo: string | null; email: string } | null;
        return [r.id, r.at, r.actor_user_id, actor?.email, auditActorName(r.actor_user_id as string | null, actor && { displayName: actor.name, nameEn: actor.nameEn, nameKo: actor.nameKo }, reader.language), r.action, r.subject_type, r.subject_id, summary.text, r.reason, r.detail];
      }),
    );
  }
}
