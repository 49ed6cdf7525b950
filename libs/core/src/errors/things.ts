/**
 * The kinds of thing the API may not find, named in English and Korean, so
 * every NOT_FOUND is written in the caller's language. Adding a kind here is
 * the only way to name it in a NotFoundError.
 */
export const THINGS = {
  agendaItem: { en: 'agenda item', ko: '안건' },
  application: { en: 'application', ko: '신청서' },
  applicationConflicts: { en: 'conflicts of this application', ko: '이 신청서의 이해충돌 신고' },
  applicationReviews: { en: 'reviews of this application', ko: '이 신청서의 심사' },
  applicationVotes: { en: 'votes on this application', ko: '이 신청서에 대한 표결' },
  boardMember: { en: 'board member', ko: '심사위원' },
  call: { en: 'call', ko: '공모' },
  caseStudy: { en: 'case study', ko: '우수 사례' },
  caseStudyRevisions: { en: 'revisions of this case study', ko: '이 우수 사례의 수정 이력' },
  caseStudyVersion: { en: 'version of this case study in that language', ko: '이 우수 사례의 해당 언어 버전' },
  city: { en: 'city', ko: '도시' },
  cityLink: { en: 'city link', ko: '도시 간 연계' },
  country: { en: 'country', ko: '국가' },
  decision: { en: 'decision', ko: '결정' },
  decisionVotes: { en: 'votes of this decision', ko: '이 결정의 표결' },
  event: { en: 'event', ko: '행사' },
  eventRegistrations: { en: 'registration list of this event', ko: '이 행사의 등록자 명단' },
  fund: { en: 'fund', ko: '기금' },
  fundAuditLog: { en: 'fund audit log', ko: '기금 감사 기록' },
  fundBoard: { en: 'fund board', ko: '기금 심사위원회' },
  invitation: { en: 'invitation', ko: '초대' },
  joinRequest: { en: 'join request', ko: '참여 요청' },
  meeting: { en: 'meeting', ko: '회의' },
  message: { en: 'message', ko: '메시지' },
  milestone: { en: 'milestone', ko: '주요 일정' },
  organisation: { en: 'organisation', ko: '기관' },
  organisationMembership: { en: 'membership of that user in that organisation', ko: '그 사용자의 해당 기관 소속' },
  organisationRequest: { en: 'organisation request', ko: '기관 요청' },
  project: { en: 'project', ko: '프로젝트' },
  review: { en: 'review', ko: '심사' },
  reviewAssignment: { en: 'review assignment', ko: '심사 배정' },
  session: { en: 'session', ko: '로그인 세션' },
  twinning: { en: 'twinning', ko: '자매결연' },
  user: { en: 'user', ko: '사용자' },
  weightProfile: { en: 'weight profile', ko: '가중치 프로필' },
  workspace: { en: 'workspace', ko: '워크스페이스' },
  workspaceMember: { en: 'member of this workspace with user id', ko: '이 워크스페이스의 멤버' },
} as const satisfies Record<string, { en: string; ko: string }>;

export type Thing = keyof typeof THINGS;
