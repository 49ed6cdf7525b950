import { defineMessages } from '../../i18n';

export const accountMessages = defineMessages(
  'account',
  {
    title: 'Your account',
    profile: { title: 'Profile', displayName: 'Name', language: 'Language', timeZone: 'Time zone', save: 'Save profile', saved: 'Saved.' },
    workspaces: { title: 'Your twin workspaces', none: 'You are not in a twin workspace yet. Explore pairings to propose a twinning, or ask a lead to invite you.', role: { LEAD: 'Lead', MEMBER: 'Member', OBSERVER: 'Observer' } },
    sessions: { title: 'Where you are signed in', current: 'Started', lastUsed: 'Last used', signOutEverywhere: 'Sign out everywhere', done: 'You are signed out on every device.' },
  },
  {
    title: '내 계정',
    profile: { title: '프로필', displayName: '이름', language: '언어', timeZone: '시간대', save: '프로필 저장', saved: '저장했습니다.' },
    workspaces: { title: '내 자매 도시 워크스페이스', none: '아직 참여 중인 워크스페이스가 없습니다. 도시 매칭을 살펴보고 자매결연을 제안하거나, 워크스페이스 리더에게 초대를 요청해 주세요.', role: { LEAD: '리더', MEMBER: '멤버', OBSERVER: '참관인' } },
    sessions: { title: '로그인한 기기', current: '시작', lastUsed: '마지막 사용', signOutEverywhere: '모든 기기에서 로그아웃', done: '모든 기기에서 로그아웃했습니다.' },
  },
);
