import { MigrationInterface, QueryRunner } from 'typeorm';

/** Remembers which scoring method and default weights the stored pair scores were computed with. */
export class PairingMethod1795636890126 implements MigrationInterface {
  name = 'PairingMethod1795636890126';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"pairing_method\" (\"name\" character varying NOT NULL, \"fingerprint\" character varying NOT NULL, \"computed_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_b8462c611956167aef9c80bc5cb\" PRIMARY KEY (\"name\"))");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE \"pairing_method\"");
  }
}
