import type { Words } from '@app/core';
import type { ProjectStage } from '@app/projects';
import type { TwinningStatus } from '@app/twinning';
import { formatInstant, termLabels, withParticle } from '@app/rules';
import type { ApplicationStatus, DecisionOutcome } from './applications/application.enums';

/** An application's status as a Korean sentence names it (the English keeps the code, as the API's clients read it). */
export const STATUS_KO: Record<ApplicationStatus, string> = {
  DRAFT: '작성 중',
  SUBMITTED: '제출 완료',
  ELIGIBILITY_CHECKED: '자격 확인 완료',
  UNDER_REVIEW: '심사 중',
  DECIDED: '결정 완료',
  AWARD_ACCEPTED: '지원 수락',
  IN_DELIVERY: '사업 수행 중',
  CLOSED: '종료',
  WITHDRAWN: '철회',
};

/** A project's stage in Korean: the glossary's term. */
export const STAGE_KO: Record<ProjectStage, string> = termLabels(
  {
    DISCOVERY: 'stageDiscovery',
    GOAL_SETTING: 'stageGoalSetting',
    FEASIBILITY: 'stageFeasibility',
    DEMONSTRATOR: 'stageDemonstrator',
    SCALING: 'stageScaling',
    BUSINESS_AS_USUAL: 'stageBusinessAsUsual',
  },
  'ko',
);

export const TWINNING_STATUS_KO: Record<TwinningStatus, string> = {
  PROPOSED: '제안됨',
  ACTIVE: '활동 중',
  DORMANT: '휴면',
  CLOSED: '종료',
  DECLINED: '거절됨',
  WITHDRAWN: '철회됨',
};

/** "‘심사 중’ 상태": a status in a Korean sentence. */
export function statusKo(status: ApplicationStatus): string {
  return `‘${STATUS_KO[status]}’ 상태`;
}

/** "GBP와 KRW", "영국과 대한민국": Korean "and" between words, each particle after the word before it. */
export function andKo(items: readonly string[]): string {
  return items.length > 1 ? `${items.slice(0, -1).map((item) => withParticle(item, '와/과')).join(' ')} ${items[items.length - 1]}` : (items[0] ?? '');
}

/** "GBP 또는 KRW". */
export function orKo(items: readonly string[]): string {
  return items.join(' 또는 ');
}

/** Words that are the same in both languages (codes, amounts, ids). */
export function same(text: string): Words {
  return { en: text, ko: text };
}

/** "2027년 3월 31일 (수) 오후 5:00 (한국 시간)": an instant as a Korean sentence says it, by the one rule for times. */
export function whenKo(at: Date): string {
  return formatInstant(at, 'Asia/Seoul', 'ko');
}

/** A decision's outcome in Korean, as the web app's pages name it. */
export const OUTCOME_KO: Record<DecisionOutcome, string> = {
  APPROVED: '승인',
  APPROVED_WITH_CONDITIONS: '조건부 승인',
  REJECTED: '불승인',
  DEFERRED: '보류',
};
