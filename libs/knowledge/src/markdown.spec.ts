import { markdownToText, renderMarkdown } from './markdown';

describe('renderMarkdown', () => {
  it('renders Markdown', () => {
    expect(renderMarkdown('# Hydrogen ports\n\nA **joint** [study](https://example.org).')).toBe(
      '<h1>Hydrogen ports</h1>\n<p>A <strong>joint</strong> <a href="https://example.org" rel="nofollow noopener noreferrer">study</a>.</p>\n',
    );
  });

  it('neutralises scripts, event handlers and javascript: links, written as Markdown or raw HTML', () => {
    const html = renderMarkdown(
      '<script>alert(1)</script>\n\n<img src="https://x.test/a.png" onerror="alert(2)">\n\n[click](javascript:alert(3))\n\n<a href="#" onclick="alert(4)">x</a>\n\n<iframe src="https://evil.test"></iframe><style>body{}</style>',
    );
    expect(html).not.toMatch(/<script|onerror|onclick|javascript:|<iframe|<style|alert\(1\)/i);
    expect(html).toContain('<img src="https://x.test/a.png" />');
  });

  it('gives plain text for snippets', () => {
    expect(markdownToText('## 수소 항만\n\n- 리버풀 & 부산\n- <b>x</b>')).toBe('수소 항만 리버풀 & 부산 x');
  });
});
