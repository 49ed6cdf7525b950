import { MigrationInterface, QueryRunner } from 'typeorm';

export class Events1795642384629 implements MigrationInterface {
  name = 'Events1795642384629';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TYPE \"public\".\"event_kind\" AS ENUM('SEMINAR', 'WORKSHOP', 'FORUM', 'ANNUAL_SHOWCASE', 'OTHER')");
    await queryRunner.query("CREATE TYPE \"public\".\"event_format\" AS ENUM('IN_PERSON', 'ONLINE', 'HYBRID')");
    await queryRunner.query("CREATE TYPE \"public\".\"event_status\" AS ENUM('DRAFT', 'PUBLISHED', 'CANCELLED')");
    await queryRunner.query("CREATE TABLE \"programme_event\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"kind\" \"public\".\"event_kind\" NOT NULL, \"format\" \"public\".\"event_format\" NOT NULL, \"title_en\" text, \"title_ko\" text, \"description_en\" text, \"description_ko\" text, \"venue\" text, \"join_url\" text, \"starts_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"ends_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"time_zone\" text NOT NULL, \"organiser_user_id\" uuid NOT NULL, \"workspace_id\" uuid, \"sectors\" text array NOT NULL DEFAULT '{}', \"capacity\" integer, \"registration_opens_at\" TIMESTAMP WITH TIME ZONE, \"registration_closes_at\" TIMESTAMP WITH TIME ZONE, \"status\" \"public\".\"event_status\" NOT NULL, \"published_at\" TIMESTAMP WITH TIME ZONE, \"cancelled_at\" TIMESTAMP WITH TIME ZONE, \"cancel_reason\" text, \"version\" integer NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"programme_event_link_for_format\" CHECK (format = 'IN_PERSON' OR join_url IS NOT NULL), CONSTRAINT \"programme_event_venue_for_format\" CHECK (format = 'ONLINE' OR venue IS NOT NULL), CONSTRAINT \"programme_event_registration_window\" CHECK (registration_opens_at IS NULL OR registration_closes_at IS NULL OR registration_closes_at > registration_opens_at), CONSTRAINT \"programme_event_capacity_not_negative\" CHECK (capacity IS NULL OR capacity >= 0), CONSTRAINT \"programme_event_ends_after_start\" CHECK (ends_at > starts_at), CONSTRAINT \"programme_event_title_some_language\" CHECK (title_en IS NOT NULL OR title_ko IS NOT NULL), CONSTRAINT \"PK_1ee154de55971cd63014a797b4e\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_f7fab43b94d42c618f20fa46a1\" ON \"programme_event\"  (\"organiser_user_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_3c1327d9c494667412f4fe7645\" ON \"programme_event\"  (\"workspace_id\", \"starts_at\") ");
    await queryRunner.query("CREATE INDEX \"IDX_fe68f84ecbaa240176f49317a1\" ON \"programme_event\"  (\"status\", \"starts_at\") ");
    await queryRunner.query("CREATE TYPE \"public\".\"registration_status\" AS ENUM('REGISTERED', 'WAITLISTED', 'CANCELLED')");
    await queryRunner.query("CREATE TABLE \"event_registration\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"event_id\" uuid NOT NULL, \"user_id\" uuid NOT NULL, \"status\" \"public\".\"registration_status\" NOT NULL, \"queue_order\" integer NOT NULL, \"registered_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"promoted_at\" TIMESTAMP WITH TIME ZONE, \"cancelled_at\" TIMESTAMP WITH TIME ZONE, \"day_reminder_for\" TIMESTAMP WITH TIME ZONE, \"hour_reminder_for\" TIMESTAMP WITH TIME ZONE, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_10aedff1bd0d0ef534d1106ddec\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_775e4cb778be1cb8fc2a150882\" ON \"event_registration\"  (\"user_id\", \"status\") ");
    await queryRunner.query("CREATE INDEX \"IDX_9ee58711f18d2f32b8b7558efb\" ON \"event_registration\"  (\"event_id\", \"status\", \"queue_order\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_a3a255ec16312cb8399981f15b\" ON \"event_registration\"  (\"event_id\", \"user_id\") ");
    await queryRunner.query("CREATE TYPE \"public\".\"event_follow_scope\" AS ENUM('PROGRAMME', 'SECTOR', 'WORKSPACE')");
    await queryRunner.query("CREATE TABLE \"event_follow\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"user_id\" uuid NOT NULL, \"scope\" \"public\".\"event_follow_scope\" NOT NULL, \"sector_key\" text, \"workspace_id\" uuid, \"unsubscribed_at\" TIMESTAMP WITH TIME ZONE, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"event_follow_scope_key\" CHECK ((scope = 'PROGRAMME' AND sector_key IS NULL AND workspace_id IS NULL) OR (scope = 'SECTOR' AND sector_key IS NOT NULL AND workspace_id IS NULL) OR (scope = 'WORKSPACE' AND workspace_id IS NOT NULL AND sector_key IS NULL)), CONSTRAINT \"PK_8b75ecb515e60ba374a79026331\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_abab47091efc2e5f10de70c343\" ON \"event_follow\"  (\"scope\", \"workspace_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_01f456d93407f3b78760878289\" ON \"event_follow\"  (\"scope\", \"sector_key\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"event_follow_one_workspace\" ON \"event_follow\"  (\"user_id\", \"workspace_id\") WHERE scope = 'WORKSPACE'");
    await queryRunner.query("CREATE UNIQUE INDEX \"event_follow_one_sector\" ON \"event_follow\"  (\"user_id\", \"sector_key\") WHERE scope = 'SECTOR'");
    await queryRunner.query("CREATE UNIQUE INDEX \"event_follow_one_programme\" ON \"event_follow\"  (\"user_id\") WHERE scope = 'PROGRAMME'");
    await queryRunner.query("ALTER TABLE \"programme_event\" ADD CONSTRAINT \"FK_f7fab43b94d42c618f20fa46a10\" FOREIGN KEY (\"organiser_user_id\") REFERENCES \"user_account\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"programme_event\" ADD CONSTRAINT \"FK_375951a33cdb2e4d61bf41a127f\" FOREIGN KEY (\"workspace_id\") REFERENCES \"workspace\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"event_registration\" ADD CONSTRAINT \"FK_d42836e8ed00e2586af913934a6\" FOREIGN KEY (\"event_id\") REFERENCES \"programme_event\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"event_registration\" ADD CONSTRAINT \"FK_2b850bf3117d0f00760dcdef0dd\" FOREIGN KEY (\"user_id\") REFERENCES \"user_account\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"event_follow\" ADD CONSTRAINT \"FK_6f25f3422fed93cec495fd98ce1\" FOREIGN KEY (\"user_id\") REFERENCES \"user_account\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"event_follow\" ADD CONSTRAINT \"FK_e3b0329cabb40a996040e5c85a5\" FOREIGN KEY (\"workspace_id\") REFERENCES \"workspace\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"event_follow\" DROP CONSTRAINT \"FK_e3b0329cabb40a996040e5c85a5\"");
    await queryRunner.query("ALTER TABLE \"event_follow\" DROP CONSTRAINT \"FK_6f25f3422fed93cec495fd98ce1\"");
    await queryRunner.query("ALTER TABLE \"event_registration\" DROP CONSTRAINT \"FK_2b850bf3117d0f00760dcdef0dd\"");
    await queryRunner.query("ALTER TABLE \"event_registration\" DROP CONSTRAINT \"FK_d42836e8ed00e2586af913934a6\"");
    await queryRunner.query("ALTER TABLE \"programme_event\" DROP CONSTRAINT \"FK_375951a33cdb2e4d61bf41a127f\"");
    await queryRunner.query("ALTER TABLE \"programme_event\" DROP CONSTRAINT \"FK_f7fab43b94d42c618f20fa46a10\"");
    await queryRunner.query("DROP INDEX \"public\".\"event_follow_one_programme\"");
    await queryRunner.query("DROP INDEX \"public\".\"event_follow_one_sector\"");
    await queryRunner.query("DROP INDEX \"public\".\"event_follow_one_workspace\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_01f456d93407f3b78760878289\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_abab47091efc2e5f10de70c343\"");
    await queryRunner.query("DROP TABLE \"event_follow\"");
    await queryRunner.query("DROP TYPE \"public\".\"event_follow_scope\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_a3a255ec16312cb8399981f15b\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_9ee58711f18d2f32b8b7558efb\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_775e4cb778be1cb8fc2a150882\"");
    await queryRunner.query("DROP TABLE \"event_registration\"");
    await queryRunner.query("DROP TYPE \"public\".\"registration_status\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_fe68f84ecbaa240176f49317a1\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_3c1327d9c494667412f4fe7645\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_f7fab43b94d42c618f20fa46a1\"");
    await queryRunner.query("DROP TABLE \"programme_event\"");
    await queryRunner.query("DROP TYPE \"public\".\"event_status\"");
    await queryRunner.query("DROP TYPE \"public\".\"event_format\"");
    await queryRunner.query("DROP TYPE \"public\".\"event_kind\"");
  }
}
