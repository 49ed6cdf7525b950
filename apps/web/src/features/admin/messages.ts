import { defineMessages } from '../../i18n';

/** The secretariat's console: its frame, its sections and its overview. */
export const adminMessages = defineMessages(
  'admin',
  {
    title: 'Secretariat console',
    intro: 'Run the programme: people and organisations, the seed fund and its board, the cities’ evidence, and the platform’s operations.',
    nav: { label: 'Console sections', overview: 'Overview' },
    section: {
      people: { title: 'People', description: 'Find, invite and disable users; grant and revoke roles.' },
      organisations: { title: 'Organisations', description: 'Organisations, their members and email domains.' },
      requests: { title: 'Join requests', description: 'Requests to join an organisation, and proposed organisations.' },
      funds: { title: 'Seed fund', description: 'Funds, their ledger in both currencies, contributions, calls and the board.' },
      applications: { title: 'Applications', description: 'Every application across calls: eligibility, reviewers, decisions and awards.' },
      evidence: { title: 'City evidence', description: 'Indicators, readiness assessments, sector activity and links; what each city lacks.' },
      operations: { title: 'Operations', description: 'The email outbox, a test email, and the health of the platform’s services.' },
    },
  },
  {
    title: '사무국 관리 콘솔',
    intro: '사람과 기관, 시드 기금과 운영위원회, 도시 근거 자료, 플랫폼 운영을 이곳에서 관리합니다.',
    nav: { label: '관리 콘솔 메뉴', overview: '개요' },
    section: {
      people: { title: '사용자', description: '사용자를 찾고 초대하거나 비활성화하며, 역할을 부여하고 회수합니다.' },
      organisations: { title: '기관', description: '기관과 그 구성원, 이메일 도메인을 관리합니다.' },
      requests: { title: '가입 요청', description: '기관 가입 요청과 새 기관 등록 제안을 처리합니다.' },
      funds: { title: '시드 기금', description: '기금과 두 통화의 원장, 출연금, 공모, 운영위원회를 관리합니다.' },
      applications: { title: '신청서', description: '모든 공모의 신청서: 자격 확인, 심사위원 배정, 결정, 지원금 집행.' },
      evidence: { title: '도시 근거 자료', description: '지표, 준비도 평가, 분야별 활동, 교류 관계, 그리고 도시별 부족한 자료.' },
      operations: { title: '운영', description: '이메일 발송함, 테스트 이메일, 플랫폼 서비스 상태.' },
    },
  },
);
