import { defineMessages } from '../../i18n';

export const authMessages = defineMessages(
  'auth',
  {
    signIn: {
      title: 'Sign in',
      email: 'Email address',
      password: 'Password',
      submit: 'Sign in',
      working: 'Signing in…',
      forgot: 'Forgot your password?',
      noAccount: 'New here?',
      signUp: 'Create an account',
      wrong: 'That email address and password do not match an account. Check them, or reset your password.',
    },
    forgot: {
      title: 'Reset your password',
      intro: 'Enter the address you signed up with. We will email you a link to choose a new password; it works once, for a limited time, and signs you out everywhere.',
      submit: 'Email me a link',
      sent: 'If that address has an account, a link is on its way. Check your inbox (and spam folder).',
    },
    signUp: {
      title: 'Create an account',
      displayName: 'Your name',
      timeZone: 'Your time zone',
      preferredLanguage: 'Language for emails',
      passwordHint: 'At least 10 characters.',
      submit: 'Create account',
      sent: 'Almost done: we emailed you a link to confirm your address. Open it, then sign in.',
      haveAccount: 'Already have an account?',
    },
    validation: {
      required: 'Fill this in.',
      email: 'Enter an email address, like name@example.org.',
      passwordLength: 'Use at least 10 characters.',
    },
  },
  {
    signIn: {
      title: '로그인',
      email: '이메일 주소',
      password: '비밀번호',
      submit: '로그인',
      working: '로그인하는 중…',
      forgot: '비밀번호를 잊으셨나요?',
      noAccount: '처음 오셨나요?',
      signUp: '계정 만들기',
      wrong: '이메일 주소나 비밀번호가 맞지 않습니다. 다시 확인하거나 비밀번호를 재설정해 주세요.',
    },
    forgot: {
      title: '비밀번호 재설정',
      intro: '가입할 때 쓴 이메일 주소를 입력하세요. 새 비밀번호를 정할 수 있는 링크를 보내 드립니다. 링크는 정해진 시간 안에 한 번만 쓸 수 있으며, 재설정하면 모든 기기에서 로그아웃됩니다.',
      submit: '링크 받기',
      sent: '해당 주소로 된 계정이 있으면 링크를 보내 드렸습니다. 메일함(스팸함 포함)을 확인해 주세요.',
    },
    signUp: {
      title: '계정 만들기',
      displayName: '이름',
      timeZone: '시간대',
      preferredLanguage: '이메일 언어',
      passwordHint: '10자 이상 입력해 주세요.',
      submit: '계정 만들기',
      sent: '거의 다 되었습니다. 주소 확인 링크를 이메일로 보내 드렸으니, 링크를 연 뒤 로그인해 주세요.',
      haveAccount: '이미 계정이 있으신가요?',
    },
    validation: {
      required: '이 항목을 입력해 주세요.',
      email: 'name@example.org와 같은 형식의 이메일 주소를 입력해 주세요.',
      passwordLength: '10자 이상 입력해 주세요.',
    },
  },
);
