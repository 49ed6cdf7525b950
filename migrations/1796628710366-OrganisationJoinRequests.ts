import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Requests to join an organisation (or to add a new one), decided by its
 * members or an admin, with the decision kept on the row; one pending request
 * per person per organisation. Organisations get an optional email domain,
 * the hint that tells a newcomer which organisation is probably theirs.
 */
export class OrganisationJoinRequests1796628710366 implements MigrationInterface {
  name = 'OrganisationJoinRequests1796628710366';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TYPE \"public\".\"organisation_request_status\" AS ENUM('PENDING', 'APPROVED', 'DECLINED', 'WITHDRAWN')");
    await queryRunner.query("CREATE TABLE \"organisation_join_request\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"user_id\" uuid NOT NULL, \"organisation_id\" uuid, \"proposed_name_en\" text, \"proposed_name_ko\" text, \"proposed_kind\" \"public\".\"organisation_kind\", \"proposed_city_id\" character varying, \"message\" text, \"status\" \"public\".\"organisation_request_status\" NOT NULL DEFAULT 'PENDING', \"decided_by_user_id\" uuid, \"decided_at\" TIMESTAMP WITH TIME ZONE, \"decision_reason\" text, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"CHK_organisation_join_request_target\" CHECK (\"organisation_id\" IS NOT NULL OR (\"proposed_name_en\" IS NOT NULL AND \"proposed_name_ko\" IS NOT NULL AND \"proposed_kind\" IS NOT NULL AND \"proposed_city_id\" IS NOT NULL)), CONSTRAINT \"PK_bc04f5ef77c1dd6feb571416178\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_eb73ed4798dd6b3dd0bec9c8f9\" ON \"organisation_join_request\"  (\"organisation_id\", \"created_at\") ");
    await queryRunner.query("CREATE INDEX \"IDX_2eb33d45801dab201360b11316\" ON \"organisation_join_request\"  (\"user_id\", \"created_at\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_organisation_join_request_pending\" ON \"organisation_join_request\"  (\"organisation_id\", \"user_id\") WHERE \"status\" = 'PENDING'");
    await queryRunner.query("ALTER TABLE \"organisation\" ADD \"email_domain\" text");
    await queryRunner.query("ALTER TABLE \"organisation_join_request\" ADD CONSTRAINT \"FK_f0868b8433e5c8f36780ab97625\" FOREIGN KEY (\"user_id\") REFERENCES \"user_account\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"organisation_join_request\" ADD CONSTRAINT \"FK_6c41019d5ae6eb283af33193207\" FOREIGN KEY (\"organisation_id\") REFERENCES \"organisation\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"organisation_join_request\" ADD CONSTRAINT \"FK_5983f74298f1623ab04179fb3cb\" FOREIGN KEY (\"proposed_city_id\") REFERENCES \"city\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"organisation_join_request\" DROP CONSTRAINT \"FK_5983f74298f1623ab04179fb3cb\"");
    await queryRunner.query("ALTER TABLE \"organisation_join_request\" DROP CONSTRAINT \"FK_6c41019d5ae6eb283af33193207\"");
    await queryRunner.query("ALTER TABLE \"organisation_join_request\" DROP CONSTRAINT \"FK_f0868b8433e5c8f36780ab97625\"");
    await queryRunner.query("ALTER TABLE \"organisation\" DROP COLUMN \"email_domain\"");
    await queryRunner.query("DROP INDEX \"public\".\"UQ_organisation_join_request_pending\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_2eb33d45801dab201360b11316\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_eb73ed4798dd6b3dd0bec9c8f9\"");
    await queryRunner.query("DROP TABLE \"organisation_join_request\"");
    await queryRunner.query("DROP TYPE \"public\".\"organisation_request_status\"");
  }
}
