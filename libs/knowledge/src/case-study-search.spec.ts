import { snippet } from './case-study-search';

describe('snippet', () => {
  it('marks every term found, escaping the rest', () => {
    expect(snippet('Hydrogen ports <b>and</b> hydrogen buses', ['hydrogen'])).toBe('<mark>Hydrogen</mark> ports &lt;b&gt;and&lt;/b&gt; <mark>hydrogen</mark> buses');
  });

  it('finds Korean inside words and cuts a passage around it', () => {
    const text = `${'가'.repeat(200)}부산의 수소항만 실증${'나'.repeat(200)}`;
    const result = snippet(text, ['수소']);
    expect(result).toContain('<mark>수소</mark>항만');
    expect(result.startsWith('…')).toBe(true);
    expect(result.endsWith('…')).toBe(true);
    // 160 characters of text, the <mark> tags and an ellipsis at each end.
    expect(result.length).toBe(160 + '<mark></mark>'.length + 2);
  });
});
