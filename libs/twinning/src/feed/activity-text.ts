import { Bilingual, pick } from '@app/core';
import { GLOSSARY, MILESTONE_STATUSES, PROJECT_STAGES, TWINNING_STATUSES, withParticle, type GlossaryKey } from '@app/rules';
import { ActivityVerb } from './workspace-activity.entity';

/** Names of the codes an entry mentions (twinning statuses, roles, stages, milestone statuses), in both languages: the glossary's. */
const CODES: Record<string, GlossaryKey> = {
  ...TWINNING_STATUSES,
  LEAD: 'roleLead',
  MEMBER: 'roleMember',
  OBSERVER: 'roleObserver',
  ...PROJECT_STAGES,
  ...MILESTONE_STATUSES,
};
const LABELS: Record<string, { en: string; ko: string }> = Object.fromEntries(Object.entries(CODES).map(([code, key]) => [code, GLOSSARY[key]]));

/** A code's name in a language; unknown codes read as themselves. */
export function labelOf(code: unknown, language: 'en' | 'ko'): string {
  const label = LABELS[String(code)];
  return label ? label[language] : String(code ?? '');
}

/** Field names an update may list, as a reader would say them. */
const FIELD_LABELS: Record<string, { en: string; ko: string }> = {
  title: { en: 'title', ko: '제목' },
  summary: { en: 'summary', ko: '요약' },
  sectors: { en: 'sectors', ko: '분야' },
  objectives: { en: 'objectives', ko: '목표' },
  type: { en: 'type', ko: '유형' },
  leads: { en: 'leads', ko: '책임자' },
  partnerOrganisationIds: { en: 'partners', ko: '파트너 기관' },
  startDate: { en: 'start date', ko: '시작일' },
  endDate: { en: 'end date', ko: '종료일' },
  budgets: { en: 'budget', ko: '예산' },
  outputs: { en: 'outputs', ko: '성과물' },
  risks: { en: 'risks', ko: '위험' },
  dueDate: { en: 'due date', ko: '마감일' },
  evidenceLinks: { en: 'evidence', ko: '증빙 자료' },
};

export interface DescribableActivity {
  verb: ActivityVerb;
  /** Who acted: as each language writes their name, or one name for both. */
  actorName: string | { en: string; ko: string };
  objectLabel: Bilingual | null;
  details: Record<string, unknown>;
}

/**
 * The entry as a sentence in each language, both always there: a digest's
 * line. A page leaves the reason out (`withReason: false`) and shows it
 * beside the sentence as the person wrote it, marked with its language.
 */
export function describeActivity(entry: DescribableActivity, { withReason = true }: { withReason?: boolean } = {}): { en: string; ko: string } {
  return { en: sentence(entry, 'en', withReason), ko: sentence(entry, 'ko', withReason) };
}

/** The reason a person gave for the change, as they wrote it; null when none. */
export function reasonOf(entry: Pick<DescribableActivity, 'details'>): string | null {
  const reason = entry.details.reason;
  return typeof reason === 'string' && reason ? reason : null;
}

