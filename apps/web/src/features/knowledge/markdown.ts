import createDOMPurify from 'dompurify';
import { Marked } from 'marked';

/**
 * The editor's live preview: Markdown rendered in the browser with marked,
 * then sanitised with DOMPurify against the same allow-list the API applies
 * to bodyHtml (libs/knowledge/src/markdown.ts), so the preview shows what
 * readers will see and nothing typed (raw HTML, scripts, event handlers,
 * javascript: links) can run in the editor.
 */
const marked = new Marked({ gfm: true, async: false });

const purify = createDOMPurify(window);
purify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A') {
    // A link in the preview opens beside the editor rather than leaving it.
    node.setAttribute('rel', 'nofollow noopener noreferrer');
    node.setAttribute('target', '_blank');
  }
  if (node.tagName === 'IMG' && !/^https:/i.test(node.getAttribute('src') ?? '')) node.removeAttribute('src');
});

const ALLOWED_TAGS = [
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'blockquote', 'pre', 'code', 'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  'a', 'abbr', 'b', 'strong', 'i', 'em', 's', 'del', 'u', 'small', 'sub', 'sup', 'mark', 'q', 'cite', 'kbd', 'span', 'div',
  'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'img',
];

export function renderPreview(markdown: string): string {
  const html = marked.parse(markdown, { async: false });
  return purify.sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR: ['href', 'title', 'src', 'alt', 'start', 'align', 'rel', 'target'],
    // http(s) and mailto links, and relative ones (no scheme), as the API allows.
    ALLOWED_URI_REGEXP: /^(?:(?:https?|mailto):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
    ALLOW_DATA_ATTR: false,
  });
}
