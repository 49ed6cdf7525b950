import { defineMessages } from './index';

/** What the pages emailed links open say about the link itself, whatever it is for. */
export const linkMessages = defineMessages(
  'links',
  {
    state: {
      LINK_NOT_VALID: 'This link is not one we sent, or part of it is missing. Open it again from the email, or copy the whole address.',
      LINK_USED: 'This link has already been used.',
      LINK_WITHDRAWN: 'This link no longer works: a newer one was sent after it, or it was withdrawn.',
      LINK_EXPIRED: 'This link has expired.',
    },
    signedInAs: 'You are signed in as {{email}}.',
    otherAccount: 'This link is for {{email}}, but you are signed in as {{current}}.',
    switchAccount: 'Sign out and continue as {{email}}',
    signIn: 'Sign in',
    signInAs: 'Sign in as {{email}}',
  },
  {
    state: {
      LINK_NOT_VALID: '저희가 보낸 링크가 아니거나 링크 일부가 빠졌습니다. 이메일에서 다시 열거나 주소 전체를 복사해 주세요.',
      LINK_USED: '이미 사용한 링크입니다.',
      LINK_WITHDRAWN: '더 이상 쓸 수 없는 링크입니다. 이 링크 뒤에 새 링크가 발송되었거나 링크가 취소되었습니다.',
      LINK_EXPIRED: '유효 기간이 지난 링크입니다.',
    },
    signedInAs: '{{email}} 계정으로 로그인되어 있습니다.',
    otherAccount: '이 링크는 {{email}} 계정용인데, 지금은 {{current}} 계정으로 로그인되어 있습니다.',
    switchAccount: '로그아웃하고 {{email}} 계정으로 계속하기',
    signIn: '로그인',
    signInAs: '{{email}} 계정으로 로그인',
  },
);
