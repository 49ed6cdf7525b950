import type { Words } from '@app/core';
import type { ProjectStage } from '@app/projects';
import { APPLICATION_STATUSES, DECISION_OUTCOMES, formatInstant, PROJECT_STAGES, termLabels, withParticle } from '@app/rules';
import type { ApplicationStatus, DecisionOutcome } from './applications/application.enums';

/** An application's status as a Korean sentence names it: the glossary's term, as the web app's. */
export const STATUS_KO: Record<ApplicationStatus, string> = termLabels(APPLICATION_STATUSES, 'ko');

/** A project's stage in Korean: the glossary's term. */
export const STAGE_KO: Record<ProjectStage, string> = termLabels(PROJECT_STAGES, 'ko');

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

/** A decision's outcome in Korean: the glossary's term, as the web app's pages name it. */
export const OUTCOME_KO: Record<DecisionOutcome, string> = termLabels(DECISION_OUTCOMES, 'ko');
