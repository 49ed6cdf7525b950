import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Pairing that tells the truth about thin evidence (libs/pairing/METHOD.md,
 * choices 2, 6 and 7): each stored pair keeps its ranking score (adjusted),
 * the most it could reach (potential) and the numeric evidence behind
 * similarity; stars are no longer stored but read with the comparison set's
 * calibrated scale (pairing_star_scale); pairing_city_evidence keeps what
 * each city lacks. Stored scores are derived data: they are cleared here and
 * the worker, finding none (and a new method version), scores every pair again.
 */
export class PairingThinEvidence1796624709913 implements MigrationInterface {
  name = 'PairingThinEvidence1796624709913';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DELETE FROM "pair_score"');
    await queryRunner.query("DROP INDEX \"public\".\"pair_score_city_b\"");
    await queryRunner.query("DROP INDEX \"public\".\"pair_score_city_a\"");
    await queryRunner.query("DROP INDEX \"public\".\"pair_score_ranking\"");
    await queryRunner.query("CREATE TABLE \"pairing_star_scale\" (\"countries\" character varying NOT NULL, \"scale\" jsonb NOT NULL, \"judged\" integer NOT NULL DEFAULT '0', \"unjudged\" integer NOT NULL DEFAULT '0', \"computed_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_87f57fdff737418666b2e0c2f4c\" PRIMARY KEY (\"countries\"))");
    await queryRunner.query("CREATE TABLE \"pairing_city_evidence\" (\"city_id\" character varying NOT NULL, \"country_code\" character(2) NOT NULL, \"numeric_known\" smallint NOT NULL, \"numeric_weighted\" smallint NOT NULL, \"gaps\" jsonb NOT NULL, \"headroom\" double precision NOT NULL, \"computed_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_2736ae9f90818c41444c5dd90ce\" PRIMARY KEY (\"city_id\"))");
    await queryRunner.query("CREATE INDEX \"pairing_city_evidence_headroom\" ON \"pairing_city_evidence\"  (\"country_code\", \"headroom\") ");
    await queryRunner.query("ALTER TABLE \"pair_score\" DROP COLUMN \"overall_stars\"");
    await queryRunner.query("ALTER TABLE \"pair_score\" DROP COLUMN \"min_pillar_stars\"");
    await queryRunner.query("ALTER TABLE \"pair_score\" ADD \"adjusted\" double precision NOT NULL");
    await queryRunner.query("ALTER TABLE \"pair_score\" ADD \"potential\" double precision NOT NULL");
    await queryRunner.query("ALTER TABLE \"pair_score\" ADD \"similarity_evidence\" double precision NOT NULL");
    await queryRunner.query("ALTER TABLE \"pair_score\" ADD \"numeric_used\" smallint NOT NULL");
    await queryRunner.query("ALTER TABLE \"pair_score\" ADD \"numeric_known_a\" smallint NOT NULL");
    await queryRunner.query("ALTER TABLE \"pair_score\" ADD \"numeric_known_b\" smallint NOT NULL");
    await queryRunner.query("ALTER TABLE \"pair_score\" ADD \"numeric_weighted\" smallint NOT NULL");
    await queryRunner.query("CREATE INDEX \"pair_score_needs_evidence\" ON \"pair_score\"  (\"countries\", \"potential\", \"pair_key\") WHERE confidence < 0.5");
    await queryRunner.query("CREATE INDEX \"pair_score_city_b\" ON \"pair_score\"  (\"city_b_id\", \"adjusted\", \"confidence\", \"pair_key\") ");
    await queryRunner.query("CREATE INDEX \"pair_score_city_a\" ON \"pair_score\"  (\"city_a_id\", \"adjusted\", \"confidence\", \"pair_key\") ");
    await queryRunner.query("CREATE INDEX \"pair_score_ranking\" ON \"pair_score\"  (\"countries\", \"adjusted\", \"confidence\", \"pair_key\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DELETE FROM "pair_score"');
    await queryRunner.query("DROP INDEX \"public\".\"pair_score_ranking\"");
    await queryRunner.query("DROP INDEX \"public\".\"pair_score_city_a\"");
    await queryRunner.query("DROP INDEX \"public\".\"pair_score_city_b\"");
    await queryRunner.query("DROP INDEX \"public\".\"pair_score_needs_evidence\"");
    await queryRunner.query("ALTER TABLE \"pair_score\" DROP COLUMN \"numeric_weighted\"");
    await queryRunner.query("ALTER TABLE \"pair_score\" DROP COLUMN \"numeric_known_b\"");
    await queryRunner.query("ALTER TABLE \"pair_score\" DROP COLUMN \"numeric_known_a\"");
    await queryRunner.query("ALTER TABLE \"pair_score\" DROP COLUMN \"numeric_used\"");
    await queryRunner.query("ALTER TABLE \"pair_score\" DROP COLUMN \"similarity_evidence\"");
    await queryRunner.query("ALTER TABLE \"pair_score\" DROP COLUMN \"potential\"");
    await queryRunner.query("ALTER TABLE \"pair_score\" DROP COLUMN \"adjusted\"");
    await queryRunner.query("ALTER TABLE \"pair_score\" ADD \"min_pillar_stars\" smallint NOT NULL");
    await queryRunner.query("ALTER TABLE \"pair_score\" ADD \"overall_stars\" smallint NOT NULL");
    await queryRunner.query("DROP INDEX \"public\".\"pairing_city_evidence_headroom\"");
    await queryRunner.query("DROP TABLE \"pairing_city_evidence\"");
    await queryRunner.query("DROP TABLE \"pairing_star_scale\"");
    await queryRunner.query("CREATE INDEX \"pair_score_ranking\" ON \"pair_score\" USING btree (\"countries\", \"overall\", \"pair_key\") ");
    await queryRunner.query("CREATE INDEX \"pair_score_city_a\" ON \"pair_score\" USING btree (\"city_a_id\", \"overall\") ");
    await queryRunner.query("CREATE INDEX \"pair_score_city_b\" ON \"pair_score\" USING btree (\"city_b_id\", \"overall\") ");
  }
}
