import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The platform's own relationships become pairing evidence (see CityLink):
 * a link may follow a twinning or a joint project (platform_ref, one row
 * each), and only such a link may become history (live false).
 */
export class PlatformLinks1796624457908 implements MigrationInterface {
  name = 'PlatformLinks1796624457908';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"city_link\" ADD \"live\" boolean NOT NULL DEFAULT true");
    await queryRunner.query("ALTER TABLE \"city_link\" ADD \"platform_ref\" text");
    await queryRunner.query("ALTER TABLE \"city_link\" ADD CONSTRAINT \"UQ_0f84dcf2117b5d58045f4534648\" UNIQUE (\"platform_ref\")");
    await queryRunner.query("ALTER TABLE \"city_link\" ADD CONSTRAINT \"city_link_platform_between_cities\" CHECK (platform_ref IS NULL OR (city_b_id IS NOT NULL AND seed_key IS NULL))");
    await queryRunner.query("ALTER TABLE \"city_link\" ADD CONSTRAINT \"city_link_history_from_platform\" CHECK (live OR platform_ref IS NOT NULL)");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // Without its columns a platform link would read as a live link someone entered: they go.
    await queryRunner.query("DELETE FROM city_link WHERE platform_ref IS NOT NULL");
    await queryRunner.query("ALTER TABLE \"city_link\" DROP CONSTRAINT \"city_link_history_from_platform\"");
    await queryRunner.query("ALTER TABLE \"city_link\" DROP CONSTRAINT \"city_link_platform_between_cities\"");
    await queryRunner.query("ALTER TABLE \"city_link\" DROP CONSTRAINT \"UQ_0f84dcf2117b5d58045f4534648\"");
    await queryRunner.query("ALTER TABLE \"city_link\" DROP COLUMN \"platform_ref\"");
    await queryRunner.query("ALTER TABLE \"city_link\" DROP COLUMN \"live\"");
  }
}
