import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A sign-up waits for its confirmation (until expires_at) instead of creating
 * the account at once, and sign-in looks its password up by address; a sign-in
 * with that password asks for a confirmation reminder. Accounts created
 * unconfirmed before keep their own confirmation path.
 */
export class WaitingSignUps1796597030740 implements MigrationInterface {
  name = 'WaitingSignUps1796597030740';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"account_request\" ADD \"expires_at\" TIMESTAMP WITH TIME ZONE");
    await queryRunner.query("ALTER TYPE \"public\".\"account_request_kind\" ADD VALUE 'CONFIRMATION_REMINDER'");
    await queryRunner.query("CREATE INDEX \"account_request_sign_up\" ON \"account_request\"  (\"email\", \"created_at\") WHERE kind = 'SIGN_UP'");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"account_request_sign_up\"");
    await queryRunner.query("DELETE FROM \"account_request\" WHERE \"kind\" = 'CONFIRMATION_REMINDER'");
    await queryRunner.query("CREATE TYPE \"public\".\"account_request_kind_old\" AS ENUM('SIGN_UP', 'PASSWORD_RESET')");
    await queryRunner.query("ALTER TABLE \"account_request\" ALTER COLUMN \"kind\" TYPE \"public\".\"account_request_kind_old\" USING \"kind\"::\"text\"::\"public\".\"account_request_kind_old\"");
    await queryRunner.query("DROP TYPE \"public\".\"account_request_kind\"");
    await queryRunner.query("ALTER TYPE \"public\".\"account_request_kind_old\" RENAME TO \"account_request_kind\"");
    await queryRunner.query("ALTER TABLE \"account_request\" DROP COLUMN \"expires_at\"");
  }
}
