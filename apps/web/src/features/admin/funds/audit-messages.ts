import { defineMessages } from '../../../i18n';

/** The console's audit log of a fund: its filters and each action's name. */
export const adminFundAuditMessages = defineMessages(
  'adminFundAudit',
  {
    audit: {
      title: 'Audit log',
      intro: 'Who did what and when, newest first. The log cannot be changed.',
      action: 'Action',
      allActions: 'All actions',
      subject: 'Subject id',
      subjectHint: 'The id of an application, call, member, meeting or decision.',
      csv: 'Download the log (CSV)',
      csvDone: 'The log is downloaded.',
      csvFailed: 'The log could not be downloaded. Try again.',
      none: 'Nothing matches.',
      when: 'When',
      what: 'What',
      on: 'On',
      summary: 'Details (as recorded)',
      more: 'Show more entries',
    },
    subjects: { fund: 'Fund', call: 'Call', application: 'Application', member: 'Board member', review: 'Review', meeting: 'Meeting', decision: 'Decision' },
    actions: {
      fund: {
        created: 'Fund created',
        updated: 'Fund edited',
      },
      ledger: {
        contributed: 'Contribution recorded',
        returned: 'Contribution returned',
        committed: 'Money committed',
        released: 'Money released',
      },
      call: {
        created: 'Call opened',
        updated: 'Call edited',
      },
      board: {
        'member-appointed': 'Member appointed',
        'member-ended': 'Seat ended',
        'rules-updated': 'Quorum rule changed',
      },
      conflict: {
        declared: 'Conflict of interest declared',
      },
      meeting: {
        created: 'Meeting created',
        'agenda-added': 'Put on an agenda',
        'agenda-removed': 'Taken off an agenda',
      },
      review: {
        assigned: 'Reviewer assigned',
        unassigned: 'Reviewer removed',
        'due-date-set': 'Review date moved',
        submitted: 'Review submitted',
      },
      vote: {
        cast: 'Vote cast',
      },
      decision: {
        recorded: 'Decision recorded',
      },
      application: {
        created: 'Application started',
        updated: 'Application edited',
        submit: 'Application submitted',
        returnToApplicant: 'Returned to its applicants',
        confirmEligibility: 'Eligibility confirmed',
        startReview: 'Review started',
        decide: 'Application decided',
        redecide: 'Decided again',
        acceptAward: 'Award accepted',
        declineAward: 'Award declined',
        startDelivery: 'Delivery started',
        closeAward: 'Award closed',
        withdraw: 'Application withdrawn',
      },
    },
  },
  {
    audit: {
      title: '감사 기록',
      intro: '누가 언제 무엇을 했는지 최신순으로 보여 줍니다. 이 기록은 바꿀 수 없습니다.',
      action: '작업',
      allActions: '모든 작업',
      subject: '대상 ID',
      subjectHint: '신청서, 공모, 위원, 회의, 결정의 ID를 입력하세요.',
      csv: '기록 내려받기(CSV)',
      csvDone: '기록을 내려받았습니다.',
      csvFailed: '기록을 내려받지 못했습니다. 다시 시도해 주세요.',
      none: '조건에 맞는 기록이 없습니다.',
      when: '일시',
      what: '작업',
      on: '대상',
      summary: '세부 내용(영문 기록)',
      more: '기록 더 보기',
    },
    subjects: { fund: '기금', call: '공모', application: '신청서', member: '운영위원', review: '심사', meeting: '회의', decision: '결정' },
    actions: {
      fund: {
        created: '기금 생성',
        updated: '기금 수정',
      },
      ledger: {
        contributed: '출연금 기록',
        returned: '출연금 반환',
        committed: '지원금 약정',
        released: '약정액 해제',
      },
      call: {
        created: '공모 개설',
        updated: '공모 수정',
      },
      board: {
        'member-appointed': '위원 임명',
        'member-ended': '위원 임기 종료',
        'rules-updated': '정족수 규칙 변경',
      },
      conflict: {
        declared: '이해 상충 신고',
      },
      meeting: {
        created: '회의 생성',
        'agenda-added': '안건 상정',
        'agenda-removed': '안건 제외',
      },
      review: {
        assigned: '심사위원 배정',
        unassigned: '심사위원 배정 취소',
        'due-date-set': '심사 기한 변경',
        submitted: '심사 제출',
      },
      vote: {
        cast: '투표',
      },
      decision: {
        recorded: '결정 기록',
      },
      application: {
        created: '신청서 작성 시작',
        updated: '신청서 수정',
        submit: '신청서 제출',
        returnToApplicant: '신청자에게 반려',
        confirmEligibility: '자격 확인',
        startReview: '심사 시작',
        decide: '신청서 결정',
        redecide: '재결정',
        acceptAward: '지원 수락',
        declineAward: '지원 거절',
        startDelivery: '사업 수행 시작',
        closeAward: '지원 종료',
        withdraw: '신청 철회',
      },
    },
  },
);
