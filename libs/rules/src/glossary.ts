/**
 * The programme's domain terms, each with its one English and its one Korean
 * rendering, for the web app's catalogs, the emails and the API's texts alike.
 * `avoid` lists renderings that must not appear (a test scans every catalog,
 * email template and Korean text of the API for them): a Korean reader should
 * meet one word for one thing everywhere.
 *
 * English words are written as they stand inside a sentence (lower case,
 * except names); a label starting a line capitalises the first letter.
 */
export interface GlossaryTerm {
  readonly en: string;
  readonly ko: string;
  /** Renderings of the same thing that must not be used, in either language. */
  readonly avoid?: readonly string[];
}

export const GLOSSARY = {
  // Countries: the names the cities' table gives them.
  countryGB: { en: 'United Kingdom', ko: '영국' },
  countryKR: { en: 'Republic of Korea', ko: '대한민국', avoid: ['South Korea', '남한'] },

  // The seed fund and its board.
  fund: { en: 'fund', ko: '기금', avoid: ['펀드'] },
  seedFund: { en: 'seed fund', ko: '시드 기금', avoid: ['시드 펀딩', '시드 펀드'] },
  call: { en: 'call', ko: '공모' },
  application: { en: 'application', ko: '신청서' },
  board: { en: 'board', ko: '운영위원회', avoid: ['이사회'] },
  boardMember: { en: 'board member', ko: '운영위원' },
  review: { en: 'review', ko: '심사' },
  meeting: { en: 'meeting', ko: '회의' },
  quorum: { en: 'quorum', ko: '정족수', avoid: ['의사정족수'] },
  decision: { en: 'decision', ko: '결정' },

  // Twinning and the work of twinned cities.
  twinning: { en: 'twinning', ko: '자매결연', avoid: ['자매 결연'] },
  workspace: { en: 'twin workspace', ko: '워크스페이스', avoid: ['작업 공간'] },
  project: { en: 'joint project', ko: '공동 프로젝트' },
  milestone: { en: 'milestone', ko: '주요 일정', avoid: ['마일스톤'] },
  caseStudy: { en: 'case study', ko: '우수 사례', avoid: ['사례 연구'] },
  event: { en: 'event', ko: '행사' },
  registration: { en: 'registration', ko: '참가 등록' },
  waitingList: { en: 'waiting list', ko: '대기자 명단', avoid: ['대기 명단', '웨이팅'] },
  organiser: { en: 'organiser', ko: '주최자' },

  // Project stages, in order.
  stageDiscovery: { en: 'Discovery', ko: '탐색' },
  stageGoalSetting: { en: 'Goal setting', ko: '목표 설정' },
  stageFeasibility: { en: 'Feasibility', ko: '타당성 검토', avoid: ['타당성 조사'] },
  stageDemonstrator: { en: 'Demonstrator', ko: '실증' },
  stageScaling: { en: 'Scaling', ko: '확산' },
  stageBusinessAsUsual: { en: 'Business as usual', ko: '상시 운영' },

  // Roles in a twin workspace and on the platform.
  roleLead: { en: 'lead', ko: '리더', avoid: ['리드'] },
  roleMember: { en: 'member', ko: '멤버' },
  roleObserver: { en: 'observer', ko: '참관인' },
  roleAdmin: { en: 'admin', ko: '관리자' },
  roleEventOrganiser: { en: 'event organiser', ko: '행사 주최자' },

  // Statuses.
  twinningProposed: { en: 'proposed', ko: '제안됨' },
  twinningActive: { en: 'active', ko: '활동 중' },
  twinningDormant: { en: 'dormant', ko: '휴면' },
  twinningClosed: { en: 'closed', ko: '종료' },
  twinningDeclined: { en: 'declined', ko: '거절됨' },
  twinningWithdrawn: { en: 'withdrawn', ko: '철회됨' },
  applicationDraft: { en: 'draft', ko: '작성 중' },
  applicationSubmitted: { en: 'submitted', ko: '제출 완료' },
  applicationEligibilityChecked: { en: 'eligibility checked', ko: '자격 확인 완료' },
  applicationUnderReview: { en: 'under review', ko: '심사 중' },
  applicationDecided: { en: 'decided', ko: '결정 완료' },
  applicationAwardAccepted: { en: 'award accepted', ko: '지원 수락' },
  applicationInDelivery: { en: 'in delivery', ko: '사업 수행 중' },
  outcomeApproved: { en: 'approved', ko: '승인' },
  outcomeApprovedWithConditions: { en: 'approved with conditions', ko: '조건부 승인' },
  outcomeDeferred: { en: 'deferred', ko: '보류' },
  outcomeRejected: { en: 'rejected', ko: '불승인' },
  milestonePlanned: { en: 'planned', ko: '예정' },
  milestoneInProgress: { en: 'in progress', ko: '진행 중' },
  milestoneDone: { en: 'done', ko: '완료' },
  milestoneMissed: { en: 'missed', ko: '기한 초과', avoid: ['기한 내 미완료'] },
  milestoneCancelled: { en: 'cancelled', ko: '취소' },
  languageStatus: { en: 'status in each language', ko: '언어별 상태', avoid: ['언어판별'] },

  // The kinds of link between two cities that the pairing score weighs.
  linkResearch: { en: 'research', ko: '연구 협력' },
  linkCityToCity: { en: 'city-to-city', ko: '도시 간 협력', avoid: ['도시 간 교류'] },
  linkBusinessGovernment: { en: 'business and government', ko: '민관 협력', avoid: ['기업과 정부 간 협력', '기업–정부 협력'] },
  linkBusinessResearch: { en: 'business and research', ko: '산학 협력', avoid: ['기업과 연구기관 간 협력', '기업–연구기관 협력'] },
  linkJointProject: { en: 'joint project', ko: '공동 프로젝트' },
} as const satisfies Record<string, GlossaryTerm>;

