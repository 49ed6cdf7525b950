import { BadInputError, says, type Words } from '@app/core';
// The ranges are the engine's, so what is accepted and what is scored cannot drift apart.
import { READINESS_RANGES } from '../engine/weights';

/** The four sub-scores of the founding report's internationalisation readiness rubric. */
export type ReadinessCriterionKey = 'strategy' | 'visibleHome' | 'networks' | 'collaboration';

export interface RubricLevel {
  score: number;
  en: string;
  ko: string;
}

export interface ReadinessCriterion {
  key: ReadinessCriterionKey;
  labelEn: string;
  labelKo: string;
  min: number;
  max: number;
  levels: RubricLevel[];
}

/**
 * The rubric as the report's appendix gives it (shared/domain/pairing-method.md):
 * strategy 1–5, visible home 0–2, networks 0–3, collaboration with the other
 * country 0–4; the composite is their sum, out of 14.
 */
export const READINESS_RUBRIC: readonly ReadinessCriterion[] = [
  {
    key: 'strategy',
    labelEn: 'Internationalisation strategy',
    labelKo: '국제화 전략',
    min: READINESS_RANGES.strategy[0],
    max: READINESS_RANGES.strategy[1],
    levels: [
      { score: 1, en: 'no clear evidence of a strategy or support for internationalising clusters', ko: '클러스터 국제화 전략이나 지원의 뚜렷한 근거 없음' },
      { score: 2, en: 'a strategy in the works, wants partners, little actionable and no clear owner', ko: '전략 수립 중, 파트너를 찾고 있으나 실행 가능한 내용이 적고 책임 주체가 불분명' },
      { score: 3, en: 'some recent (last two years) evidence, only in press releases or web pages', ko: '최근(2년 이내) 근거가 있으나 보도자료나 웹페이지에만 있음' },
      { score: 4, en: 'an active internationalisation plan focused on competitiveness or clusters', ko: '경쟁력 또는 클러스터에 초점을 둔 국제화 계획을 실행 중' },
      { score: 5, en: 'a full strategy with wide buy-in from firms, universities or other backers', ko: '기업·대학 등 폭넓은 지지를 받는 완전한 전략' },
    ],
  },
  {
    key: 'visibleHome',
    labelEn: 'A visible home for international activity',
    labelKo: '국제 활동을 총괄하는 주체',
    min: READINESS_RANGES.visibleHome[0],
    max: READINESS_RANGES.visibleHome[1],
    levels: [
      { score: 0, en: 'no evidence that one body holds the whole picture', ko: '전체를 파악하는 단일 기관의 근거 없음' },
      { score: 1, en: 'fragmentary evidence', ko: '단편적인 근거' },
      { score: 2, en: 'clear evidence', ko: '분명한 근거' },
    ],
  },
  {
    key: 'networks',
    labelEn: 'Current international partnerships, networks and exchanges',
    labelKo: '현재의 국제 파트너십·네트워크·교류',
    min: READINESS_RANGES.networks[0],
    max: READINESS_RANGES.networks[1],
    levels: [
      { score: 0, en: 'none meaningful', ko: '의미 있는 것 없음' },
      { score: 1, en: 'some, not aimed at technology, innovation or competitiveness, and mostly formal', ko: '일부 있으나 기술·혁신·경쟁력과 무관하고 대부분 형식적' },
      { score: 2, en: 'several networks with credible, high-quality peer cities', ko: '신뢰할 만한 우수 동료 도시들과 여러 네트워크' },
      { score: 3, en: 'leader or convenor in catalytic networks, hosting and leading activity', ko: '촉매 역할을 하는 네트워크의 주도·소집 도시로서 활동을 유치·주도' },
    ],
  },
  {
    key: 'collaboration',
    labelEn: 'Existing collaboration with the other country',
    labelKo: '상대국과의 기존 협력',
    min: READINESS_RANGES.collaboration[0],
    max: READINESS_RANGES.collaboration[1],
    levels: [
      { score: 0, en: 'no visible evidence', ko: '눈에 띄는 근거 없음' },
      { score: 1, en: 'soft (delegations, visits, goodwill, conferences)', ko: '느슨한 협력(대표단, 방문, 우호, 회의)' },
      { score: 2, en: 'partly formal (twinning agreements, joint university proposals)', ko: '부분적 공식 협력(자매결연, 대학 공동 제안)' },
      { score: 3, en: 'formal between institutions in or near the city (MOU, physical presence, joint projects)', ko: '도시 안팎 기관 간 공식 협력(MOU, 현지 거점, 공동 프로젝트)' },
      { score: 4, en: 'formal, long-term city-to-city collaboration', ko: '도시 간 공식·장기 협력' },
    ],
  },
];

