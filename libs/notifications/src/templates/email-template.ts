import type { Language } from '@app/core';
import { formatInstant as writeInstant } from '@app/rules';

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
  /** Extra headers, e.g. List-Unsubscribe on digests. */
  headers?: Record<string, string>;
}

export interface TemplateContext {
  language: Language;
  timeZone: string;
  publicUrl: string;
  recipientEmail: string;
  /**
   * The moment the email is rendered: when it is sent, not when it was queued.
   * What a template says about time left ("18 hours left") is reckoned from it;
   * the sender gives its Clock's now, tests a fixed one.
   */
  now: Date;
}

/**
 * An email the platform sends, in every language it speaks, and the data it
 * needs: a typed reference. Each feature owns its templates and hands them to
 * OutboxService.enqueueEmail, which takes only data of the template's shape;
 * the platform registers them all in one registry, for the worker.
 */
export interface EmailTemplate<D> {
  readonly name: string;
  render(data: D, ctx: TemplateContext): RenderedEmail;
  /** Renders the data the outbox stored for this template: what enqueueEmail took, as a D. */
  renderStored(data: unknown, ctx: TemplateContext): RenderedEmail;
}

/** Any template, whatever its data: what the registry and the worker hold. */
export type AnyEmailTemplate = Pick<EmailTemplate<never>, 'name' | 'renderStored'>;

export function defineTemplate<D>(template: Pick<EmailTemplate<D>, 'name' | 'render'>): EmailTemplate<D> {
  return {
    name: template.name,
    render: template.render,
    // The one place stored data meets its type again: enqueueEmail accepted it only as this template's D.
    renderStored: (data, ctx) => template.render(data as D, ctx),
  };
}

/** The platform's name in each language, as the web app names itself (apps/web/src/i18n/common.ts, appName). */
export const PLATFORM_NAME = { en: 'Innovation Twins', ko: '이노베이션 트윈스' } as const;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** The shared frame: a greeting, paragraphs, an optional button, and the footer. */
export function layout(
  ctx: TemplateContext,
  parts: { subject: string; greeting: string; paragraphs: string[]; list?: string[]; action?: { label: string; url: string }; footer?: string },
): RenderedEmail {
  const footer =
    parts.footer ??
    (ctx.language === 'ko'
      ? `${PLATFORM_NAME.ko} — 영국과 한국 도시의 혁신 협력 플랫폼`
      : `${PLATFORM_NAME.en} — the platform for UK–Korea city innovation partnerships`);
  const text = [
    parts.greeting,
    '',
    ...parts.paragraphs.flatMap((p) => [p, '']),
    ...(parts.list?.length ? [...parts.list.map((item) => `- ${item}`), ''] : []),
    ...(parts.action ? [`${parts.action.label}: ${parts.action.url}`, ''] : []),
    '--',
    footer,
  ].join('\n');
  const html = `<!doctype html><html lang="${ctx.language}"><head><meta charset="utf-8"><title>${escapeHtml(parts.subject)}</title></head>
<body style="font-family:system-ui,-apple-system,'Apple SD Gothic Neo','Malgun Gothic',sans-serif;line-height:1.5;color:#1b1b1b;max-width:36rem;margin:auto;padding:1rem">
<p>${escapeHtml(parts.greeting)}</p>
${parts.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
${parts.list?.length ? `<ul>${parts.list.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>` : ''}
${parts.action ? `<p><a href="${escapeHtml(parts.action.url)}" style="display:inline-block;padding:.6rem 1rem;background:#0b4f9c;color:#fff;text-decoration:none;border-radius:4px">${escapeHtml(parts.action.label)}</a></p><p style="font-size:.85rem;color:#555">${escapeHtml(parts.action.url)}</p>` : ''}
<hr style="border:none;border-top:1px solid #ddd"><p style="font-size:.8rem;color:#666">${escapeHtml(footer)}</p>
</body></html>`;
  return { subject: parts.subject, text, html };
}

/** A timestamp as the recipient reads it: their language, their zone, the zone named (Thursday 3 June 2027, 10:00 BST; 2027년 6월 3일 (목) 오후 6:00 (한국 시간)). */
export function formatInstant(instant: Date | string, ctx: Pick<TemplateContext, 'language' | 'timeZone'>): string {
  return writeInstant(instant, ctx.timeZone, ctx.language, { long: true });
}
