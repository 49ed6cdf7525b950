import { MigrationInterface, QueryRunner } from 'typeorm';

/** Joint projects (milestones, stages, budgets, case-study prompts) and the workspace activity feed with its digests. */
export class ProjectsAndActivityFeed1795633023450 implements MigrationInterface {
  name = 'ProjectsAndActivityFeed1795633023450';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"workspace_activity\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"workspace_id\" uuid NOT NULL, \"actor_user_id\" uuid, \"actor_name\" text NOT NULL, \"verb\" character varying(40) NOT NULL, \"object_type\" character varying(20) NOT NULL, \"object_id\" text NOT NULL, \"object_label\" jsonb, \"details\" jsonb NOT NULL DEFAULT '{}', \"at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"time_zone\" text NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_f8c0e32472ce0d2de68db7f5353\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_6c3e7b175e4612b1502b09df4e\" ON \"workspace_activity\"  (\"workspace_id\", \"at\", \"id\") ");
    await queryRunner.query("CREATE TABLE \"workspace_follow\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"workspace_id\" uuid NOT NULL, \"user_id\" uuid NOT NULL, \"frequency\" character varying(10) NOT NULL, \"covered_until\" TIMESTAMP WITH TIME ZONE NOT NULL, \"next_digest_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_6584dfffa6033b1e57c624673d1\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_796ebcf2d69e50b4509dac8d99\" ON \"workspace_follow\"  (\"next_digest_at\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_93b59310fba49eb30c8b708bbf\" ON \"workspace_follow\"  (\"workspace_id\", \"user_id\") ");
    await queryRunner.query("CREATE TYPE \"public\".\"project_stage\" AS ENUM('DISCOVERY', 'GOAL_SETTING', 'FEASIBILITY', 'DEMONSTRATOR', 'SCALING', 'BUSINESS_AS_USUAL')");
    await queryRunner.query("CREATE TYPE \"public\".\"project_type\" AS ENUM('PATHFINDER', 'LIGHTHOUSE', 'PROOF_OF_CONCEPT')");
    await queryRunner.query("CREATE TABLE \"project\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"workspace_id\" uuid NOT NULL, \"title_en\" text, \"title_ko\" text, \"summary_en\" text, \"summary_ko\" text, \"sectors\" text array NOT NULL DEFAULT '{}', \"objectives\" jsonb NOT NULL DEFAULT '[]', \"stage\" \"public\".\"project_stage\" NOT NULL, \"type\" \"public\".\"project_type\" NOT NULL, \"lead_a_user_id\" uuid NOT NULL, \"lead_b_user_id\" uuid NOT NULL, \"partner_organisation_ids\" uuid array NOT NULL DEFAULT '{}', \"start_date\" date NOT NULL, \"end_date\" date, \"outputs\" jsonb NOT NULL DEFAULT '[]', \"risks\" jsonb NOT NULL DEFAULT '[]', \"published_at\" TIMESTAMP WITH TIME ZONE, \"closed_at\" TIMESTAMP WITH TIME ZONE, \"close_reason\" text, \"created_by_user_id\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"version\" integer NOT NULL, CONSTRAINT \"project_dates_in_order\" CHECK (end_date IS NULL OR end_date >= start_date), CONSTRAINT \"project_title_some_language\" CHECK (title_en IS NOT NULL OR title_ko IS NOT NULL), CONSTRAINT \"PK_4d68b1358bb5b766d3e78f32f57\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_452d85e15d97747514a30909aa\" ON \"project\"  (\"workspace_id\", \"updated_at\") ");
    await queryRunner.query("CREATE TABLE \"project_budget\" (\"project_id\" uuid NOT NULL, \"country_code\" character(2) NOT NULL, \"amount_minor\" bigint NOT NULL, \"currency\" character(3) NOT NULL, CONSTRAINT \"PK_0224c5488aed0d951304a9b4b48\" PRIMARY KEY (\"project_id\", \"country_code\"))");
    await queryRunner.query("CREATE TABLE \"project_stage_change\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"project_id\" uuid NOT NULL, \"from_stage\" \"public\".\"project_stage\", \"to_stage\" \"public\".\"project_stage\" NOT NULL, \"actor_user_id\" uuid NOT NULL, \"reason\" text NOT NULL, \"at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"time_zone\" text NOT NULL, CONSTRAINT \"PK_b5ca4ec4c04e33fdf64574565ca\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_e336844699b067c51f6c1eacc4\" ON \"project_stage_change\"  (\"project_id\", \"at\") ");
    await queryRunner.query("CREATE TYPE \"public\".\"milestone_status\" AS ENUM('PLANNED', 'IN_PROGRESS', 'DONE', 'MISSED', 'CANCELLED')");
    await queryRunner.query("CREATE TABLE \"milestone\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"project_id\" uuid NOT NULL, \"title_en\" text, \"title_ko\" text, \"due_date\" date NOT NULL, \"status\" \"public\".\"milestone_status\" NOT NULL DEFAULT 'PLANNED', \"evidence_links\" text array NOT NULL DEFAULT '{}', \"completed_at\" TIMESTAMP WITH TIME ZONE, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"version\" integer NOT NULL, CONSTRAINT \"PK_f8372abce331f60ba7b33fe23a7\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_61133ba42aeb9f6efbe53755b9\" ON \"milestone\"  (\"project_id\", \"due_date\") ");
    await queryRunner.query("CREATE TABLE \"case_study_prompt\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"project_id\" uuid NOT NULL, \"trigger\" character varying(20) NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"case_study_id\" uuid, CONSTRAINT \"UQ_5b1dedf2e28e757773e6937817a\" UNIQUE (\"project_id\"), CONSTRAINT \"PK_807bd639941e9a197dcd0ebaaaf\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("ALTER TABLE \"workspace_activity\" ADD CONSTRAINT \"FK_5846bfe7e6d8e60570db544f5b8\" FOREIGN KEY (\"workspace_id\") REFERENCES \"workspace\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"workspace_follow\" ADD CONSTRAINT \"FK_493c3794ef1fca9f58149192c04\" FOREIGN KEY (\"workspace_id\") REFERENCES \"workspace\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"project\" ADD CONSTRAINT \"FK_5cb157e3d3ab8abd16251129dba\" FOREIGN KEY (\"workspace_id\") REFERENCES \"workspace\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"project_budget\" ADD CONSTRAINT \"FK_27945b1cea00883be6f9f55a16a\" FOREIGN KEY (\"project_id\") REFERENCES \"project\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"project_stage_change\" ADD CONSTRAINT \"FK_dfc0be9697efa021a5a84dc67a9\" FOREIGN KEY (\"project_id\") REFERENCES \"project\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"milestone\" ADD CONSTRAINT \"FK_a6f99388cc316eeee256347f0c0\" FOREIGN KEY (\"project_id\") REFERENCES \"project\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"case_study_prompt\" ADD CONSTRAINT \"FK_5b1dedf2e28e757773e6937817a\" FOREIGN KEY (\"project_id\") REFERENCES \"project\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"case_study_prompt\" DROP CONSTRAINT \"FK_5b1dedf2e28e757773e6937817a\"");
    await queryRunner.query("ALTER TABLE \"milestone\" DROP CONSTRAINT \"FK_a6f99388cc316eeee256347f0c0\"");
    await queryRunner.query("ALTER TABLE \"project_stage_change\" DROP CONSTRAINT \"FK_dfc0be9697efa021a5a84dc67a9\"");
    await queryRunner.query("ALTER TABLE \"project_budget\" DROP CONSTRAINT \"FK_27945b1cea00883be6f9f55a16a\"");
    await queryRunner.query("ALTER TABLE \"project\" DROP CONSTRAINT \"FK_5cb157e3d3ab8abd16251129dba\"");
    await queryRunner.query("ALTER TABLE \"workspace_follow\" DROP CONSTRAINT \"FK_493c3794ef1fca9f58149192c04\"");
    await queryRunner.query("ALTER TABLE \"workspace_activity\" DROP CONSTRAINT \"FK_5846bfe7e6d8e60570db544f5b8\"");
    await queryRunner.query("DROP TABLE \"case_study_prompt\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_61133ba42aeb9f6efbe53755b9\"");
    await queryRunner.query("DROP TABLE \"milestone\"");
    await queryRunner.query("DROP TYPE \"public\".\"milestone_status\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_e336844699b067c51f6c1eacc4\"");
    await queryRunner.query("DROP TABLE \"project_stage_change\"");
    await queryRunner.query("DROP TABLE \"project_budget\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_452d85e15d97747514a30909aa\"");
    await queryRunner.query("DROP TABLE \"project\"");
    await queryRunner.query("DROP TYPE \"public\".\"project_type\"");
    await queryRunner.query("DROP TYPE \"public\".\"project_stage\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_93b59310fba49eb30c8b708bbf\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_796ebcf2d69e50b4509dac8d99\"");
    await queryRunner.query("DROP TABLE \"workspace_follow\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_6c3e7b175e4612b1502b09df4e\"");
    await queryRunner.query("DROP TABLE \"workspace_activity\"");
  }
}
