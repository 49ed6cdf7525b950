import { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * A link's summary in English and/or Korean (summary_en, summary_ko), and
 * the Korean of the source the platform writes for its own links
 * (source_ko). The summary a link has becomes its English version. The
 * platform's links (platform_ref set) get their Korean here, in the words
 * libs/twinning/src/twinning-link.ts, libs/projects/src/project-link.ts and
 * platformSource (libs/pairing/src/evidence/platform-links.service.ts)
 * write, read back from the event and day their English source records. The
 * report's links get their Korean from data/uk-kr-links.json the next time
 * reference data is loaded (`npm run seed`), which updates seeded rows
 * nobody has edited.
 */

/** Korean's particle after a Hangul word: the first form after a final consonant (받침), else the second. */
const particle = (word: string, withFinal: string, without: string) =>
  `CASE WHEN (ascii(right(${word}, 1)) - 44032) % 28 = 0 THEN '${without}' ELSE '${withFinal}' END`;
const A_WA = `a.name_ko || ${particle('a.name_ko', '과', '와')}`;
const B_EUN = `b.name_ko || ${particle('b.name_ko', '은', '는')}`;
const B_I = `b.name_ko || ${particle('b.name_ko', '이', '가')}`;

const EVENT = `substring(l.source from '^Innovation Twins platform: (.+) [0-9]{4}-[0-9]{2}-[0-9]{2}$')`;
const DAY = `to_date(right(l.source, 10), 'YYYY-MM-DD')`;

/** The Korean of the platform's links, from their English source: what the services write. */
export const BACKFILL_PLATFORM_LINKS = `
  UPDATE city_link l
     SET source_ko = '이노베이션 트윈스 플랫폼: ' || extract(year FROM ${DAY}) || '년 ' || extract(month FROM ${DAY}) || '월 ' || extract(day FROM ${DAY}) || '일 ' ||
           CASE ${EVENT}
             WHEN 'twinning proposed' THEN '자매결연 제안'
             WHEN 'twinning accepted' THEN '자매결연 수락'
             WHEN 'twinning active again' THEN '자매결연 활동 재개'
             WHEN 'twinning dormant' THEN '자매결연 휴면'
             WHEN 'twinning declined' THEN '자매결연 거절'
             WHEN 'twinning proposal withdrawn' THEN '자매결연 제안 철회'
             WHEN 'twinning closed' THEN '자매결연 종료'
             WHEN 'joint project started' THEN '공동 프로젝트 시작'
             WHEN 'joint project reopened' THEN '공동 프로젝트 재개'
             ELSE '공동 프로젝트 종료'
           END,
         summary_ko =
           CASE ${EVENT}
             WHEN 'twinning proposed' THEN '이노베이션 트윈스 플랫폼에서 ' || ${A_WA} || ' ' || b.name_ko || '의 자매결연이 제안되어 답변을 기다리고 있습니다.'
             WHEN 'twinning accepted' THEN ${A_WA} || ' ' || ${B_EUN} || ' 이노베이션 트윈스 플랫폼에서 자매결연을 맺고 공동 워크스페이스에서 함께 일합니다.'
             WHEN 'twinning active again' THEN ${A_WA} || ' ' || ${B_EUN} || ' 이노베이션 트윈스 플랫폼에서 자매결연을 맺고 공동 워크스페이스에서 함께 일합니다.'
             WHEN 'twinning dormant' THEN ${A_WA} || ' ' || ${B_EUN} || ' 이노베이션 트윈스 플랫폼에서 자매결연을 맺었으나, 지금은 활동이 거의 없는 휴면 상태입니다.'
             WHEN 'twinning declined' THEN '이노베이션 트윈스 플랫폼에서 ' || ${A_WA} || ' ' || b.name_ko || '의 자매결연 제안이 거절되었습니다.'
             WHEN 'twinning proposal withdrawn' THEN '이노베이션 트윈스 플랫폼에서 ' || ${A_WA} || ' ' || b.name_ko || '의 자매결연 제안이 철회되었습니다.'
             WHEN 'twinning closed' THEN ${A_WA} || ' ' || ${B_EUN} || ' 이노베이션 트윈스 플랫폼에서 자매결연을 맺었으며, 그 자매결연은 종료되었습니다.'
             WHEN 'joint project closed' THEN '이노베이션 트윈스 플랫폼의 공동 워크스페이스에서 ' || ${A_WA} || ' ' || ${B_I} || ' 함께한 공동 프로젝트로, 지금은 종료되었습니다.'
             ELSE '이노베이션 트윈스 플랫폼의 공동 워크스페이스에서 ' || ${A_WA} || ' ' || ${B_I} || ' 함께하는 공동 프로젝트입니다.'
           END
    FROM city a, city b
   WHERE l.platform_ref IS NOT NULL AND a.id = l.city_a_id AND b.id = l.city_b_id AND ${EVENT} IS NOT NULL`;

export class CityLinkLanguages1796658640274 implements MigrationInterface {
  name = 'CityLinkLanguages1796658640274';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "city_link" RENAME COLUMN "summary" TO "summary_en"');
    await queryRunner.query('ALTER TABLE "city_link" ALTER COLUMN "summary_en" DROP NOT NULL');
    await queryRunner.query('ALTER TABLE "city_link" ADD "summary_ko" text');
    await queryRunner.query('ALTER TABLE "city_link" ADD "source_ko" text');
    await queryRunner.query('ALTER TABLE "city_link" ADD CONSTRAINT "city_link_summary" CHECK (summary_en IS NOT NULL OR summary_ko IS NOT NULL)');
    await queryRunner.query(BACKFILL_PLATFORM_LINKS);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "city_link" DROP CONSTRAINT "city_link_summary"');
    await queryRunner.query('ALTER TABLE "city_link" DROP COLUMN "source_ko"');
    // A summary written only in Korean keeps its words as the one summary the table had.
    await queryRunner.query('UPDATE "city_link" SET "summary_en" = "summary_ko" WHERE "summary_en" IS NULL');
    await queryRunner.query('ALTER TABLE "city_link" DROP COLUMN "summary_ko"');
    await queryRunner.query('ALTER TABLE "city_link" ALTER COLUMN "summary_en" SET NOT NULL');
    await queryRunner.query('ALTER TABLE "city_link" RENAME COLUMN "summary_en" TO "summary"');
  }
}
