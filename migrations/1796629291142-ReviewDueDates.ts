import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Review assignments get a due date. Assignments made before it existed are
 * given the default period after their assignment (14 days, as
 * REVIEW_DUE_DEFAULT_DAYS in libs/funding/src/reviews/review-due.ts), so the
 * column can be NOT NULL. Two indexes: a member's reviews by due date
 * (myReviewAssignments), and the open ones by due date (the reminders' scan).
 */
export class ReviewDueDates1796629291142 implements MigrationInterface {
  name = 'ReviewDueDates1796629291142';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"review\" ADD \"due_at\" TIMESTAMP WITH TIME ZONE");
    await queryRunner.query("UPDATE \"review\" SET \"due_at\" = \"assigned_at\" + interval '14 days'");
    await queryRunner.query("ALTER TABLE \"review\" ALTER COLUMN \"due_at\" SET NOT NULL");
    await queryRunner.query("CREATE INDEX \"review_open_due\" ON \"review\"  (\"due_at\") WHERE submitted_at IS NULL AND withdrawn_at IS NULL");
    await queryRunner.query("CREATE INDEX \"review_member_due\" ON \"review\"  (\"member_id\", \"due_at\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"review_member_due\"");
    await queryRunner.query("DROP INDEX \"public\".\"review_open_due\"");
    await queryRunner.query("ALTER TABLE \"review\" DROP COLUMN \"due_at\"");
  }
}
