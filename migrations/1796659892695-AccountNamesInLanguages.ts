import { MigrationInterface, QueryRunner } from 'typeorm';

export class AccountNamesInLanguages1796659892695 implements MigrationInterface {
  name = 'AccountNamesInLanguages1796659892695';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"user_account\" ADD \"name_en\" character varying(100)");
    await queryRunner.query("ALTER TABLE \"user_account\" ADD \"name_ko\" character varying(100)");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"user_account\" DROP COLUMN \"name_ko\"");
    await queryRunner.query("ALTER TABLE \"user_account\" DROP COLUMN \"name_en\"");
  }
}
