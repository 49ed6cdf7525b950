import { MigrationInterface, QueryRunner } from 'typeorm';

/** The statuses an application's step records, and the outcomes a decision may have, as the old sentences wrote them. */
const OUTCOME = '(APPROVED_WITH_CONDITIONS|APPROVED|REJECTED|DEFERRED)';
/** The platform's own sentences older steps kept as their reason (not a person's words). */
const PLATFORM_REASON = `^(\\d+ reviewer\\(s\\) assigned\\.|${OUTCOME}[ :].*|Application started\\.|Submitted\\.|Eligibility confirmed\\.|Award accepted, with its conditions\\.|Grant agreement in place: delivery started\\.)$`;

const TITLE = (table: string, id: string) => `(SELECT jsonb_build_object('en', t.title_en, 'ko', t.title_ko) FROM ${table} t WHERE t.id::text = ${id})`;

/**
 * Each action's facts, read back from what an entry recorded: its detail, the
 * rows it names (titles in both languages, a meeting's time) and the English
 * sentence it kept (names at the time, counts). `match` limits it to the
 * sentences that can be read back; any other entry keeps its sentence as
 * legacy_summary, shown as it was recorded.
 */
const READ_BACK: Array<{ actions?: string[]; match?: string; facts: string; reason?: string }> = [
  // Entries this migration's down kept their facts and reason in.
  { match: `a.detail ? 'facts' AND jsonb_typeof(a.detail->'facts') = 'object'`, facts: `a.detail->'facts'`, reason: `a.detail->>'reason'` },
  {
    actions: ['fund.created'],
    facts: `(SELECT jsonb_build_object('title', jsonb_build_object('en', f.name_en, 'ko', f.name_ko), 'countryCodes', to_jsonb(f.country_codes), 'currencies', to_jsonb(f.currencies)) FROM fund f WHERE f.id = a.fund_id)`,
  },
  { actions: ['fund.updated', 'application.updated'], match: `a.detail ? 'fields'`, facts: `jsonb_build_object('fields', a.detail->'fields')` },
  {
    actions: ['ledger.contributed', 'ledger.returned'],
    match: `a.legacy_summary ~ '^(Recorded a (founding )?contribution of|Returned) (£|₩)[0-9,.]+ (from|to) [A-Z]{2}\\.$'`,
    facts: `(SELECT jsonb_build_object('amounts', jsonb_build_object(CASE m[1] WHEN '£' THEN 'GBP' ELSE 'KRW' END,
                 (replace(m[2], ',', '')::numeric * CASE m[1] WHEN '£' THEN 100 ELSE 1 END)::bigint::text), 'countryCode', m[3])
              FROM regexp_match(a.legacy_summary, '(£|₩)([0-9,.]+) (?:from|to) ([A-Z]{2})\\.$') m)`,
    reason: `a.detail->>'note'`,
  },
  {
    actions: ['ledger.committed', 'ledger.released'],
    match: `a.detail ? 'amounts'`,
    facts: `jsonb_build_object('title', ${TITLE('fund_application', 'a.subject_id')}, 'amounts', a.detail->'amounts')
              || CASE WHEN a.legacy_summary LIKE 'Released the underspend of %' THEN '{"underspend": true}'::jsonb ELSE '{}'::jsonb END`,
  },
  {
    actions: ['call.created'],
    match: `EXISTS (SELECT 1 FROM fund_call c WHERE c.id::text = a.subject_id)`,
    facts: `(SELECT jsonb_build_object('title', jsonb_build_object('en', c.title_en, 'ko', c.title_ko),
                 'opensAt', coalesce(to_jsonb(m[1]), to_jsonb(c.opens_at)), 'closesAt', coalesce(to_jsonb(m[2]), to_jsonb(c.closes_at)))
              FROM fund_call c LEFT JOIN regexp_match(a.legacy_summary, ', open (\\S+) to (\\S+)\\.$') m ON true WHERE c.id::text = a.subject_id)`,
  },
  { actions: ['call.updated'], match: `a.detail ? 'fields'`, facts: `jsonb_build_object('title', ${TITLE('fund_call', 'a.subject_id')}, 'fields', a.detail->'fields')` },
  {
    actions: ['board.member-appointed'],
    match: `a.legacy_summary ~ '^Appointed .+ to the board for [A-Z]{2}\\.$'`,
    facts: `(SELECT jsonb_build_object('name', m[1], 'countryCode', m[2]) FROM regexp_match(a.legacy_summary, '^Appointed (.+) to the board for ([A-Z]{2})\\.$') m)`,
  },
  {
    actions: ['board.member-ended'],
    match: `a.detail ? 'reason'`,
    facts: `jsonb_strip_nulls(jsonb_build_object('name', (SELECT u.display_name FROM board_member b JOIN user_account u ON u.id = b.user_id WHERE b.id::text = a.subject_id)))`,
    reason: `a.detail->>'reason'`,
  },
  { actions: ['board.rules-updated'], match: `a.detail ? 'quorumMinPerCountry'`, facts: `jsonb_build_object('quorumMinPerCountry', a.detail->'quorumMinPerCountry')` },
  {
    actions: ['conflict.declared'],
    match: `a.detail ? 'reason' AND strpos(a.legacy_summary, ' declared a conflict of interest: ') > 1`,
    facts: `jsonb_build_object('name', left(a.legacy_summary, strpos(a.legacy_summary, ' declared a conflict of interest: ') - 1))`,
    reason: `a.detail->>'reason'`,
  },
  { actions: ['application.created'], facts: `jsonb_build_object('title', ${TITLE('fund_application', 'a.subject_id')})` },
  {
    actions: ['review.assigned'],
    match: `jsonb_typeof(a.detail->'memberIds') = 'array'`,
    facts: `jsonb_strip_nulls(jsonb_build_object('reviewers', jsonb_array_length(a.detail->'memberIds'), 'dueAt', a.detail->'dueAt'))`,
  },
  { actions: ['review.unassigned'], match: `a.legacy_summary = 'Removed a reviewer.'`, facts: `'{}'::jsonb` },
  { actions: ['review.due-date-set'], match: `a.detail ? 'from' AND a.detail ? 'to'`, facts: `jsonb_build_object('previousDueAt', a.detail->'from', 'dueAt', a.detail->'to')` },
  {
    actions: ['review.submitted'],
    match: `a.legacy_summary ~ '^.+ submitted a review recommending (FUND|FUND_WITH_CONDITIONS|DO_NOT_FUND)\\.$'`,
    facts: `(SELECT jsonb_build_object('name', m[1], 'recommendation', m[2]) FROM regexp_match(a.legacy_summary, '^(.+) submitted a review recommending (FUND|FUND_WITH_CONDITIONS|DO_NOT_FUND)\\.$') m)`,
  },
  {
    actions: ['meeting.created'],
    match: `EXISTS (SELECT 1 FROM board_meeting t WHERE t.id::text = a.subject_id)`,
    facts: `(SELECT jsonb_build_object('title', jsonb_build_object('en', t.title_en, 'ko', t.title_ko), 'startsAt', to_jsonb(t.starts_at)) FROM board_meeting t WHERE t.id::text = a.subject_id)`,
  },
  {
    actions: ['meeting.agenda-added', 'meeting.agenda-removed'],
    match: `EXISTS (SELECT 1 FROM board_meeting t WHERE t.id::text = a.detail->>'meetingId')`,
    facts: `jsonb_build_object('title', ${TITLE('board_meeting', `a.detail->>'meetingId'`)})`,
  },
  {
    actions: ['vote.cast'],
    match: `a.legacy_summary ~ '^.+ voted (FOR|AGAINST|ABSTAIN)\\.$'`,
    facts: `(SELECT jsonb_build_object('name', m[1], 'choice', m[2]) FROM regexp_match(a.legacy_summary, '^(.+) voted (FOR|AGAINST|ABSTAIN)\\.$') m)`,
  },
  {
    actions: ['decision.recorded'],
    match: `a.legacy_summary ~ '^Recorded ${OUTCOME}\\M.*\\((\\d+) for, (\\d+) against, (\\d+) abstaining\\)'`,
    facts: `(SELECT jsonb_build_object('outcome', m[1], 'amounts', coalesce(a.detail->'amounts', '{}'::jsonb), 'supersedes', coalesce(a.detail->>'supersedes', '') <> '',
                 'votes', jsonb_build_object('for', m[2]::int, 'against', m[3]::int, 'abstaining', m[4]::int))
              FROM regexp_match(a.legacy_summary, '^Recorded ${OUTCOME}\\M.*\\((\\d+) for, (\\d+) against, (\\d+) abstaining\\)') m)`,
  },
];

