import { MigrationInterface, QueryRunner } from 'typeorm';

/** The case studies the seed wrote from data/case-studies.json. */
const SEEDED_SLUGS = [
  'ulsan-offshore-wind',
  'gwangju-city-identity',
  'glasgow-seoul-5g-subway',
  'belfast-daejeon-cyber',
  'seoul-open-data-for-liverpool',
  'seoul-policy-sharing',
  'korea-smart-city-challenge',
  'seoul-competitiveness-forum',
];

/** Each success factor and lesson the seed wrote, in English → in Korean (as data/case-studies.json has them from this migration on). */
const IN_KOREAN = new Map(
  `
Made full use of the local supply chain → 지역 공급망을 최대한 활용
Korean utilities wanted agile overseas developers → 민첩한 해외 개발사와 손잡으려는 국내 발전사의 수요
The mayor acted as champion → 시장의 적극적인 사업 주도
Keep the project rooted locally so the host city gains most → 사업이 지역에 뿌리내려야 유치 도시가 가장 큰 혜택을 얻음
Secure enough funding on both sides → 양측 모두 충분한 재원을 확보해야 함
Local government involvement helps with regulation → 지방정부가 참여하면 규제 대응이 수월해짐
Collaboration reached beyond the project scope, e.g. student exchanges → 학생 교류 등 사업 범위를 넘어선 협력
Links between civic and student bodies raise the odds of success → 시 기관과 학생 단체가 연계하면 성공 가능성이 높아짐
Equal funding from the UK and Korean governments → 영국과 한국 정부의 동등한 재원 분담
Simultaneous deployment and testing in both cities → 두 도시에서 동시에 진행한 구축과 시험
Partnerships of equals widen participation → 대등한 동반자 관계가 참여의 폭을 넓힘
Projects built in two places at once create joint learning → 두 곳에서 동시에 추진하는 사업은 공동 학습으로 이어짐
Long-standing personal links → 오랜 기간 이어 온 개인 간 유대
Champions in both countries → 양국 모두에서 협력을 이끈 핵심 인물
Regular visiting-professor programme → 정례적인 방문교수 프로그램
Personal trust makes a partnership meaningful to the people in it → 개인 간 신뢰가 있어야 참여자에게 의미 있는 협력이 됨
Proactive support from national and local agencies → 중앙과 지방 기관의 적극적인 지원이 뒷받침되어야 함
Close oversight keeps every party informed and avoids fragmentation → 긴밀히 관리해야 모든 참여 기관이 상황을 공유하고 협력이 흩어지지 않음
One platform spanning every department → 모든 부서를 아우르는 단일 플랫폼
Public data offered as base data for firms → 공공데이터를 기업이 활용할 기초 데이터로 제공
Open data draws firms that solve city problems → 공공데이터를 개방하면 도시 문제를 해결하는 기업이 모여듦
Procurement targets for SMEs grow the local ecosystem → 중소기업 공공구매 목표제가 지역 생태계를 키움
Sister and friendship city ties open doors → 자매도시·우호도시 관계를 발판으로 한 협력
Funding from multilateral development banks → 다자개발은행의 재원 활용
Consortia with private firms → 민간 기업과의 컨소시엄 구성
City-to-city exchange can solve shared urban problems better than state-to-state aid → 도시 간 교류가 국가 간 원조보다 공통의 도시 문제를 더 잘 풀 수 있음
Invited training is the largest share of the work → 초청 연수가 사업에서 가장 큰 비중을 차지함
Competition between cities for funding → 재원을 놓고 도시들이 경쟁하는 공모 방식
Standard indicators to diagnose each city → 도시별 진단을 위한 표준 지표
Start-up friendly procurement builds references abroad → 스타트업 친화적인 조달이 해외 진출 실적을 쌓는 발판이 됨
One office owns the indicators → 한 부서가 지표를 총괄 관리
Research institute partnership → 연구기관과의 협력
Keep indicator data current and public → 지표 데이터를 최신으로 유지하고 공개해야 함
Regular forums turn findings into policy → 정기 포럼이 분석 결과를 정책으로 연결함
`
    .trim()
    .split('\n')
    .map((line) => line.split(' → ') as [string, string]),
);

