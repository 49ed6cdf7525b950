import { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795624646164 implements MigrationInterface {
  name = 'Initial1795624646164';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"country\" (\"code\" character(2) NOT NULL, \"name_en\" character varying NOT NULL, \"name_ko\" character varying NOT NULL, \"currency\" character(3) NOT NULL, \"time_zone\" character varying NOT NULL, \"default_language\" character varying(2) NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_8ff4c23dc9a3f3856555bd86186\" PRIMARY KEY (\"code\"))");
    await queryRunner.query("CREATE TABLE \"city\" (\"id\" character varying NOT NULL, \"country_code\" character(2) NOT NULL, \"name_en\" character varying NOT NULL, \"name_ko\" character varying NOT NULL, \"peer_group\" integer, \"notes\" text, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_b222f51ce26f7e5ca86944a6739\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_ebd8be319e2628736b4bfeb82c\" ON \"city\"  (\"country_code\") ");
    await queryRunner.query("CREATE TYPE \"public\".\"indicator_value_type\" AS ENUM('NUMBER', 'BOOLEAN', 'CATEGORY')");
    await queryRunner.query("CREATE TABLE \"indicator_definition\" (\"key\" character varying NOT NULL, \"label_en\" character varying NOT NULL, \"label_ko\" character varying NOT NULL, \"description_en\" text NOT NULL, \"description_ko\" text NOT NULL, \"unit_en\" text, \"unit_ko\" text, \"value_type\" \"public\".\"indicator_value_type\" NOT NULL, \"categories\" jsonb NOT NULL, \"higher_is_better\" boolean, \"min_value\" double precision, \"max_value\" double precision, \"integer_only\" boolean NOT NULL DEFAULT false, \"position\" integer NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_640817de57996c104ef037bd449\" PRIMARY KEY (\"key\"))");
    await queryRunner.query("CREATE TABLE \"city_indicator_value\" (\"city_id\" character varying NOT NULL, \"indicator_key\" character varying NOT NULL, \"number_value\" double precision, \"boolean_value\" boolean, \"text_value\" text, \"source\" text NOT NULL, \"as_of\" date NOT NULL, \"entered_by_user_id\" uuid, \"updated_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL, CONSTRAINT \"city_indicator_value_one_value\" CHECK (num_nonnulls(number_value, boolean_value, text_value) <= 1), CONSTRAINT \"PK_ffaca5f77f98c30b67844623ce0\" PRIMARY KEY (\"city_id\", \"indicator_key\"))");
    await queryRunner.query("CREATE INDEX \"IDX_318c354f9b3073bd635016d35d\" ON \"city_indicator_value\"  (\"indicator_key\") ");
    await queryRunner.query("CREATE TABLE \"city_indicator_change\" (\"id\" BIGSERIAL NOT NULL, \"city_id\" character varying NOT NULL, \"indicator_key\" character varying NOT NULL, \"old_value\" jsonb, \"new_value\" jsonb, \"source\" text NOT NULL, \"as_of\" date NOT NULL, \"changed_by_user_id\" uuid, \"changed_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_10bd938d1ef1ce95f52e366a8cf\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_3bc2e57d5b5290ab840462ad3e\" ON \"city_indicator_change\"  (\"city_id\", \"indicator_key\", \"changed_at\") ");
    await queryRunner.query("CREATE INDEX \"IDX_de9458bfd8b21d466ec2a0e1bd\" ON \"city_indicator_change\"  (\"city_id\", \"changed_at\") ");
    await queryRunner.query("CREATE TYPE \"public\".\"platform_role\" AS ENUM('ADMIN', 'BOARD_MEMBER', 'EVENT_ORGANISER')");
    await queryRunner.query("CREATE TABLE \"role_grant\" (\"user_id\" uuid NOT NULL, \"role\" \"public\".\"platform_role\" NOT NULL, \"granted_by_user_id\" uuid, \"granted_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_42955415bd856b064606d9b3a03\" PRIMARY KEY (\"user_id\", \"role\"))");
    await queryRunner.query("CREATE TABLE \"user_account\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"email\" character varying NOT NULL, \"display_name\" character varying NOT NULL, \"preferred_language\" character varying(2) NOT NULL DEFAULT 'en', \"time_zone\" character varying NOT NULL DEFAULT 'Europe/London', \"password_hash\" text, \"email_confirmed_at\" TIMESTAMP WITH TIME ZONE, \"disabled_at\" TIMESTAMP WITH TIME ZONE, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"UQ_56a0e4bcec2b5411beafa47ffa5\" UNIQUE (\"email\"), CONSTRAINT \"PK_6acfec7285fdf9f463462de3e9f\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE TYPE \"public\".\"organisation_kind\" AS ENUM('CITY_GOVERNMENT', 'UNIVERSITY', 'COMPANY', 'AGENCY', 'OTHER')");
    await queryRunner.query("CREATE TABLE \"organisation\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"name_en\" character varying NOT NULL, \"name_ko\" character varying NOT NULL, \"kind\" \"public\".\"organisation_kind\" NOT NULL, \"city_id\" character varying NOT NULL, \"website\" text, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_c725ae234ef1b74cce43d2d00c1\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_13e403bab4a127c36b66a45af7\" ON \"organisation\"  (\"city_id\", \"kind\") ");
    await queryRunner.query("CREATE TABLE \"organisation_membership\" (\"user_id\" uuid NOT NULL, \"organisation_id\" uuid NOT NULL, \"job_title\" text, \"joined_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_3f4c663ef746f7f8048a817fd5a\" PRIMARY KEY (\"user_id\", \"organisation_id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_772addb126d418417ace250303\" ON \"organisation_membership\"  (\"organisation_id\") ");
    await queryRunner.query("CREATE TABLE \"session\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"user_id\" uuid NOT NULL, \"user_agent\" text, \"ip_address\" text, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"last_used_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"expires_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"revoked_at\" TIMESTAMP WITH TIME ZONE, \"revoked_reason\" text, CONSTRAINT \"PK_f55da76ac1c3ac420f444d2ff11\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_8e6a9f28cbc4c98edf060ba4b1\" ON \"session\"  (\"user_id\", \"revoked_at\") ");
    await queryRunner.query("CREATE TABLE \"refresh_token\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"session_id\" uuid NOT NULL, \"secret_hash\" character varying(64) NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"used_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_b575dd3c21fb0831013c909e7fe\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_7643a722ca45fb721be1c63dc0\" ON \"refresh_token\"  (\"session_id\") ");
    await queryRunner.query("CREATE TYPE \"public\".\"token_purpose\" AS ENUM('EMAIL_CONFIRMATION', 'PASSWORD_RESET', 'INVITATION')");
    await queryRunner.query("CREATE TABLE \"one_time_token\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"purpose\" \"public\".\"token_purpose\" NOT NULL, \"secret_hash\" character varying(64) NOT NULL, \"email\" character varying NOT NULL, \"user_id\" uuid, \"payload\" jsonb NOT NULL DEFAULT '{}', \"created_by_user_id\" uuid, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"expires_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"used_at\" TIMESTAMP WITH TIME ZONE, \"revoked_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_956e3dd6580e4829e05ab460808\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_df623716b8f6913c4106fd8e74\" ON \"one_time_token\"  (\"purpose\", \"email\") ");
    await queryRunner.query("CREATE TYPE \"public\".\"outbox_status\" AS ENUM('PENDING', 'SENDING', 'SENT', 'FAILED', 'DEAD')");
    await queryRunner.query("CREATE TABLE \"outbox_message\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"idempotency_key\" character varying NOT NULL, \"template\" character varying NOT NULL, \"recipient_email\" character varying NOT NULL, \"recipient_user_id\" uuid, \"language\" character varying(2) NOT NULL, \"time_zone\" character varying NOT NULL, \"data\" jsonb NOT NULL DEFAULT '{}', \"status\" \"public\".\"outbox_status\" NOT NULL DEFAULT 'PENDING', \"attempts\" integer NOT NULL DEFAULT '0', \"last_error\" text, \"subject\" text, \"lease_until\" TIMESTAMP WITH TIME ZONE, \"queued_at\" TIMESTAMP WITH TIME ZONE, \"sent_at\" TIMESTAMP WITH TIME ZONE, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"UQ_561d969df672397b5f9a456bed8\" UNIQUE (\"idempotency_key\"), CONSTRAINT \"PK_2f36ee5236f2793f3e7bd554589\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_de34ff70d0aa66633c263b29e6\" ON \"outbox_message\"  (\"status\", \"queued_at\") ");
    await queryRunner.query("ALTER TABLE \"city\" ADD CONSTRAINT \"FK_ebd8be319e2628736b4bfeb82ca\" FOREIGN KEY (\"country_code\") REFERENCES \"country\"(\"code\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"city_indicator_value\" ADD CONSTRAINT \"FK_d9aae3a2e4d5e8ed82f20c47258\" FOREIGN KEY (\"city_id\") REFERENCES \"city\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"city_indicator_value\" ADD CONSTRAINT \"FK_318c354f9b3073bd635016d35dc\" FOREIGN KEY (\"indicator_key\") REFERENCES \"indicator_definition\"(\"key\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"city_indicator_change\" ADD CONSTRAINT \"FK_5c806adbb606d78a7f3ad116d5d\" FOREIGN KEY (\"city_id\") REFERENCES \"city\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"city_indicator_change\" ADD CONSTRAINT \"FK_9115bce21ca26f489ac110ef451\" FOREIGN KEY (\"indicator_key\") REFERENCES \"indicator_definition\"(\"key\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"role_grant\" ADD CONSTRAINT \"FK_cbca8b01eca20fa033ef14946b2\" FOREIGN KEY (\"user_id\") REFERENCES \"user_account\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"organisation\" ADD CONSTRAINT \"FK_554a2fe10c0693355c4b2c19cf8\" FOREIGN KEY (\"city_id\") REFERENCES \"city\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"organisation_membership\" ADD CONSTRAINT \"FK_8392d75a032aa0827a6409a7112\" FOREIGN KEY (\"user_id\") REFERENCES \"user_account\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"organisation_membership\" ADD CONSTRAINT \"FK_772addb126d418417ace2503034\" FOREIGN KEY (\"organisation_id\") REFERENCES \"organisation\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"session\" ADD CONSTRAINT \"FK_30e98e8746699fb9af235410aff\" FOREIGN KEY (\"user_id\") REFERENCES \"user_account\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"refresh_token\" ADD CONSTRAINT \"FK_7643a722ca45fb721be1c63dc0c\" FOREIGN KEY (\"session_id\") REFERENCES \"session\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"refresh_token\" DROP CONSTRAINT \"FK_7643a722ca45fb721be1c63dc0c\"");
    await queryRunner.query("ALTER TABLE \"session\" DROP CONSTRAINT \"FK_30e98e8746699fb9af235410aff\"");
    await queryRunner.query("ALTER TABLE \"organisation_membership\" DROP CONSTRAINT \"FK_772addb126d418417ace2503034\"");
    await queryRunner.query("ALTER TABLE \"organisation_membership\" DROP CONSTRAINT \"FK_8392d75a032aa0827a6409a7112\"");
    await queryRunner.query("ALTER TABLE \"organisation\" DROP CONSTRAINT \"FK_554a2fe10c0693355c4b2c19cf8\"");
    await queryRunner.query("ALTER TABLE \"role_grant\" DROP CONSTRAINT \"FK_cbca8b01eca20fa033ef14946b2\"");
    await queryRunner.query("ALTER TABLE \"city_indicator_change\" DROP CONSTRAINT \"FK_9115bce21ca26f489ac110ef451\"");
    await queryRunner.query("ALTER TABLE \"city_indicator_change\" DROP CONSTRAINT \"FK_5c806adbb606d78a7f3ad116d5d\"");
    await queryRunner.query("ALTER TABLE \"city_indicator_value\" DROP CONSTRAINT \"FK_318c354f9b3073bd635016d35dc\"");
    await queryRunner.query("ALTER TABLE \"city_indicator_value\" DROP CONSTRAINT \"FK_d9aae3a2e4d5e8ed82f20c47258\"");
    await queryRunner.query("ALTER TABLE \"city\" DROP CONSTRAINT \"FK_ebd8be319e2628736b4bfeb82ca\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_de34ff70d0aa66633c263b29e6\"");
    await queryRunner.query("DROP TABLE \"outbox_message\"");
    await queryRunner.query("DROP TYPE \"public\".\"outbox_status\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_df623716b8f6913c4106fd8e74\"");
    await queryRunner.query("DROP TABLE \"one_time_token\"");
    await queryRunner.query("DROP TYPE \"public\".\"token_purpose\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_7643a722ca45fb721be1c63dc0\"");
    await queryRunner.query("DROP TABLE \"refresh_token\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_8e6a9f28cbc4c98edf060ba4b1\"");
    await queryRunner.query("DROP TABLE \"session\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_772addb126d418417ace250303\"");
    await queryRunner.query("DROP TABLE \"organisation_membership\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_13e403bab4a127c36b66a45af7\"");
    await queryRunner.query("DROP TABLE \"organisation\"");
    await queryRunner.query("DROP TYPE \"public\".\"organisation_kind\"");
    await queryRunner.query("DROP TABLE \"user_account\"");
    await queryRunner.query("DROP TABLE \"role_grant\"");
    await queryRunner.query("DROP TYPE \"public\".\"platform_role\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_de9458bfd8b21d466ec2a0e1bd\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_3bc2e57d5b5290ab840462ad3e\"");
    await queryRunner.query("DROP TABLE \"city_indicator_change\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_318c354f9b3073bd635016d35d\"");
    await queryRunner.query("DROP TABLE \"city_indicator_value\"");
    await queryRunner.query("DROP TABLE \"indicator_definition\"");
    await queryRunner.query("DROP TYPE \"public\".\"indicator_value_type\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_ebd8be319e2628736b4bfeb82c\"");
    await queryRunner.query("DROP TABLE \"city\"");
    await queryRunner.query("DROP TABLE \"country\"");
  }
}
