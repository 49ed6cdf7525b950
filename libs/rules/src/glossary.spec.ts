import { COUNTRIES, forbiddenVariants, GLOSSARY, term, termLabels, type GlossaryTerm } from './index';

const entries = Object.entries(GLOSSARY) as [string, GlossaryTerm][];

describe('the glossary', () => {
  it.each(entries)('%s has exactly one Korean rendering, and one English', (_key, entry) => {
    for (const text of [entry.en, entry.ko]) {
      expect(text.trim()).toBe(text);
      expect(text).not.toBe('');
      // No alternatives written into one rendering: "리드/리더", "기금(펀드)", "fund, funds".
      expect(text).not.toMatch(/[/()|,;]/);
    }
    expect(entry.ko).toMatch(/^[가-힣 ]+$/);
    expect(entry.avoid ?? []).not.toContain(entry.ko);
    expect(entry.avoid ?? []).not.toContain(entry.en);
  });

  it('gives one English term one Korean rendering, and no term avoids what another uses', () => {
    const koreanOf = new Map<string, Set<string>>();
    for (const [, entry] of entries) koreanOf.set(entry.en.toLowerCase(), (koreanOf.get(entry.en.toLowerCase()) ?? new Set()).add(entry.ko));
    expect([...koreanOf].filter(([, ko]) => ko.size > 1)).toEqual([]);
    const used = new Set(entries.flatMap(([, entry]) => [entry.en, entry.ko]));
    expect(forbiddenVariants().filter(({ variant }) => used.has(variant))).toEqual([]);
  });

  it('writes a term as a label or inside a sentence', () => {
    expect(term('seedFund', 'en')).toBe('seed fund');
    expect(term('seedFund', 'en', { label: true })).toBe('Seed fund');
    expect(term('seedFund', 'ko', { label: true })).toBe('시드 기금');
    expect(forbiddenVariants()).toContainEqual({ variant: '타당성 조사', key: 'stageFeasibility', use: '타당성 검토' });
  });
});

describe('labels from the glossary', () => {
  it('names codes with the glossary’s terms', () => {
    expect(termLabels({ FEASIBILITY: 'stageFeasibility', MISSED: 'milestoneMissed' }, 'en')).toEqual({ FEASIBILITY: 'Feasibility', MISSED: 'Missed' });
    expect(termLabels(COUNTRIES, 'ko')).toEqual({ GB: '영국', KR: '대한민국' });
  });
});