export type GlossaryKey = keyof typeof GLOSSARY;

/** A term in a language, with its first letter capitalised in English for a label or a heading. */
export function term(key: GlossaryKey, language: 'en' | 'ko', { label = false }: { label?: boolean } = {}): string {
  const text = GLOSSARY[key][language];
  return label && language === 'en' ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

/** Labels for codes, each the glossary's term: `termLabels({ FEASIBILITY: 'stageFeasibility' }, 'ko')` is { FEASIBILITY: '타당성 검토' }. */
export function termLabels<K extends string>(keys: Record<K, GlossaryKey>, language: 'en' | 'ko'): Record<K, string> {
  return Object.fromEntries(Object.entries<GlossaryKey>(keys).map(([code, key]) => [code, term(key, language, { label: true })])) as Record<K, string>;
}

/** Every rendering the glossary forbids, with the term it stands in for. */
export function forbiddenVariants(): { variant: string; key: GlossaryKey; use: string }[] {
  return (Object.entries(GLOSSARY) as [GlossaryKey, GlossaryTerm][]).flatMap(([key, entry]) =>
    (entry.avoid ?? []).map((variant) => ({ variant, key, use: /[가-힣]/.test(variant) ? entry.ko : entry.en })),
  );
}

/** A joint project's stages, by their codes. */
export const PROJECT_STAGES = {
  DISCOVERY: 'stageDiscovery',
  GOAL_SETTING: 'stageGoalSetting',
  FEASIBILITY: 'stageFeasibility',
  DEMONSTRATOR: 'stageDemonstrator',
  SCALING: 'stageScaling',
  BUSINESS_AS_USUAL: 'stageBusinessAsUsual',
} as const satisfies Record<string, GlossaryKey>;

/** A milestone's statuses, by their codes. */
export const MILESTONE_STATUSES = {
  PLANNED: 'milestonePlanned',
  IN_PROGRESS: 'milestoneInProgress',
  DONE: 'milestoneDone',
  MISSED: 'milestoneMissed',
  CANCELLED: 'milestoneCancelled',
} as const satisfies Record<string, GlossaryKey>;

/** Twinning statuses, by their codes. */
export const TWINNING_STATUSES = {
  PROPOSED: 'twinningProposed',
  ACTIVE: 'twinningActive',
  DORMANT: 'twinningDormant',
  CLOSED: 'twinningClosed',
  DECLINED: 'twinningDeclined',
  WITHDRAWN: 'twinningWithdrawn',
} as const satisfies Record<string, GlossaryKey>;

/** Seed-fund application statuses, by their codes (closed and withdrawn read as a twinning's do). */
export const APPLICATION_STATUSES = {
  DRAFT: 'applicationDraft',
  SUBMITTED: 'applicationSubmitted',
  ELIGIBILITY_CHECKED: 'applicationEligibilityChecked',
  UNDER_REVIEW: 'applicationUnderReview',
  DECIDED: 'applicationDecided',
  AWARD_ACCEPTED: 'applicationAwardAccepted',
  IN_DELIVERY: 'applicationInDelivery',
  CLOSED: 'twinningClosed',
  WITHDRAWN: 'twinningWithdrawn',
} as const satisfies Record<string, GlossaryKey>;

/** A board's decision outcomes, by their codes. */
export const DECISION_OUTCOMES = {
  APPROVED: 'outcomeApproved',
  APPROVED_WITH_CONDITIONS: 'outcomeApprovedWithConditions',
  DEFERRED: 'outcomeDeferred',
  REJECTED: 'outcomeRejected',
} as const satisfies Record<string, GlossaryKey>;

/** The two countries' names, by their codes. */
export const COUNTRIES = { GB: 'countryGB', KR: 'countryKR' } as const satisfies Record<string, GlossaryKey>;

/** A country's name in a sentence: the glossary's for the programme's two ("the United Kingdom", "영국"), else its code. */
export function countryName(code: string | undefined, language: 'en' | 'ko'): string {
  const key = COUNTRIES[code as keyof typeof COUNTRIES] as GlossaryKey | undefined;
  if (!key) return code ?? '';
  return language === 'en' ? `the ${term(key, 'en')}` : term(key, 'ko');
}

/** The kinds of link between two cities, by their codes. */
export const LINK_KINDS = {
  research: 'linkResearch',
  'city-to-city': 'linkCityToCity',
  'business-to-government': 'linkBusinessGovernment',
  'business-to-research': 'linkBusinessResearch',
  'joint-project': 'linkJointProject',
} as const satisfies Record<string, GlossaryKey>;
