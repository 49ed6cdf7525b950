import { MigrationInterface, QueryRunner } from 'typeorm';

const OLD_TRIGGER_BODY = `
  BEGIN
    INSERT INTO pairing_recompute_request (city_id, version, requested_at, queued_at)
    VALUES (COALESCE(NEW.city_id, OLD.city_id), 1, now(), NULL)
    ON CONFLICT (city_id) DO UPDATE
      SET version = pairing_recompute_request.version + 1, requested_at = now(), queued_at = NULL;
    RETURN NULL;
  END`;

/**
 * One definition of "ask for these cities' pairs to be scored again", used by
 * the indicator trigger and by requestPairingRecompute() alike, instead of the
 * same INSERT written in SQL and in TypeScript.
 */
export class OneRecomputeRequestFunction1795636000000 implements MigrationInterface {
  name = 'OneRecomputeRequestFunction1795636000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION request_pairing_recompute(city_ids text[]) RETURNS void AS $$
        INSERT INTO pairing_recompute_request (city_id, version, requested_at, queued_at)
        SELECT DISTINCT id, 1, now(), NULL::timestamptz FROM unnest(city_ids) AS id
        ON CONFLICT (city_id) DO UPDATE
          SET version = pairing_recompute_request.version + 1, requested_at = now(), queued_at = NULL
      $$ LANGUAGE sql`);
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION request_pairing_recompute_for_indicator() RETURNS trigger AS $$
      BEGIN
        PERFORM request_pairing_recompute(ARRAY[COALESCE(NEW.city_id, OLD.city_id)]);
        RETURN NULL;
      END
      $$ LANGUAGE plpgsql`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE OR REPLACE FUNCTION request_pairing_recompute_for_indicator() RETURNS trigger AS $$${OLD_TRIGGER_BODY}
      $$ LANGUAGE plpgsql`);
    await queryRunner.query(`DROP FUNCTION request_pairing_recompute(text[])`);
  }
}
