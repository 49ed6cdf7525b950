import { MigrationInterface, QueryRunner } from 'typeorm';

export class CalendarAddresses1796592398399 implements MigrationInterface {
  name = 'CalendarAddresses1796592398399';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"calendar_address\" (\"id\" uuid NOT NULL, \"user_id\" uuid NOT NULL, \"secret_hash\" character varying(64) NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"last_used_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_427c75ab86f19977985915058a2\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_f04b99aa092430391af489409c\" ON \"calendar_address\"  (\"user_id\") ");
    await queryRunner.query("ALTER TABLE \"calendar_address\" ADD CONSTRAINT \"FK_f04b99aa092430391af489409c5\" FOREIGN KEY (\"user_id\") REFERENCES \"user_account\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"calendar_address\" DROP CONSTRAINT \"FK_f04b99aa092430391af489409c5\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_f04b99aa092430391af489409c\"");
    await queryRunner.query("DROP TABLE \"calendar_address\"");
  }
}
