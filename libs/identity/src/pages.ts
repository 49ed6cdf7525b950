import type { Response } from 'express';
import { AppError, ErrorCode, type FieldProblem, inLanguage, type AppConfig, type Language, type Words } from '@app/core';
import { escapeHtml } from '@app/notifications';

/**
 * The pages' stylesheet, served by AccountController at PAGE_STYLESHEET: the
 * Content-Security-Policy allows styles from this site's files only, never
 * `<style>` elements nor `style` attributes.
 */
export const PAGE_STYLESHEET = '/account/page.css';
export const PAGE_CSS = `body{font-family:system-ui,'Apple SD Gothic Neo','Malgun Gothic',sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;line-height:1.5}
h1{font-size:1.4rem}
a.button{display:inline-block;padding:.6rem 1rem;background:#0b4f6c;color:#fff;border-radius:6px;text-decoration:none;font-weight:600}
`;

/**
 * The web app's pages that emailed links open (routes of apps/web): each shows
 * what its link is for in the reader's language and acts only when its button
 * is pressed, through the API.
 */
export const LINK_PAGES = {
  confirmEmail: '/confirm-email',
  resetPassword: '/reset-password',
  forgotPassword: '/forgot-password',
  acceptInvitation: '/accept-invitation',
  joinWorkspace: '/join-workspace',
  stopWorkspaceDigest: '/unsubscribe/workspace-digest',
  stopEventAnnouncements: '/unsubscribe/events',
} as const;

/**
 * The address of a link page for an email: its token, and the language the
 * email is written in (`lang`), which the page opens in.
 */
export function linkPageUrl(config: AppConfig, page: keyof typeof LINK_PAGES, token: string | null, language: Language): string {
  const query = new URLSearchParams(token === null ? { lang: language } : { token, lang: language });
  return `${config.PUBLIC_URL}${LINK_PAGES[page]}?${query.toString()}`;
}

/** The refusal of a link the platform never sent (or not whole): BAD_USER_INPUT, `reason` LINK_NOT_VALID, as for token links. */
export function linkNotValid(message: Words): AppError {
  return new AppError(ErrorCode.BAD_USER_INPUT, { en: `token: ${message.en}`, ko: `token: ${message.ko}` }, { fields: [{ field: 'token', message }], reason: 'LINK_NOT_VALID' });
}

/**
 * Sends an old link (from an email sent before the web app had these pages)
 * to the web app's page, with its query (the token) unchanged.
 */
export function redirectToLinkPage(res: Response, page: keyof typeof LINK_PAGES, originalUrl: string): void {
  const query = originalUrl.includes('?') ? originalUrl.slice(originalUrl.indexOf('?')) : '';
  res.redirect(302, `${LINK_PAGES[page]}${query}`);
}

/** A small bilingual page: the answer to a form posted from a page opened before the web app had these pages, and to refusals. */
export function page(title: string, paragraphs: string[], body = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>${escapeHtml(title)}</title><link rel="stylesheet" href="${PAGE_STYLESHEET}"></head>
<body>
<h1>${escapeHtml(title)}</h1>
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
${body}
</body></html>`;
}

/**
 * A link into the web app's sign-in, which then opens `next` (a path of this
 * site, e.g. the workspace just joined).
 */
export function signInLink(next?: string): string {
  const href = next ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in';
  return `<p><a class="button" href="${escapeHtml(href)}">Sign in · 로그인</a></p>`;
}

/** What a form page says about a refusal, in English and Korean: the first field and what is wrong with it. */
export function messageOf(error: unknown): string {
  if (error instanceof AppError) {
    const [field] = (error.extensions.fields as FieldProblem[] | undefined) ?? [];
    if (!field) return `${error.words.en} · ${error.words.ko}`;
    return `${FIELD_NAMES[field.field] ?? field.field} ${inLanguage(field.message, 'en')} · ${inLanguage(field.message, 'ko')}`;
  }
  throw error;
}

const FIELD_NAMES: Record<string, string> = { newPassword: 'The new password', password: 'The password', displayName: 'Your name', token: 'The link' };

/** An invitation form as an AcceptInvitationInput: blank fields are left out (an existing account leaves its name empty). */
export function formOf(body: Record<string, string>): Record<string, unknown> {
  return {
    token: String(body.token ?? ''),
    displayName: body.displayName?.trim() || undefined,
    password: body.password || undefined,
    preferredLanguage: body.preferredLanguage === 'ko' ? 'ko' : 'en',
  };
}
