import { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * The BullMQ job whose worker holds an outbox message's lease. The dispatcher
 * asks Redis whether that job's lock is still renewed before it hands a
 * message whose lease ran out to another worker.
 */
export class OutboxLeaseOwner1796661500000 implements MigrationInterface {
  name = 'OutboxLeaseOwner1796661500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox_message" ADD "lease_owner" text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox_message" DROP COLUMN "lease_owner"`);
  }
}
