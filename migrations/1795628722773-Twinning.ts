import { MigrationInterface, QueryRunner } from 'typeorm';

export class Twinning1795628722773 implements MigrationInterface {
  name = 'Twinning1795628722773';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TYPE \"public\".\"twinning_status\" AS ENUM('PROPOSED', 'ACTIVE', 'DORMANT', 'CLOSED', 'DECLINED', 'WITHDRAWN')");
    await queryRunner.query("CREATE TABLE \"twinning\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"pair_key\" character varying NOT NULL, \"city_a_id\" character varying NOT NULL, \"city_b_id\" character varying NOT NULL, \"status\" \"public\".\"twinning_status\" NOT NULL, \"proposed_by_user_id\" uuid NOT NULL, \"message\" text NOT NULL, \"from_suggestion\" boolean NOT NULL DEFAULT false, \"score_snapshot\" jsonb, \"decided_by_user_id\" uuid, \"decided_at\" TIMESTAMP WITH TIME ZONE, \"decision_reason\" text, \"active_since\" TIMESTAMP WITH TIME ZONE, \"closed_at\" TIMESTAMP WITH TIME ZONE, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"twinning_two_cities\" CHECK (city_a_id <> city_b_id), CONSTRAINT \"PK_f3f6bd05e741dbc8d7d540ba5d7\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_1f60ea7689dd9723f3532ef979\" ON \"twinning\"  (\"city_b_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_073023782f0cefa647bd4050c5\" ON \"twinning\"  (\"city_a_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_twinning_live_pair\" ON \"twinning\"  (\"pair_key\") WHERE \"status\" IN ('PROPOSED', 'ACTIVE', 'DORMANT')");
    await queryRunner.query("CREATE TABLE \"twinning_status_change\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"twinning_id\" uuid NOT NULL, \"from_status\" \"public\".\"twinning_status\", \"to_status\" \"public\".\"twinning_status\" NOT NULL, \"actor_user_id\" uuid NOT NULL, \"reason\" text NOT NULL, \"at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_486f1ad0a626a1917b31012acf0\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_abec2ecd9e3016eb6e66259ba8\" ON \"twinning_status_change\"  (\"twinning_id\", \"at\") ");
    await queryRunner.query("CREATE TABLE \"workspace\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"twinning_id\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"last_activity_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"UQ_1eaee16354e1ea0473a76dd73b7\" UNIQUE (\"twinning_id\"), CONSTRAINT \"PK_ca86b6f9b3be5fe26d307d09b49\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE TYPE \"public\".\"workspace_role\" AS ENUM('LEAD', 'MEMBER', 'OBSERVER')");
    await queryRunner.query("CREATE TABLE \"workspace_member\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"workspace_id\" uuid NOT NULL, \"user_id\" uuid NOT NULL, \"role\" \"public\".\"workspace_role\" NOT NULL, \"city_id\" character varying NOT NULL, \"organisation_id\" uuid, \"joined_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_a3a35f64bf30517010551467c6e\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_82b74268d8b7e1574fd744b390\" ON \"workspace_member\"  (\"user_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_0eab76d5a9c509930a9f3d7a10\" ON \"workspace_member\"  (\"workspace_id\", \"user_id\") ");
    await queryRunner.query("CREATE TABLE \"workspace_invitation\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"workspace_id\" uuid NOT NULL, \"token_id\" uuid NOT NULL, \"email\" character varying NOT NULL, \"role\" \"public\".\"workspace_role\" NOT NULL, \"invited_by_user_id\" uuid NOT NULL, \"inviter_city_id\" character varying NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"expires_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"accepted_at\" TIMESTAMP WITH TIME ZONE, \"accepted_by_user_id\" uuid, \"revoked_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"UQ_96c85b7ce932e3b941a80bf0469\" UNIQUE (\"token_id\"), CONSTRAINT \"PK_8d58734b72dc04a88ff86fab9dc\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_3a8aab447157320c083a938252\" ON \"workspace_invitation\"  (\"workspace_id\", \"created_at\") ");
    await queryRunner.query("CREATE TYPE \"public\".\"workspace_join_request_status\" AS ENUM('PENDING', 'APPROVED', 'DECLINED')");
    await queryRunner.query("CREATE TABLE \"workspace_join_request\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"workspace_id\" uuid NOT NULL, \"user_id\" uuid NOT NULL, \"city_id\" character varying NOT NULL, \"organisation_id\" uuid NOT NULL, \"message\" text NOT NULL, \"status\" \"public\".\"workspace_join_request_status\" NOT NULL DEFAULT 'PENDING', \"granted_role\" \"public\".\"workspace_role\", \"decided_by_user_id\" uuid, \"decided_at\" TIMESTAMP WITH TIME ZONE, \"decision_reason\" text, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_812062c1ff45386558164885a7b\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_7da1e10d16ddef40f626572d01\" ON \"workspace_join_request\"  (\"workspace_id\", \"created_at\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_workspace_join_request_pending\" ON \"workspace_join_request\"  (\"workspace_id\", \"user_id\") WHERE \"status\" = 'PENDING'");
    await queryRunner.query("ALTER TABLE \"twinning\" ADD CONSTRAINT \"FK_073023782f0cefa647bd4050c54\" FOREIGN KEY (\"city_a_id\") REFERENCES \"city\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"twinning\" ADD CONSTRAINT \"FK_1f60ea7689dd9723f3532ef9797\" FOREIGN KEY (\"city_b_id\") REFERENCES \"city\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"twinning_status_change\" ADD CONSTRAINT \"FK_5a33c91926aebc601a2f55ecd3f\" FOREIGN KEY (\"twinning_id\") REFERENCES \"twinning\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"workspace\" ADD CONSTRAINT \"FK_1eaee16354e1ea0473a76dd73b7\" FOREIGN KEY (\"twinning_id\") REFERENCES \"twinning\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"workspace_member\" ADD CONSTRAINT \"FK_73d466cb93234025fe379fa5873\" FOREIGN KEY (\"workspace_id\") REFERENCES \"workspace\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"workspace_member\" ADD CONSTRAINT \"FK_82b74268d8b7e1574fd744b3903\" FOREIGN KEY (\"user_id\") REFERENCES \"user_account\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"workspace_member\" ADD CONSTRAINT \"FK_f2e0b371f75a5cf34440523db0d\" FOREIGN KEY (\"city_id\") REFERENCES \"city\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"workspace_member\" ADD CONSTRAINT \"FK_eed52e4c4eab027d7521ab87540\" FOREIGN KEY (\"organisation_id\") REFERENCES \"organisation\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"workspace_invitation\" ADD CONSTRAINT \"FK_cb864e5c2393a73bc65bf73c704\" FOREIGN KEY (\"workspace_id\") REFERENCES \"workspace\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"workspace_join_request\" ADD CONSTRAINT \"FK_1dd013b8e50f49b4c21b28e3f46\" FOREIGN KEY (\"workspace_id\") REFERENCES \"workspace\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"workspace_join_request\" ADD CONSTRAINT \"FK_b1e0a45ad9fb492197e01cbae92\" FOREIGN KEY (\"user_id\") REFERENCES \"user_account\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"workspace_join_request\" DROP CONSTRAINT \"FK_b1e0a45ad9fb492197e01cbae92\"");
    await queryRunner.query("ALTER TABLE \"workspace_join_request\" DROP CONSTRAINT \"FK_1dd013b8e50f49b4c21b28e3f46\"");
    await queryRunner.query("ALTER TABLE \"workspace_invitation\" DROP CONSTRAINT \"FK_cb864e5c2393a73bc65bf73c704\"");
    await queryRunner.query("ALTER TABLE \"workspace_member\" DROP CONSTRAINT \"FK_eed52e4c4eab027d7521ab87540\"");
    await queryRunner.query("ALTER TABLE \"workspace_member\" DROP CONSTRAINT \"FK_f2e0b371f75a5cf34440523db0d\"");
    await queryRunner.query("ALTER TABLE \"workspace_member\" DROP CONSTRAINT \"FK_82b74268d8b7e1574fd744b3903\"");
    await queryRunner.query("ALTER TABLE \"workspace_member\" DROP CONSTRAINT \"FK_73d466cb93234025fe379fa5873\"");
    await queryRunner.query("ALTER TABLE \"workspace\" DROP CONSTRAINT \"FK_1eaee16354e1ea0473a76dd73b7\"");
    await queryRunner.query("ALTER TABLE \"twinning_status_change\" DROP CONSTRAINT \"FK_5a33c91926aebc601a2f55ecd3f\"");
    await queryRunner.query("ALTER TABLE \"twinning\" DROP CONSTRAINT \"FK_1f60ea7689dd9723f3532ef9797\"");
    await queryRunner.query("ALTER TABLE \"twinning\" DROP CONSTRAINT \"FK_073023782f0cefa647bd4050c54\"");
    await queryRunner.query("DROP INDEX \"public\".\"UQ_workspace_join_request_pending\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_7da1e10d16ddef40f626572d01\"");
    await queryRunner.query("DROP TABLE \"workspace_join_request\"");
    await queryRunner.query("DROP TYPE \"public\".\"workspace_join_request_status\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_3a8aab447157320c083a938252\"");
    await queryRunner.query("DROP TABLE \"workspace_invitation\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_0eab76d5a9c509930a9f3d7a10\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_82b74268d8b7e1574fd744b390\"");
    await queryRunner.query("DROP TABLE \"workspace_member\"");
    await queryRunner.query("DROP TYPE \"public\".\"workspace_role\"");
    await queryRunner.query("DROP TABLE \"workspace\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_abec2ecd9e3016eb6e66259ba8\"");
    await queryRunner.query("DROP TABLE \"twinning_status_change\"");
    await queryRunner.query("DROP INDEX \"public\".\"UQ_twinning_live_pair\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_073023782f0cefa647bd4050c5\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_1f60ea7689dd9723f3532ef979\"");
    await queryRunner.query("DROP TABLE \"twinning\"");
    await queryRunner.query("DROP TYPE \"public\".\"twinning_status\"");
  }
}
