import { escapeHtml } from '@app/notifications';

/** A small bilingual page for the links emails open, until the web app serves them. */
export function page(title: string, paragraphs: string[], body = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>${escapeHtml(title)}</title></head>
<body style="font-family:system-ui,'Apple SD Gothic Neo','Malgun Gothic',sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;line-height:1.5">
<h1 style="font-size:1.4rem">${escapeHtml(title)}</h1>
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
${body}
</body></html>`;
}
