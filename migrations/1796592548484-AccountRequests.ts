import { MigrationInterface, QueryRunner } from 'typeorm';

export class AccountRequests1796592548484 implements MigrationInterface {
  name = 'AccountRequests1796592548484';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TYPE \"public\".\"account_request_kind\" AS ENUM('SIGN_UP', 'PASSWORD_RESET')");
    await queryRunner.query("CREATE TABLE \"account_request\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"kind\" \"public\".\"account_request_kind\" NOT NULL, \"email\" character varying NOT NULL, \"payload\" jsonb NOT NULL DEFAULT '{}', \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"processed_at\" TIMESTAMP WITH TIME ZONE, \"attempts\" integer NOT NULL DEFAULT '0', \"last_error\" text, CONSTRAINT \"PK_ed44e21c164d20a69d5fcc8d35b\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"account_request_pending\" ON \"account_request\"  (\"created_at\") WHERE processed_at IS NULL");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"account_request_pending\"");
    await queryRunner.query("DROP TABLE \"account_request\"");
    await queryRunner.query("DROP TYPE \"public\".\"account_request_kind\"");
  }
}
