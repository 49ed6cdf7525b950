import { termLabels, TWINNING_STATUSES } from '@app/rules';
import type { TwinningStatus } from './entities/twinning.entity';

/** A twinning's status as a Korean refusal names it: the glossary's term, as the web app's. */
export const TWINNING_STATUS_KO: Record<TwinningStatus, string> = termLabels(TWINNING_STATUSES, 'ko');

/** "현재 ‘휴면’ 상태": where a twinning stands, ending in 상태 so that 입니다 or 라서 may follow. */
export function twinningStatusKo(status: TwinningStatus): string {
  return `현재 ‘${TWINNING_STATUS_KO[status]}’ 상태`;
}

/** Where an invitation or a join request stands, as a Korean refusal names it. */
export const ANSWER_STATUS_KO: Record<string, string> = {
  PENDING: '대기 중',
  ACCEPTED: '수락됨',
  APPROVED: '승인됨',
  DECLINED: '거절됨',
  REVOKED: '취소됨',
  EXPIRED: '만료됨',
};
