import { CASE_STUDY_LIMITS, caseStudyTextProblems, characterCount } from './case-studies';

const ok = { title: 'Hydrogen buses', summary: 'Two ports, one fleet.', body: '# What we did' };

describe('case-study rules', () => {
  it('counts a character outside the BMP as one', () => {
    expect(characterCount('a😀')).toBe(2);
    expect(characterCount('부산')).toBe(2);
  });

  it('accepts a version with a title, a summary and a body within the limits', () => {
    expect(caseStudyTextProblems(ok)).toEqual([]);
    expect(caseStudyTextProblems({ ...ok, title: '😀'.repeat(CASE_STUDY_LIMITS.title) })).toEqual([]);
  });

  it('wants a title and a summary after trimming, each within its limit', () => {
    expect(caseStudyTextProblems({ ...ok, title: '   ' })).toEqual(['title']);
    expect(caseStudyTextProblems({ ...ok, title: 'x'.repeat(CASE_STUDY_LIMITS.title + 1) })).toEqual(['title']);
    expect(caseStudyTextProblems({ ...ok, summary: 'x'.repeat(CASE_STUDY_LIMITS.summary + 1) })).toEqual(['summary']);
  });

  it('wants a body with text, counted untrimmed against its limit', () => {
    expect(caseStudyTextProblems({ ...ok, body: '\n\n' })).toEqual(['body']);
    expect(caseStudyTextProblems({ ...ok, body: `${'x'.repeat(CASE_STUDY_LIMITS.body - 1)} ` })).toEqual([]);
    expect(caseStudyTextProblems({ ...ok, body: 'x'.repeat(CASE_STUDY_LIMITS.body + 1) })).toEqual(['body']);
  });
});
