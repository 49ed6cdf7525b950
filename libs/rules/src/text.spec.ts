import { CASE_STUDY_LIMITS, EVENT_LIMITS, TEXT_LIMITS } from './index';

describe('text limits', () => {
  it('an event’s title and description are the platform’s bilingual title and text', () => {
    expect(EVENT_LIMITS.title).toBe(TEXT_LIMITS.title);
    expect(EVENT_LIMITS.description).toBe(TEXT_LIMITS.text);
  });

  it('a title is shorter than a text, and both leave room for a case study’s own limits', () => {
    expect(TEXT_LIMITS.title).toBeLessThan(TEXT_LIMITS.text);
    expect(Object.values(CASE_STUDY_LIMITS).every((n) => typeof n === 'number' && n > 0)).toBe(true);
  });
});
