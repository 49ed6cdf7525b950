import { AppError, type FieldProblem, inLanguage } from '@app/core';
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

/** A small bilingual page for the links emails open, until the web app serves them. */
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
