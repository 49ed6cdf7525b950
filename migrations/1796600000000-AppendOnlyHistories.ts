import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The histories their entities call append-only, kept so by the database as
 * the seed fund's record is (forbid_change() comes with that migration): the
 * pairing evidence audit, the cities' indicator changes, and the stage and
 * status changes of projects and twinnings. The grants that follow the
 * migrations then give the application's role only SELECT and INSERT on them.
 */
const TABLES = ['pairing_evidence_audit', 'city_indicator_change', 'project_stage_change', 'twinning_status_change'];

export class AppendOnlyHistories1796600000000 implements MigrationInterface {
  name = 'AppendOnlyHistories1796600000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) {
      await queryRunner.query(`CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION forbid_change()`);
      await queryRunner.query(`CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION forbid_change()`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) {
      await queryRunner.query(`DROP TRIGGER ${table}_no_truncate ON ${table}`);
      await queryRunner.query(`DROP TRIGGER ${table}_append_only ON ${table}`);
    }
  }
}