/**
 * The audit log keeps what happened as facts, said in the reader's language
 * when read, and a person's own words (a reason, a note) apart, as they wrote
 * them; no longer one English sentence. Existing entries are read back into
 * facts where their sentence and detail allow; the others keep their English
 * sentence, shown as recorded.
 */
export class FundAuditFacts1796660180029 implements MigrationInterface {
  name = 'FundAuditFacts1796660180029';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "fund_audit_entry" RENAME COLUMN "summary" TO "legacy_summary"');
    await queryRunner.query('ALTER TABLE "fund_audit_entry" ALTER COLUMN "legacy_summary" DROP NOT NULL');
    await queryRunner.query('ALTER TABLE "fund_audit_entry" ADD "facts" jsonb');
    await queryRunner.query('ALTER TABLE "fund_audit_entry" ADD "reason" text');
    // The one rewrite of these append-only rows, inside this migration's transaction: their trigger pauses for it alone.
    await queryRunner.query('ALTER TABLE fund_audit_entry DISABLE TRIGGER fund_audit_entry_append_only');
    for (const { actions, match, facts, reason } of READ_BACK) {
      await queryRunner.query(
        // An entry whose facts cannot be found (a row it names is gone) keeps its sentence.
        `UPDATE fund_audit_entry a SET facts = jsonb_strip_nulls(${facts}), reason = ${reason ?? 'NULL'}, legacy_summary = CASE WHEN (${facts}) IS NULL THEN a.legacy_summary END
          WHERE a.facts IS NULL AND ($1::text[] IS NULL OR a.action = ANY($1::text[]))${match ? ` AND ${match}` : ''}`,
        [actions ?? null],
      );
    }
    // An application's steps: their statuses and counts from the detail and the sentence; the reason only when a person gave it.
    await queryRunner.query(
      `UPDATE fund_audit_entry a
          SET facts = jsonb_strip_nulls(jsonb_build_object(
                'fromStatus', a.detail->'from',
                'toStatus', a.detail->'to',
                'reviewers', coalesce(substring(a.detail->>'reason' from '^(\\d+) reviewer\\(s\\) assigned\\.$'), substring(a.legacy_summary from ': (\\d+) reviewers? assigned\\.$'))::int,
                'outcome', coalesce(substring(a.detail->>'reason' from '^${OUTCOME}[ :]'),
                                    upper(replace(substring(a.legacy_summary from 'decided(?: again, superseding its earlier decision)?: (approved with conditions|approved|rejected|deferred)\\.$'), ' ', '_'))))),
              reason = CASE WHEN a.detail->>'reason' ~ '${PLATFORM_REASON}' THEN NULL ELSE a.detail->>'reason' END,
              legacy_summary = NULL
        WHERE a.facts IS NULL AND a.action LIKE 'application.%' AND a.detail ? 'to'`,
    );
    await queryRunner.query('ALTER TABLE fund_audit_entry ENABLE TRIGGER fund_audit_entry_append_only');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // Entries said from facts keep them in their detail, with a plain English line naming the action; the facts column goes.
    await queryRunner.query('ALTER TABLE fund_audit_entry DISABLE TRIGGER fund_audit_entry_append_only');
    await queryRunner.query(
      `UPDATE fund_audit_entry
          SET legacy_summary = initcap(replace(replace(action, '.', ' '), '-', ' ')) || coalesce(': ' || reason, '') || '.',
              detail = detail || jsonb_build_object('facts', facts, 'reason', reason)
        WHERE legacy_summary IS NULL`,
    );
    await queryRunner.query('ALTER TABLE fund_audit_entry ENABLE TRIGGER fund_audit_entry_append_only');
    await queryRunner.query('ALTER TABLE "fund_audit_entry" DROP COLUMN "reason"');
    await queryRunner.query('ALTER TABLE "fund_audit_entry" DROP COLUMN "facts"');
    await queryRunner.query('ALTER TABLE "fund_audit_entry" ALTER COLUMN "legacy_summary" SET NOT NULL');
    await queryRunner.query('ALTER TABLE "fund_audit_entry" RENAME COLUMN "legacy_summary" TO "summary"');
  }
}
