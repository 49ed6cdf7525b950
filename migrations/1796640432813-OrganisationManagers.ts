import { MigrationInterface, QueryRunner } from 'typeorm';

export class OrganisationManagers1796640432813 implements MigrationInterface {
  name = 'OrganisationManagers1796640432813';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TYPE \"public\".\"organisation_member_role\" AS ENUM('MANAGER', 'MEMBER')");
    // Every member decided requests before roles: existing members become managers, so no organisation loses its deciders; new ones are members.
    await queryRunner.query("ALTER TABLE \"organisation_membership\" ADD \"role\" \"public\".\"organisation_member_role\" NOT NULL DEFAULT 'MANAGER'");
    await queryRunner.query("ALTER TABLE \"organisation_membership\" ALTER COLUMN \"role\" SET DEFAULT 'MEMBER'");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"organisation_membership\" DROP COLUMN \"role\"");
    await queryRunner.query("DROP TYPE \"public\".\"organisation_member_role\"");
  }
}
