import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A city's indicators feed its pair scores, but the cities context does not
 * know the pairing context. The database itself asks for the city's pairs to
 * be scored again, in the same transaction as the change, by writing the same
 * request row as requestPairingRecompute() does.
 */
export class RecomputePairsOnIndicatorChange1795628147223 implements MigrationInterface {
  name = 'RecomputePairsOnIndicatorChange1795628147223';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION request_pairing_recompute_for_indicator() RETURNS trigger AS $$
      BEGIN
        INSERT INTO pairing_recompute_request (city_id, version, requested_at, queued_at)
        VALUES (COALESCE(NEW.city_id, OLD.city_id), 1, now(), NULL)
        ON CONFLICT (city_id) DO UPDATE
          SET version = pairing_recompute_request.version + 1, requested_at = now(), queued_at = NULL;
        RETURN NULL;
      END
      $$ LANGUAGE plpgsql`);
    await queryRunner.query(`
      CREATE TRIGGER city_indicator_value_recompute_pairs
      AFTER INSERT OR UPDATE OR DELETE ON city_indicator_value
      FOR EACH ROW EXECUTE FUNCTION request_pairing_recompute_for_indicator()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER city_indicator_value_recompute_pairs ON city_indicator_value`);
    await queryRunner.query(`DROP FUNCTION request_pairing_recompute_for_indicator()`);
  }
}
