import { MigrationInterface, QueryRunner } from 'typeorm';

export class PairingScore1795627097192 implements MigrationInterface {
  name = 'PairingScore1795627097192';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"city_link\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"city_a_id\" character varying NOT NULL, \"city_b_id\" character varying, \"other_place\" text, \"other_place_country_code\" character(2), \"kind\" character varying NOT NULL, \"partners\" text array NOT NULL DEFAULT '{}', \"since\" integer, \"formality\" smallint NOT NULL, \"summary\" text NOT NULL, \"source\" text NOT NULL, \"as_of\" date NOT NULL, \"entered_by_user_id\" uuid, \"seed_key\" text, \"created_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), \"deleted_at\" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT \"UQ_33f5bb05efacd60088e4b95629a\" UNIQUE (\"seed_key\"), CONSTRAINT \"city_link_two_cities\" CHECK (city_b_id IS NULL OR city_b_id <> city_a_id), CONSTRAINT \"city_link_other_place_country\" CHECK ((other_place IS NULL) = (other_place_country_code IS NULL)), CONSTRAINT \"city_link_other_end\" CHECK ((city_b_id IS NULL) <> (other_place IS NULL)), CONSTRAINT \"city_link_formality\" CHECK (formality BETWEEN 0 AND 4), CONSTRAINT \"PK_6201169c90bbd0ce7cac948c829\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_9f6561308ce79862e0a8b8d879\" ON \"city_link\"  (\"city_b_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_bd76284a25e9c0e93ebdabe5f1\" ON \"city_link\"  (\"city_a_id\") ");
    await queryRunner.query("CREATE TABLE \"pairing_evidence_audit\" (\"id\" BIGSERIAL NOT NULL, \"actor_user_id\" uuid, \"action\" character varying NOT NULL, \"entity\" character varying NOT NULL, \"entity_id\" character varying NOT NULL, \"city_ids\" text array NOT NULL DEFAULT '{}', \"before\" jsonb, \"after\" jsonb, \"at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_1ad22c22ab3fce36825bda2260a\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_b427c5b76f29fae5ac2a68587b\" ON \"pairing_evidence_audit\"  (\"entity\", \"entity_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_9a3b0a933945ef09b0f3a314ab\" ON \"pairing_evidence_audit\"  (\"at\") ");
    await queryRunner.query("CREATE TABLE \"readiness_assessment\" (\"id\" uuid NOT NULL, \"city_id\" character varying NOT NULL, \"strategy\" smallint NOT NULL, \"strategy_evidence\" text NOT NULL, \"visible_home\" smallint NOT NULL, \"visible_home_evidence\" text NOT NULL, \"networks\" smallint NOT NULL, \"networks_evidence\" text NOT NULL, \"collaboration\" smallint NOT NULL, \"collaboration_evidence\" text NOT NULL, \"composite\" smallint NOT NULL, \"source\" text NOT NULL, \"as_of\" date NOT NULL, \"entered_by_user_id\" uuid, \"created_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL, \"superseded_at\" TIMESTAMP(3) WITH TIME ZONE, \"superseded_by_id\" uuid, CONSTRAINT \"readiness_assessment_superseded\" CHECK ((superseded_at IS NULL) = (superseded_by_id IS NULL)), CONSTRAINT \"readiness_assessment_composite\" CHECK (composite = strategy + visible_home + networks + collaboration), CONSTRAINT \"readiness_assessment_collaboration\" CHECK (collaboration BETWEEN 0 AND 4), CONSTRAINT \"readiness_assessment_networks\" CHECK (networks BETWEEN 0 AND 3), CONSTRAINT \"readiness_assessment_visible_home\" CHECK (visible_home BETWEEN 0 AND 2), CONSTRAINT \"readiness_assessment_strategy\" CHECK (strategy BETWEEN 1 AND 5), CONSTRAINT \"PK_9034962db43f5d32fbde843ae63\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_b2caddede9fbad2e8083fc4fd4\" ON \"readiness_assessment\"  (\"city_id\", \"created_at\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"readiness_assessment_current_per_city\" ON \"readiness_assessment\"  (\"city_id\") WHERE superseded_at IS NULL");
    await queryRunner.query("CREATE TABLE \"sector\" (\"key\" character varying NOT NULL, \"name_en\" character varying NOT NULL, \"name_ko\" character varying NOT NULL, \"description_en\" text NOT NULL, \"description_ko\" text NOT NULL, \"in_report_taxonomy\" boolean NOT NULL DEFAULT false, \"position\" integer NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_c2db3026711e291cba0ecb9f139\" PRIMARY KEY (\"key\"))");
    await queryRunner.query("CREATE TABLE \"sector_activity\" (\"city_id\" character varying NOT NULL, \"sector_key\" character varying NOT NULL, \"level\" smallint NOT NULL, \"projects\" jsonb NOT NULL, \"source\" text NOT NULL, \"as_of\" date NOT NULL, \"entered_by_user_id\" uuid, \"updated_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL, CONSTRAINT \"sector_activity_level\" CHECK (level BETWEEN 1 AND 3), CONSTRAINT \"PK_de1ea741e5f94ab1bb870debda8\" PRIMARY KEY (\"city_id\", \"sector_key\"))");
    await queryRunner.query("CREATE INDEX \"IDX_e0913f9baf792437e9fb8edf9c\" ON \"sector_activity\"  (\"sector_key\") ");
    await queryRunner.query("CREATE TABLE \"weight_profile\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"name\" character varying NOT NULL, \"description\" text, \"owner_user_id\" uuid, \"pillars\" jsonb NOT NULL, \"indicators\" jsonb NOT NULL, \"star_thresholds\" jsonb NOT NULL, \"created_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_b4b8aec46b15ac14daab96b4d7a\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"weight_profile_builtin_name\" ON \"weight_profile\"  (\"name\") WHERE owner_user_id IS NULL");
    await queryRunner.query("CREATE UNIQUE INDEX \"weight_profile_owner_name\" ON \"weight_profile\"  (\"owner_user_id\", \"name\") ");
    await queryRunner.query("CREATE TABLE \"pairing_recompute_request\" (\"city_id\" character varying NOT NULL, \"version\" bigint NOT NULL DEFAULT '1', \"requested_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"queued_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_91a4e34a3b0acb941ff77eac2ed\" PRIMARY KEY (\"city_id\"))");
    await queryRunner.query("CREATE TABLE \"pair_score\" (\"pair_key\" character varying NOT NULL, \"city_a_id\" character varying NOT NULL, \"city_b_id\" character varying NOT NULL, \"countries\" character varying NOT NULL, \"peer_group_a\" integer, \"peer_group_b\" integer, \"similarity\" double precision, \"internationalisation\" double precision, \"synergy\" double precision, \"relationship\" double precision, \"overall\" double precision NOT NULL, \"overall_stars\" smallint NOT NULL, \"min_pillar_stars\" smallint NOT NULL, \"indicators_used\" smallint NOT NULL, \"indicators_weighted\" smallint NOT NULL, \"sectors_compared\" smallint NOT NULL, \"assessments\" smallint NOT NULL, \"links\" smallint NOT NULL, \"confidence\" double precision NOT NULL, \"shared_sectors\" text array NOT NULL DEFAULT '{}', \"computed_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_0bae46b5085ba91ceb7ec9e8c6e\" PRIMARY KEY (\"pair_key\"))");
    await queryRunner.query("CREATE INDEX \"pair_score_city_b\" ON \"pair_score\"  (\"city_b_id\", \"overall\") ");
    await queryRunner.query("CREATE INDEX \"pair_score_city_a\" ON \"pair_score\"  (\"city_a_id\", \"overall\") ");
    await queryRunner.query("CREATE INDEX \"pair_score_ranking\" ON \"pair_score\"  (\"countries\", \"overall\", \"pair_key\") ");
    await queryRunner.query("CREATE TABLE \"pairing_country_scale\" (\"country_code\" character(2) NOT NULL, \"leaders\" jsonb NOT NULL, \"computed_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_c341e3db910d9c7b1ffb337045e\" PRIMARY KEY (\"country_code\"))");
    await queryRunner.query("ALTER TABLE \"city_link\" ADD CONSTRAINT \"FK_bd76284a25e9c0e93ebdabe5f14\" FOREIGN KEY (\"city_a_id\") REFERENCES \"city\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"city_link\" ADD CONSTRAINT \"FK_9f6561308ce79862e0a8b8d8792\" FOREIGN KEY (\"city_b_id\") REFERENCES \"city\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"city_link\" ADD CONSTRAINT \"FK_9f8acd47760c7ac5dd634d64370\" FOREIGN KEY (\"other_place_country_code\") REFERENCES \"country\"(\"code\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"readiness_assessment\" ADD CONSTRAINT \"FK_49d6bef4d58ae616c35d9f55054\" FOREIGN KEY (\"city_id\") REFERENCES \"city\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"readiness_assessment\" ADD CONSTRAINT \"FK_eb515a7aa7a5fd527d8ea16ddf5\" FOREIGN KEY (\"superseded_by_id\") REFERENCES \"readiness_assessment\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION DEFERRABLE INITIALLY DEFERRED");
    await queryRunner.query("ALTER TABLE \"sector_activity\" ADD CONSTRAINT \"FK_9867d4c41d4211299fb3592602f\" FOREIGN KEY (\"city_id\") REFERENCES \"city\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"sector_activity\" ADD CONSTRAINT \"FK_e0913f9baf792437e9fb8edf9ca\" FOREIGN KEY (\"sector_key\") REFERENCES \"sector\"(\"key\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"weight_profile\" ADD CONSTRAINT \"FK_003abe4339e5a8b8dd718d5f6c5\" FOREIGN KEY (\"owner_user_id\") REFERENCES \"user_account\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"weight_profile\" DROP CONSTRAINT \"FK_003abe4339e5a8b8dd718d5f6c5\"");
    await queryRunner.query("ALTER TABLE \"sector_activity\" DROP CONSTRAINT \"FK_e0913f9baf792437e9fb8edf9ca\"");
    await queryRunner.query("ALTER TABLE \"sector_activity\" DROP CONSTRAINT \"FK_9867d4c41d4211299fb3592602f\"");
    await queryRunner.query("ALTER TABLE \"readiness_assessment\" DROP CONSTRAINT \"FK_eb515a7aa7a5fd527d8ea16ddf5\"");
    await queryRunner.query("ALTER TABLE \"readiness_assessment\" DROP CONSTRAINT \"FK_49d6bef4d58ae616c35d9f55054\"");
    await queryRunner.query("ALTER TABLE \"city_link\" DROP CONSTRAINT \"FK_9f8acd47760c7ac5dd634d64370\"");
    await queryRunner.query("ALTER TABLE \"city_link\" DROP CONSTRAINT \"FK_9f6561308ce79862e0a8b8d8792\"");
    await queryRunner.query("ALTER TABLE \"city_link\" DROP CONSTRAINT \"FK_bd76284a25e9c0e93ebdabe5f14\"");
    await queryRunner.query("DROP TABLE \"pairing_country_scale\"");
    await queryRunner.query("DROP INDEX \"public\".\"pair_score_ranking\"");
    await queryRunner.query("DROP INDEX \"public\".\"pair_score_city_a\"");
    await queryRunner.query("DROP INDEX \"public\".\"pair_score_city_b\"");
    await queryRunner.query("DROP TABLE \"pair_score\"");
    await queryRunner.query("DROP TABLE \"pairing_recompute_request\"");
    await queryRunner.query("DROP INDEX \"public\".\"weight_profile_owner_name\"");
    await queryRunner.query("DROP INDEX \"public\".\"weight_profile_builtin_name\"");
    await queryRunner.query("DROP TABLE \"weight_profile\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_e0913f9baf792437e9fb8edf9c\"");
    await queryRunner.query("DROP TABLE \"sector_activity\"");
    await queryRunner.query("DROP TABLE \"sector\"");
    await queryRunner.query("DROP INDEX \"public\".\"readiness_assessment_current_per_city\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_b2caddede9fbad2e8083fc4fd4\"");
    await queryRunner.query("DROP TABLE \"readiness_assessment\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_9a3b0a933945ef09b0f3a314ab\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_b427c5b76f29fae5ac2a68587b\"");
    await queryRunner.query("DROP TABLE \"pairing_evidence_audit\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_bd76284a25e9c0e93ebdabe5f1\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_9f6561308ce79862e0a8b8d879\"");
    await queryRunner.query("DROP TABLE \"city_link\"");
  }
}
