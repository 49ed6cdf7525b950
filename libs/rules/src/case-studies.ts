/**
 * What a case study may hold: the limits of the API's case-study inputs,
 * which the editor checks as a person types.
 */
export const CASE_STUDY_LIMITS = {
  /** Characters of a version's title, summary and Markdown body. */
  title: 200,
  summary: 2000,
  body: 50_000,
  /** Characters of one lesson or success factor, and of a partner's name, in each language. */
  item: 4000,
  partner: 200,
  /** How many cities, sectors, lessons (and success factors each) and partners. */
  cities: 20,
  sectors: 10,
  items: 20,
  partners: 30,
} as const;

/** Characters as the API counts them: a character outside the Basic Multilingual Plane (an emoji, a rare Hanja) is one. */
export function characterCount(text: string): number {
  return Array.from(text).length;
}

export type CaseStudyTextField = 'title' | 'summary' | 'body';

/** The fields of one language version that break the API's rules: title and summary trimmed, 1 to their limit; a body with text, within its limit. */
export function caseStudyTextProblems(text: { title: string; summary: string; body: string }): CaseStudyTextField[] {
  const problems: CaseStudyTextField[] = [];
  const title = characterCount(text.title.trim());
  const summary = characterCount(text.summary.trim());
  if (title < 1 || title > CASE_STUDY_LIMITS.title) problems.push('title');
  if (summary < 1 || summary > CASE_STUDY_LIMITS.summary) problems.push('summary');
  if (!text.body.trim() || characterCount(text.body) > CASE_STUDY_LIMITS.body) problems.push('body');
  return problems;
}
