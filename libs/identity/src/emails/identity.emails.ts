import { defineTemplate, formatInstant, layout, PLATFORM_NAME } from '@app/notifications';
import { OrganisationRequestEmail } from './organisation-requests.emails';

/** What every emailed link carries: for whom, where, until when. */
export interface LinkData {
  displayName?: string;
  url: string;
  expiresAt: string;
}

const confirmEmail = defineTemplate<LinkData>({
  name: 'identity.confirm-email',
  render: (d, ctx) =>
    ctx.language === 'ko'
      ? layout(ctx, {
          subject: `${PLATFORM_NAME.ko} 이메일 주소를 확인해 주세요`,
          greeting: `${d.displayName ?? ''}님, 안녕하세요.`,
          paragraphs: [
            `${PLATFORM_NAME.ko} 계정을 만들어 주셔서 감사합니다. 이메일 주소를 확인해 주세요.`,
            `이 링크는 ${formatInstant(d.expiresAt, ctx)}까지 한 번만 사용할 수 있습니다.`,
            '계정을 만든 적이 없으시면 이 메일을 무시하셔도 됩니다.',
          ],
          action: { label: '이메일 주소 확인', url: d.url },
        })
      : layout(ctx, {
          subject: 'Confirm your email address for Innovation Twins',
          greeting: `Hello ${d.displayName ?? ''},`,
          paragraphs: [
            'Thank you for creating an Innovation Twins account. Please confirm your email address.',
            `The link works once, until ${formatInstant(d.expiresAt, ctx)}.`,
            'If you did not create an account, you can ignore this email.',
          ],
          action: { label: 'Confirm my email address', url: d.url },
        }),
});

const accountExists = defineTemplate<{ url: string }>({
  name: 'identity.account-exists',
  render: (d, ctx) =>
    ctx.language === 'ko'
      ? layout(ctx, {
          subject: `${PLATFORM_NAME.ko} 계정이 이미 있습니다`,
          greeting: '안녕하세요.',
          paragraphs: [
            '누군가 이 이메일 주소로 새 계정을 만들려고 했지만, 이 주소로 된 계정이 이미 있습니다.',
            '비밀번호가 기억나지 않으시면 아래에서 재설정할 수 있습니다. 직접 요청하지 않으셨다면 이 메일을 무시하세요.',
          ],
          action: { label: '비밀번호 재설정', url: d.url },
        })
      : layout(ctx, {
          subject: 'You already have an Innovation Twins account',
          greeting: 'Hello,',
          paragraphs: [
            'Someone tried to create an account with this email address, but one already exists.',
            'If you have forgotten your password you can reset it below. If this was not you, ignore this email.',
          ],
          action: { label: 'Reset my password', url: d.url },
        }),
});

const passwordReset = defineTemplate<LinkData>({
  name: 'identity.password-reset',
  render: (d, ctx) =>
    ctx.language === 'ko'
      ? layout(ctx, {
          subject: `${PLATFORM_NAME.ko} 비밀번호 재설정`,
          greeting: `${d.displayName ?? ''}님, 안녕하세요.`,
          paragraphs: [
            '비밀번호 재설정 요청을 받았습니다. 새 비밀번호를 정해 주세요.',
            `이 링크는 ${formatInstant(d.expiresAt, ctx)}까지 한 번만 사용할 수 있습니다.`,
            '요청하지 않으셨다면 이 메일을 무시하세요. 비밀번호는 바뀌지 않습니다.',
          ],
          action: { label: '새 비밀번호 정하기', url: d.url },
        })
      : layout(ctx, {
          subject: 'Reset your Innovation Twins password',
          greeting: `Hello ${d.displayName ?? ''},`,
          paragraphs: [
            'We received a request to reset your password. Choose a new one.',
            `The link works once, until ${formatInstant(d.expiresAt, ctx)}.`,
            'If you did not ask for this, ignore this email: your password stays as it is.',
          ],
          action: { label: 'Choose a new password', url: d.url },
        }),
});

const passwordChanged = defineTemplate<{ displayName?: string; changedAt: string; url: string }>({
  name: 'identity.password-changed',
  render: (d, ctx) =>
    ctx.language === 'ko'
      ? layout(ctx, {
          subject: `${PLATFORM_NAME.ko} 비밀번호가 변경되었습니다`,
          greeting: `${d.displayName ?? ''}님, 안녕하세요.`,
          paragraphs: [
            `${formatInstant(d.changedAt, ctx)}에 비밀번호가 변경되었고, 모든 기기에서 로그아웃되었습니다.`,
            '직접 변경하지 않으셨다면 바로 비밀번호를 재설정해 주세요.',
          ],
          action: { label: '비밀번호 재설정', url: d.url },
        })
      : layout(ctx, {
          subject: 'Your Innovation Twins password was changed',
          greeting: `Hello ${d.displayName ?? ''},`,
          paragraphs: [
            `Your password was changed on ${formatInstant(d.changedAt, ctx)} and you were signed out everywhere.`,
            'If this was not you, reset your password now.',
          ],
          action: { label: 'Reset my password', url: d.url },
        }),
});

const invitation = defineTemplate<LinkData & { invitedBy: string; what: { en: string; ko: string } }>({
  name: 'identity.invitation',
  render: (d, ctx) =>
    ctx.language === 'ko'
      ? layout(ctx, {
          subject: `${d.invitedBy}님이 ${PLATFORM_NAME.ko}에 초대했습니다`,
          greeting: '안녕하세요.',
          paragraphs: [
            `${d.invitedBy}님이 ${d.what.ko} 초대했습니다.`,
            `초대 링크는 ${formatInstant(d.expiresAt, ctx)}까지 한 번만 사용할 수 있습니다. 계정이 없으면 링크에서 바로 만들 수 있습니다.`,
          ],
          action: { label: '초대 수락', url: d.url },
        })
      : layout(ctx, {
          subject: `${d.invitedBy} invited you to Innovation Twins`,
          greeting: 'Hello,',
          paragraphs: [
            `${d.invitedBy} invited you ${d.what.en}.`,
            `The invitation works once, until ${formatInstant(d.expiresAt, ctx)}. If you have no account yet, you create one as you accept.`,
          ],
          action: { label: 'Accept the invitation', url: d.url },
        }),
});

/** The templates by what they are for: each a typed reference for OutboxService.enqueueEmail. */
export const IdentityEmail = {
  CONFIRM_EMAIL: confirmEmail,
  ACCOUNT_EXISTS: accountExists,
  PASSWORD_RESET: passwordReset,
  PASSWORD_CHANGED: passwordChanged,
  INVITATION: invitation,
} as const;

export const IDENTITY_EMAIL_TEMPLATES = [...Object.values(IdentityEmail), ...Object.values(OrganisationRequestEmail)];
