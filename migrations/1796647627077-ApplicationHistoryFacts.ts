import { MigrationInterface, QueryRunner } from 'typeorm';

export class ApplicationHistoryFacts1796647627077 implements MigrationInterface {
  name = 'ApplicationHistoryFacts1796647627077';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"application_transition\" ADD \"facts\" jsonb");
    await queryRunner.query("ALTER TABLE \"application_transition\" ALTER COLUMN \"reason\" DROP NOT NULL");
    // The platform's own English sentences become facts the history says in the reader's language; a person's
    // own words stay as they wrote them. The one rewrite of these append-only rows, so their trigger pauses for it.
    await queryRunner.query('ALTER TABLE application_transition DISABLE TRIGGER application_transition_append_only');
    await queryRunner.query(
      `UPDATE application_transition SET facts = jsonb_build_object('reviewers', substring(reason from '^(\\d+) reviewer')::int), reason = NULL
        WHERE to_status = 'UNDER_REVIEW' AND reason ~ '^\\d+ reviewer\\(s\\) assigned\\.$'`,
    );
    await queryRunner.query(
      `UPDATE application_transition SET facts = jsonb_build_object('outcome', substring(reason from '^(APPROVED_WITH_CONDITIONS|APPROVED|REJECTED|DEFERRED)')), reason = NULL
        WHERE to_status = 'DECIDED' AND reason ~ '^(APPROVED_WITH_CONDITIONS|APPROVED|REJECTED|DEFERRED)[ :]'`,
    );
    await queryRunner.query(
      `UPDATE application_transition SET reason = NULL
        WHERE (to_status, reason) IN (('DRAFT', 'Application started.'), ('SUBMITTED', 'Submitted.'), ('ELIGIBILITY_CHECKED', 'Eligibility confirmed.'),
          ('AWARD_ACCEPTED', 'Award accepted, with its conditions.'), ('IN_DELIVERY', 'Grant agreement in place: delivery started.'))`,
    );
    await queryRunner.query('ALTER TABLE application_transition ENABLE TRIGGER application_transition_append_only');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // Steps without a person's words get the platform's English sentence back, as before.
    await queryRunner.query('ALTER TABLE application_transition DISABLE TRIGGER application_transition_append_only');
    await queryRunner.query(
      `UPDATE application_transition SET reason = CASE
          WHEN to_status = 'UNDER_REVIEW' AND facts ? 'reviewers' THEN (facts->>'reviewers') || ' reviewer(s) assigned.'
          WHEN to_status = 'DECIDED' AND facts ? 'outcome' THEN facts->>'outcome'
          WHEN to_status = 'DRAFT' AND from_status IS NULL THEN 'Application started.'
          WHEN to_status = 'SUBMITTED' THEN 'Submitted.'
          WHEN to_status = 'ELIGIBILITY_CHECKED' THEN 'Eligibility confirmed.'
          WHEN to_status = 'AWARD_ACCEPTED' THEN 'Award accepted, with its conditions.'
          WHEN to_status = 'IN_DELIVERY' THEN 'Grant agreement in place: delivery started.'
          ELSE initcap(lower(replace(to_status::text, '_', ' '))) || '.' END
        WHERE reason IS NULL`,
    );
    await queryRunner.query('ALTER TABLE application_transition ENABLE TRIGGER application_transition_append_only');
    await queryRunner.query("ALTER TABLE \"application_transition\" ALTER COLUMN \"reason\" SET NOT NULL");
    await queryRunner.query("ALTER TABLE \"application_transition\" DROP COLUMN \"facts\"");
  }
}
