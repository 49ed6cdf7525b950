import { defineMessages } from '../../i18n';

/** The pages a workspace's emails link to: joining by invitation, stopping the digest. */
export const workspaceLinkMessages = defineMessages(
  'twinningLinks',
  {
    join: {
      title: 'Join the twin workspace',
      intro: 'You are invited to the {{a}} · {{b}} twin workspace as {{role}}, at {{email}}.',
      newcomer: 'New here? Enter your name and choose a password: your account is made as you join.',
      signInFirst: 'This address has an account: sign in with it, then join with one press.',
      submit: 'Join the workspace',
      working: 'Joining…',
      joined: 'You are a member of the workspace now.',
      already: 'You were already a member: your role is unchanged.',
      created: 'Your account is ready and you have joined. Sign in as {{email}} to open the workspace.',
      open: 'Open the workspace',
      askAgain: 'Ask a lead of the workspace to invite you again.',
    },
    digest: {
      title: 'Stop the workspace digest',
      intro: 'You will no longer receive email digests of this workspace. You stay a member, and can follow it again from its page at any time.',
      submit: 'Stop the digest',
      done: 'Done: no more digests of this workspace will be sent to you.',
      invalid: 'You can also stop following the workspace from its page, signed in.',
    },
  },
  {
    join: {
      title: '트윈 워크스페이스 참여',
      intro: '{{email}} 주소로 {{a}} · {{b}} 트윈 워크스페이스에 {{role}} 역할로 초대받으셨습니다.',
      newcomer: '처음 오셨다면 이름을 입력하고 비밀번호를 정해 주세요. 참여와 함께 계정이 만들어집니다.',
      signInFirst: '이 주소로 된 계정이 있습니다. 그 계정으로 로그인한 뒤 버튼 한 번으로 참여할 수 있습니다.',
      submit: '워크스페이스 참여',
      working: '참여하는 중…',
      joined: '이제 워크스페이스 멤버입니다.',
      already: '이미 멤버입니다. 역할은 그대로입니다.',
      created: '계정이 만들어졌고 워크스페이스에 참여했습니다. {{email}} 계정으로 로그인해 워크스페이스를 열어 보세요.',
      open: '워크스페이스 열기',
      askAgain: '워크스페이스 리더에게 다시 초대해 달라고 요청해 주세요.',
    },
    digest: {
      title: '워크스페이스 요약 메일 그만 받기',
      intro: '이 워크스페이스의 요약 메일을 더 이상 받지 않습니다. 멤버 자격은 그대로이며, 언제든 워크스페이스 페이지에서 다시 구독할 수 있습니다.',
      submit: '요약 메일 그만 받기',
      done: '완료했습니다. 이 워크스페이스의 요약 메일은 더 이상 보내지 않습니다.',
      invalid: '로그인한 뒤 워크스페이스 페이지에서 구독을 해지할 수도 있습니다.',
    },
  },
);