function sentence(entry: DescribableActivity, language: 'en' | 'ko', withReason: boolean): string {
  const actor = typeof entry.actorName === 'string' ? entry.actorName : entry.actorName[language];
  const object = pick(entry.objectLabel, language);
  const d = entry.details;
  const label = (code: unknown) => labelOf(code, language);
  const reason = withReason ? reasonOf(entry) : null;
  const fields = Array.isArray(d.fields) ? (d.fields as string[]).map((f) => FIELD_LABELS[f]?.[language] ?? f) : [];
  const because = reason ? (language === 'ko' ? ` (사유: ${reason})` : `: ${reason}`) : '';
  if (language === 'ko') {
    switch (entry.verb) {
      case ActivityVerb.WORKSPACE_OPENED: return `${actor}님이 자매결연 제안을 수락해 워크스페이스가 열렸습니다${because}`;
      case ActivityVerb.TWINNING_STATUS_CHANGED: return `${actor}님이 자매결연 상태를 ${label(d.from)}에서 ${withParticle(label(d.to), '으로/로')} 바꿨습니다${because}`;
      case ActivityVerb.MEMBER_INVITED: return `${actor}님이 새 ${withParticle(label(d.role), '을/를')} 초대했습니다`;
      case ActivityVerb.INVITATION_REVOKED: return `${actor}님이 초대 하나를 취소했습니다`;
      case ActivityVerb.MEMBER_JOINED: return `${object}님이 ${withParticle(label(d.role), '으로/로')} 참여했습니다`;
      case ActivityVerb.JOIN_REQUESTED: return `${actor}님이 참여를 요청했습니다`;
      case ActivityVerb.JOIN_REQUEST_DECLINED: return `${actor}님이 ${object}님의 참여 요청을 거절했습니다`;
      case ActivityVerb.MEMBER_ROLE_CHANGED: return `${actor}님이 ${object}님의 역할을 ${label(d.from)}에서 ${withParticle(label(d.to), '으로/로')} 바꿨습니다`;
      case ActivityVerb.MEMBER_REMOVED: return `${actor}님이 ${object}님을 워크스페이스에서 내보냈습니다`;
      case ActivityVerb.MEMBER_LEFT: return `${actor}님이 워크스페이스를 떠났습니다`;
      case ActivityVerb.PROJECT_CREATED: return `${actor}님이 프로젝트 ${withParticle(`“${object}”`, '을/를')} 만들었습니다`;
      case ActivityVerb.PROJECT_UPDATED: return `${actor}님이 프로젝트 “${object}”의 ${withParticle(fields.join(', ') || '내용', '을/를')} 수정했습니다`;
      case ActivityVerb.PROJECT_STAGE_CHANGED: return `${actor}님이 프로젝트 “${object}”의 단계를 ${label(d.from)}에서 ${withParticle(label(d.to), '으로/로')} 옮겼습니다${because}`;
      case ActivityVerb.PROJECT_CLOSED: return `${actor}님이 프로젝트 ${withParticle(`“${object}”`, '을/를')} 종료했습니다${because}`;
      case ActivityVerb.PROJECT_REOPENED: return `${actor}님이 프로젝트 ${withParticle(`“${object}”`, '을/를')} 다시 열었습니다${because}`;
      case ActivityVerb.PROJECT_PUBLISHED: return `${actor}님이 프로젝트 “${object}”의 요약을 공개했습니다`;
      case ActivityVerb.PROJECT_UNPUBLISHED: return `${actor}님이 프로젝트 “${object}”의 요약 공개를 중단했습니다`;
      case ActivityVerb.MILESTONE_ADDED: return `${actor}님이 “${d.project ? pick(d.project as Bilingual, language) : ''}”에 주요 일정 ${withParticle(`“${object}”`, '을/를')} 추가했습니다`;
      case ActivityVerb.MILESTONE_UPDATED: return `${actor}님이 주요 일정 “${object}”의 ${withParticle(fields.join(', ') || '내용', '을/를')} 수정했습니다`;
      case ActivityVerb.MILESTONE_STATUS_CHANGED: return `${actor}님이 주요 일정 ${withParticle(`“${object}”`, '을/를')} ${withParticle(label(d.to), '으로/로')} 표시했습니다`;
      case ActivityVerb.MILESTONE_REMOVED: return `${actor}님이 주요 일정 ${withParticle(`“${object}”`, '을/를')} 삭제했습니다`;
    }
  }
  switch (entry.verb) {
    case ActivityVerb.WORKSPACE_OPENED: return `${actor} accepted the twinning proposal and the workspace opened${because}`;
    case ActivityVerb.TWINNING_STATUS_CHANGED: return `${actor} changed the twinning from ${label(d.from)} to ${label(d.to)}${because}`;
    case ActivityVerb.MEMBER_INVITED: return `${actor} invited a new ${label(d.role)}`;
    case ActivityVerb.INVITATION_REVOKED: return `${actor} withdrew an invitation`;
    case ActivityVerb.MEMBER_JOINED: return `${object} joined as ${label(d.role)}`;
    case ActivityVerb.JOIN_REQUESTED: return `${actor} asked to join`;
    case ActivityVerb.JOIN_REQUEST_DECLINED: return `${actor} declined ${object}'s request to join`;
    case ActivityVerb.MEMBER_ROLE_CHANGED: return `${actor} changed ${object}'s role from ${label(d.from)} to ${label(d.to)}`;
    case ActivityVerb.MEMBER_REMOVED: return `${actor} removed ${object} from the workspace`;
    case ActivityVerb.MEMBER_LEFT: return `${actor} left the workspace`;
    case ActivityVerb.PROJECT_CREATED: return `${actor} created the project “${object}”`;
    case ActivityVerb.PROJECT_UPDATED: return `${actor} edited the ${fields.join(', ') || 'details'} of “${object}”`;
    case ActivityVerb.PROJECT_STAGE_CHANGED: return `${actor} moved “${object}” from ${label(d.from)} to ${label(d.to)}${because}`;
    case ActivityVerb.PROJECT_CLOSED: return `${actor} closed the project “${object}”${because}`;
    case ActivityVerb.PROJECT_REOPENED: return `${actor} reopened the project “${object}”${because}`;
    case ActivityVerb.PROJECT_PUBLISHED: return `${actor} published the summary of “${object}”`;
    case ActivityVerb.PROJECT_UNPUBLISHED: return `${actor} unpublished the summary of “${object}”`;
    case ActivityVerb.MILESTONE_ADDED: return `${actor} added the milestone “${object}” to “${d.project ? pick(d.project as Bilingual, language) : ''}”`;
    case ActivityVerb.MILESTONE_UPDATED: return `${actor} edited the ${fields.join(', ') || 'details'} of the milestone “${object}”`;
    case ActivityVerb.MILESTONE_STATUS_CHANGED: return `${actor} marked the milestone “${object}” ${label(d.to)}`;
    case ActivityVerb.MILESTONE_REMOVED: return `${actor} removed the milestone “${object}”`;
  }
  return `${actor}: ${entry.verb}`;
}
