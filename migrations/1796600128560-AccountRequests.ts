import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-up, password-reset and confirmation-reminder requests, written alike for
 * every address by the API and answered by the worker (libs/identity,
 * account-requests.ts); a sign-up waits here for its confirmation.
 */
export class AccountRequests1796600128560 implements MigrationInterface {
  name = 'AccountRequests1796600128560';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TYPE \"public\".\"account_request_kind\" AS ENUM('SIGN_UP', 'PASSWORD_RESET', 'CONFIRMATION_REMINDER')");
    await queryRunner.query("CREATE TABLE \"account_request\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"kind\" \"public\".\"account_request_kind\" NOT NULL, \"email\" character varying NOT NULL, \"payload\" jsonb NOT NULL DEFAULT '{}', \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"expires_at\" TIMESTAMP WITH TIME ZONE, \"processed_at\" TIMESTAMP WITH TIME ZONE, \"attempts\" integer NOT NULL DEFAULT '0', \"retry_at\" TIMESTAMP WITH TIME ZONE, \"last_error\" text, CONSTRAINT \"PK_ed44e21c164d20a69d5fcc8d35b\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"account_request_sign_up\" ON \"account_request\"  (\"email\", \"created_at\") WHERE kind = 'SIGN_UP'");
    await queryRunner.query("CREATE INDEX \"account_request_pending\" ON \"account_request\"  (\"created_at\") WHERE processed_at IS NULL");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"account_request_pending\"");
    await queryRunner.query("DROP INDEX \"public\".\"account_request_sign_up\"");
    await queryRunner.query("DROP TABLE \"account_request\"");
    await queryRunner.query("DROP TYPE \"public\".\"account_request_kind\"");
  }
}