export const READINESS_MAX_COMPOSITE = READINESS_RUBRIC.reduce((sum, c) => sum + c.max, 0);

export const RUBRIC_BY_KEY: Readonly<Record<ReadinessCriterionKey, ReadinessCriterion>> = Object.fromEntries(
  READINESS_RUBRIC.map((c) => [c.key, c]),
) as Record<ReadinessCriterionKey, ReadinessCriterion>;

/** "must be a whole number from 1 to 5 on the rubric for Internationalisation strategy: 1 = …; 5 = …." */
export function rubricRangeMessage(key: ReadinessCriterionKey): Words {
  const c = RUBRIC_BY_KEY[key];
  const scale = c.levels.map((l) => `${l.score} = ${l.en}`).join('; ');
  const scaleKo = c.levels.map((l) => `${l.score} = ${l.ko}`).join('; ');
  return {
    en: `must be a whole number from ${c.min} to ${c.max} on the rubric for "${c.labelEn}" (${scale}).`,
    ko: `“${c.labelKo}” 평가 기준에 따라 ${c.min}에서 ${c.max} 사이의 정수여야 합니다(${scaleKo}).`,
  };
}

export type ReadinessScores = Record<ReadinessCriterionKey, number>;

/** Checks every sub-score against its range; BAD_USER_INPUT naming the first wrong field and its rubric. */
export function checkReadinessScores(scores: ReadinessScores): ReadinessScores {
  for (const c of READINESS_RUBRIC) {
    const value = scores[c.key];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < c.min || value > c.max) {
      throw BadInputError.field(c.key, rubricRangeMessage(c.key));
    }
  }
  return scores;
}

/** The composite out of 14. */
export function readinessComposite(scores: ReadinessScores): number {
  return READINESS_RUBRIC.reduce((sum, c) => sum + scores[c.key], 0);
}

/** Sector activity levels, as the report scores them. */
export const SECTOR_LEVELS: Readonly<Record<1 | 2 | 3, string>> = {
  1: 'live infrastructure or territorial innovation (a testbed, a fleet, a district project)',
  2: 'a visible business-cluster priority',
  3: 'both',
};
export const SECTOR_LEVEL_MESSAGE = says(
  'must be 1 (live infrastructure or a testbed), 2 (a business-cluster priority) or 3 (both).',
  '1(운영 중인 인프라나 테스트베드), 2(기업 클러스터의 우선 분야), 3(둘 다) 중 하나여야 합니다.',
);

/** Link formality, on the report's 0–4 scale for existing collaboration. */
export const FORMALITY_MESSAGE = says(
  'must be a whole number from 0 to 4: 0 none, 1 soft (delegations, visits), 2 partly formal (twinning, joint proposals), ' +
    '3 formal between institutions (MOU, presence, joint projects), 4 formal long-term city-to-city.',
  '0에서 4 사이의 정수여야 합니다: 0 없음, 1 비공식(대표단, 방문), 2 일부 공식(자매결연, 공동 제안), ' +
    '3 기관 간 공식 협력(MOU, 현지 거점, 공동 프로젝트), 4 도시 간 장기 공식 협력.',
);
