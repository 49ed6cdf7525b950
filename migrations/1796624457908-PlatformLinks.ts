import { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * The platform's own relationships become pairing evidence: a link per
 * twinning and per joint project, kept by twinning and projects through
 * pairing's PlatformLinksService (see CityLink). Twinnings and projects made
 * before this migration get their link here, in the words the services write
 * (libs/twinning/src/twinning-link.ts, libs/projects/src/project-link.ts:
 * change them together; test/pairing/platform-links.e2e-spec.ts holds the
 * two to the same rows), from each record's last status change. A migration
 * may read every context's tables; the backfill writes no audit entry, as
 * the seed writes none for the report's links. Then both cities of every
 * such link are queued for scoring again.
 */

/** One link per twinning: formality 4 active, 2 dormant, 1 proposed; declined, withdrawn and closed are history. */
const BACKFILL_TWINNINGS = `
  INSERT INTO city_link (city_a_id, city_b_id, kind, since, formality, live, summary, source, as_of, entered_by_user_id, platform_ref)
  SELECT t.city_a_id, t.city_b_id, 'city-to-city',
         extract(year FROM coalesce(t.active_since, t.created_at) AT TIME ZONE 'UTC')::int,
         CASE t.status WHEN 'ACTIVE' THEN 4 WHEN 'DORMANT' THEN 2 WHEN 'CLOSED' THEN 4 ELSE 1 END,
         t.status IN ('PROPOSED', 'ACTIVE', 'DORMANT'),
         CASE t.status
           WHEN 'PROPOSED' THEN 'A twinning of ' || a.name_en || ' and ' || b.name_en || ' was proposed on the Innovation Twins platform and awaits an answer.'
           WHEN 'ACTIVE' THEN a.name_en || ' and ' || b.name_en || ' are twinned on the Innovation Twins platform and work together in a twin workspace.'
           WHEN 'DORMANT' THEN a.name_en || ' and ' || b.name_en || ' are twinned on the Innovation Twins platform; the twinning is dormant, with little activity.'
           WHEN 'DECLINED' THEN 'A proposal to twin ' || a.name_en || ' and ' || b.name_en || ' on the Innovation Twins platform was declined.'
           WHEN 'WITHDRAWN' THEN 'A proposal to twin ' || a.name_en || ' and ' || b.name_en || ' on the Innovation Twins platform was withdrawn.'
           ELSE a.name_en || ' and ' || b.name_en || ' were twinned on the Innovation Twins platform; the twinning is closed.'
         END,
         'Innovation Twins platform: ' ||
           CASE t.status
             WHEN 'PROPOSED' THEN 'twinning proposed'
             WHEN 'ACTIVE' THEN CASE WHEN c.from_status = 'DORMANT' THEN 'twinning active again' ELSE 'twinning accepted' END
             WHEN 'DORMANT' THEN 'twinning dormant'
             WHEN 'DECLINED' THEN 'twinning declined'
             WHEN 'WITHDRAWN' THEN 'twinning proposal withdrawn'
             ELSE 'twinning closed'
           END || ' ' || to_char(coalesce(c.at, t.updated_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD'),
         (coalesce(c.at, t.updated_at) AT TIME ZONE 'UTC')::date,
         coalesce(c.actor_user_id, t.proposed_by_user_id),
         'twinning:' || t.id
    FROM twinning t
    JOIN city a ON a.id = t.city_a_id
    JOIN city b ON b.id = t.city_b_id
    LEFT JOIN LATERAL (
      SELECT s.at, s.from_status, s.actor_user_id FROM twinning_status_change s
       WHERE s.twinning_id = t.id ORDER BY s.at DESC LIMIT 1
    ) c ON true
  ON CONFLICT (platform_ref) DO NOTHING`;

/** One link per joint project, between its twinning's cities: formality 3, live while the project is open. */
const BACKFILL_PROJECTS = `
  INSERT INTO city_link (city_a_id, city_b_id, kind, since, formality, live, summary, source, as_of, entered_by_user_id, platform_ref)
  SELECT t.city_a_id, t.city_b_id, 'joint-project',
         extract(year FROM p.created_at AT TIME ZONE 'UTC')::int,
         3,
         p.closed_at IS NULL,
         'A joint project of ' || a.name_en || ' and ' || b.name_en || ' in their twin workspace on the Innovation Twins platform' ||
           CASE WHEN p.closed_at IS NULL THEN '.' ELSE '; it is closed.' END,
         'Innovation Twins platform: ' ||
           CASE WHEN p.closed_at IS NOT NULL THEN 'joint project closed' WHEN e.verb = 'PROJECT_REOPENED' THEN 'joint project reopened' ELSE 'joint project started' END ||
           ' ' || to_char(coalesce(p.closed_at, e.at, p.created_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD'),
         (coalesce(p.closed_at, e.at, p.created_at) AT TIME ZONE 'UTC')::date,
         coalesce(e.actor_user_id, p.created_by_user_id),
         'project:' || p.id
    FROM project p
    JOIN workspace w ON w.id = p.workspace_id
    JOIN twinning t ON t.id = w.twinning_id
    JOIN city a ON a.id = t.city_a_id
    JOIN city b ON b.id = t.city_b_id
    LEFT JOIN LATERAL (
      SELECT v.at, v.verb, v.actor_user_id FROM workspace_activity v
       WHERE v.object_id = p.id::text AND v.verb IN ('PROJECT_CREATED', 'PROJECT_CLOSED', 'PROJECT_REOPENED')
       ORDER BY v.at DESC LIMIT 1
    ) e ON true
  ON CONFLICT (platform_ref) DO NOTHING`;

const RECOMPUTE_PLATFORM_PAIRS = `
  SELECT request_pairing_recompute(array_agg(DISTINCT id)) FROM (
    SELECT city_a_id AS id FROM city_link WHERE platform_ref IS NOT NULL
    UNION SELECT city_b_id FROM city_link WHERE platform_ref IS NOT NULL
  ) ends`;

/** The backfill, statement by statement: it adds only the links that are missing. */
export const PLATFORM_LINKS_BACKFILL = [BACKFILL_TWINNINGS, BACKFILL_PROJECTS, RECOMPUTE_PLATFORM_PAIRS];

export class PlatformLinks1796624457908 implements MigrationInterface {
  name = 'PlatformLinks1796624457908';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"city_link\" ADD \"live\" boolean NOT NULL DEFAULT true");
    await queryRunner.query("ALTER TABLE \"city_link\" ADD \"platform_ref\" text");
    await queryRunner.query("ALTER TABLE \"city_link\" ADD CONSTRAINT \"UQ_0f84dcf2117b5d58045f4534648\" UNIQUE (\"platform_ref\")");
    await queryRunner.query("ALTER TABLE \"city_link\" ADD CONSTRAINT \"city_link_platform_between_cities\" CHECK (platform_ref IS NULL OR (city_b_id IS NOT NULL AND seed_key IS NULL))");
    await queryRunner.query("ALTER TABLE \"city_link\" ADD CONSTRAINT \"city_link_history_from_platform\" CHECK (live OR platform_ref IS NOT NULL)");
    for (const statement of PLATFORM_LINKS_BACKFILL) await queryRunner.query(statement);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // Without its columns a platform link would read as a live link someone entered: they go, and their pairs are scored again.
    await queryRunner.query(RECOMPUTE_PLATFORM_PAIRS);
    await queryRunner.query("DELETE FROM city_link WHERE platform_ref IS NOT NULL");
    await queryRunner.query("ALTER TABLE \"city_link\" DROP CONSTRAINT \"city_link_history_from_platform\"");
    await queryRunner.query("ALTER TABLE \"city_link\" DROP CONSTRAINT \"city_link_platform_between_cities\"");
    await queryRunner.query("ALTER TABLE \"city_link\" DROP CONSTRAINT \"UQ_0f84dcf2117b5d58045f4534648\"");
    await queryRunner.query("ALTER TABLE \"city_link\" DROP COLUMN \"platform_ref\"");
    await queryRunner.query("ALTER TABLE \"city_link\" DROP COLUMN \"live\"");
  }
}