interface Item {
  en: string | null;
  ko: string | null;
}

const list = (items: Item[], language: keyof Item) => items.map((item) => `- ${item[language]}`).join('\n');

/**
 * Case studies seeded before their success factors and lessons were written in
 * Korean: the lists held English only, and the Korean versions quoted them
 * under "## 성공 요인 (영어 원문)" and "## 교훈 (영어 원문)". Each one still
 * exactly as the seed left it (its shared fields at their first version, every
 * item of its lists one the seed wrote, in English only; both languages at
 * their first revision, with no later one kept; the Korean version published,
 * its body the summary and the quoted lists) gets both languages in its lists,
 * and its Korean version a second revision with the lists in Korean, as the
 * seed now writes it. A case study a person has changed is left as it is.
 * Returns the slugs written.
 */
export async function writeSeededCaseStudiesInKorean(query: (sql: string, parameters: unknown[]) => Promise<unknown>): Promise<string[]> {
  const candidates = (await query(
    `SELECT c.id, c.slug, c.success_factors, c.lessons, v.summary, v.body
       FROM case_study c JOIN case_study_version v ON v.case_study_id = c.id AND v.language = 'ko'
      WHERE c.slug = ANY($1) AND c.version = 1 AND v.revision = 1 AND v.status = 'PUBLISHED'
        AND NOT EXISTS (SELECT 1 FROM case_study_version o WHERE o.case_study_id = c.id AND o.revision <> 1)
        AND NOT EXISTS (SELECT 1 FROM case_study_revision r WHERE r.case_study_id = c.id AND r.revision <> 1)
      ORDER BY c.slug
      FOR UPDATE OF c, v`,
    [SEEDED_SLUGS],
  )) as Array<{ id: string; slug: string; success_factors: Item[]; lessons: Item[]; summary: string; body: string }>;
  const written: string[] = [];
  for (const row of candidates) {
    const seeded = [...row.success_factors, ...row.lessons].every((item) => item.ko === null && IN_KOREAN.has(item.en ?? ''));
    const quoted = `${row.summary}\n\n## 성공 요인 (영어 원문)\n\n${list(row.success_factors, 'en')}\n\n## 교훈 (영어 원문)\n\n${list(row.lessons, 'en')}\n`;
    if (!seeded || row.body !== quoted) continue;
    const both = (items: Item[]) => items.map(({ en }) => ({ en, ko: IN_KOREAN.get(en!)! }));
    const [successFactors, lessons] = [both(row.success_factors), both(row.lessons)];
    const body = `${row.summary}\n\n## 성공 요인\n\n${list(successFactors, 'ko')}\n\n## 교훈\n\n${list(lessons, 'ko')}\n`;
    await query(
      `WITH lists AS (
          UPDATE case_study SET success_factors = $2::jsonb, lessons = $3::jsonb, version = version + 1, updated_at = now() WHERE id = $1 RETURNING id
        ), korean AS (
          UPDATE case_study_version v SET body = $4, revision = v.revision + 1, updated_at = now()
            FROM lists WHERE v.case_study_id = lists.id AND v.language = 'ko' RETURNING v.*
        )
        INSERT INTO case_study_revision (case_study_id, language, revision, title, summary, body, status, edited_by_user_id, edited_at)
          SELECT case_study_id, language, revision, title, summary, body, status, NULL, now() FROM korean`,
      [row.id, JSON.stringify(successFactors), JSON.stringify(lessons), body],
    );
    written.push(row.slug);
  }
  return written;
}

export class SeededCaseStudiesInKorean1796658353910 implements MigrationInterface {
  name = 'SeededCaseStudiesInKorean1796658353910';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await writeSeededCaseStudiesInKorean((sql, parameters) => queryRunner.query(sql, parameters));
  }

  public async down(): Promise<void> {
    // Nothing to undo: revisions are kept for good, and the Korean lists say what the English ones say.
  }
}
