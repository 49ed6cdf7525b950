import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { accountProfileSql } from '@app/identity';
import { Clock, Connection, PageArgs, paginate, toCsv } from '@app/core';
import { FundAuditEntry } from './fund-audit-entry.entity';

export interface AuditRecord {
  fundId: string;
  actorUserId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  summary: string;
  detail?: Record<string, unknown>;
}

/** The fund-wide log of who did what and when. Written in the transaction of the act itself; never changed. */
interface Contact {
  email: string;
  name: string;
}

/** What of a fund's audit log a board member may not read: applications they are conflicted on, and drafts. */
export interface AuditRedaction {
  hiddenSubjectIds: string[];
  hiddenActions: string[];
}

@Injectable()
export class FundAuditService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async record(em: EntityManager, entry: AuditRecord): Promise<void> {
    await em.insert(FundAuditEntry, { ...entry, detail: (entry.detail ?? {}) as never, at: this.clock.now() });
  }

  /** Newest first, optionally one action or one subject. The caller has checked who reads it. */
  list(fundId: string, filter: { action?: string; subjectId?: string }, page: PageArgs, redaction?: AuditRedaction): Promise<Connection<FundAuditEntry>> {
    const query = this.dataSource.getRepository(FundAuditEntry).createQueryBuilder('a').where('a.fund_id = :fundId', { fundId });
    if (redaction) {
      // Hidden: entries about those applications (as their subject, or naming them in their detail) and those actions.
      query.andWhere('NOT (a.subject_id = ANY(:hiddenSubjectIds)) AND NOT (a.action = ANY(:hiddenActions))', redaction);
      query.andWhere(`coalesce(NOT (a.detail ->> 'applicationId' = ANY(:hiddenSubjectIds)), true)`);
    }
    if (filter.action) query.andWhere('a.action = :action', { action: filter.action });
    if (filter.subjectId) query.andWhere('a.subject_id = :subjectId', { subjectId: filter.subjectId });
    return paginate(query, page, { expression: 'a.id', direction: 'DESC', valueOf: (a) => a.id, cast: 'bigint', notNull: true });
  }

  /** The whole log as CSV (RFC 4180, UTF-8 with a byte-order mark so spreadsheets read Korean names), oldest first. */
  async csv(fundId: string, redaction?: AuditRedaction): Promise<string> {
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT a.id, a.at, a.actor_user_id, ${accountProfileSql('a.actor_user_id')} AS actor, a.action, a.subject_type, a.subject_id, a.summary, a.detail
         FROM fund_audit_entry a
        WHERE a.fund_id = $1
          AND NOT (a.subject_id = ANY($2::text[])) AND NOT (a.action = ANY($3::text[]))
          AND coalesce(NOT (a.detail ->> 'applicationId' = ANY($2::text[])), true)
        ORDER BY a.id`,
      [fundId, redaction?.hiddenSubjectIds ?? [], redaction?.hiddenActions ?? []],
    );
    return toCsv(
      ['id', 'at_utc', 'actor_user_id', 'actor_email', 'actor_name', 'action', 'subject_type', 'subject_id', 'summary', 'detail'],
      rows.map((r) => [r.id, r.at, r.actor_user_id, (r.actor as Contact | null)?.email, (r.actor as Contact | null)?.name, r.action, r.subject_type, r.subject_id, r.summary, r.detail]),
    );
  }
}
