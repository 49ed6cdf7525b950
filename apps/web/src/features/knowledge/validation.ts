import { CASE_STUDY_LIMITS, caseStudyTextProblems, characterCount } from '@app/rules';
import type { Language } from '../../i18n';

/**
 * The editor's form, and the API's rules for it (the limits and the version
 * rule are the API's own, from libs/rules), checked as a person types.
 */
export interface TextDraft {
  title: string;
  summary: string;
  body: string;
  needsTranslationCheck: boolean;
}
export interface BilingualDraft {
  en: string;
  ko: string;
}
export interface PartnerDraft extends BilingualDraft {
  organisationId?: string | null;
}
export interface EditorDraft {
  text: Record<Language, TextDraft>;
  cityIds: string[];
  sectors: string[];
  sdgs: number[];
  lessons: BilingualDraft[];
  successFactors: BilingualDraft[];
  partners: PartnerDraft[];
  /** New case studies only: the twin workspace it comes from ('' for none). */
  workspaceId: string;
  projectIds: string[];
  /** What the text was based on when read from the server: a save of an older one is a CONFLICT. */
  base: { version: number; revisions: Partial<Record<Language, number>> } | null;
  /** Changed since it was last saved. */
  edited: boolean;
}

export const LIMITS = CASE_STUDY_LIMITS;

export const emptyText = (): TextDraft => ({ title: '', summary: '', body: '', needsTranslationCheck: false });
export const emptyDraft = (): EditorDraft => ({
  text: { en: emptyText(), ko: emptyText() },
  cityIds: [],
  sectors: [],
  sdgs: [],
  lessons: [],
  successFactors: [],
  partners: [],
  workspaceId: '',
  projectIds: [],
  base: null,
  edited: false,
});

/** Characters as the API counts them (a character outside the BMP is one). */
export const length = characterCount;

export const hasText = (text: TextDraft) => !!(text.title.trim() || text.summary.trim() || text.body.trim());

export type ProblemKey =
  | 'title'
  | 'summary'
  | 'body'
  | 'oneLanguage'
  | 'itemTooLong'
  | 'partnerTooLong'
  | 'tooManyCities'
  | 'tooManySectors'
  | 'tooMany';

/** Problems by field: `en.title`, `ko.body`, `lessons.2`, `cityIds`, `form`… */
export function validate(draft: EditorDraft, existing: ReadonlySet<Language>): Record<string, ProblemKey> {
  const problems: Record<string, ProblemKey> = {};
  const included = (['en', 'ko'] as const).filter((lang) => existing.has(lang) || hasText(draft.text[lang]));
  if (!included.length) problems.form = 'oneLanguage';
  for (const lang of included) {
    for (const field of caseStudyTextProblems(draft.text[lang])) problems[`${lang}.${field}`] = field;
  }
  if (draft.cityIds.length > LIMITS.cities) problems.cityIds = 'tooManyCities';
  if (draft.sectors.length > LIMITS.sectors) problems.sectors = 'tooManySectors';
  for (const list of ['lessons', 'successFactors'] as const) {
    if (draft[list].filter(filled).length > LIMITS.items) problems[list] = 'tooMany';
    draft[list].forEach((item, i) => {
      if (length(item.en.trim()) > LIMITS.item || length(item.ko.trim()) > LIMITS.item) problems[`${list}.${i}`] = 'itemTooLong';
    });
  }
  if (draft.partners.filter(filled).length > LIMITS.partners) problems.partners = 'tooMany';
  draft.partners.forEach((item, i) => {
    if (length(item.en.trim()) > LIMITS.partner || length(item.ko.trim()) > LIMITS.partner) problems[`partners.${i}`] = 'partnerTooLong';
  });
  return problems;
}

const filled = (item: BilingualDraft) => !!(item.en.trim() || item.ko.trim());
const bilingual = (item: BilingualDraft) => ({ en: item.en.trim() || null, ko: item.ko.trim() || null });

/**
 * What the language versions share, as the API takes it: blank rows dropped,
 * text trimmed. `index` maps a sent row back to the form's row (for the API's field problems).
 */
export function sharedInput(draft: EditorDraft) {
  const rows = <T extends BilingualDraft>(list: T[]) => list.map((item, index) => ({ item, index })).filter(({ item }) => filled(item));
  const lessons = rows(draft.lessons);
  const successFactors = rows(draft.successFactors);
  const partners = rows(draft.partners);
  return {
    input: {
      cityIds: draft.cityIds,
      sectors: draft.sectors,
      sdgs: [...draft.sdgs].sort((a, b) => a - b),
      lessons: lessons.map(({ item }) => bilingual(item)),
      successFactors: successFactors.map(({ item }) => bilingual(item)),
      partners: partners.map(({ item }) => ({ name: bilingual(item), organisationId: item.organisationId ?? null })),
    },
    index: { lessons: lessons.map((r) => r.index), successFactors: successFactors.map((r) => r.index), partners: partners.map((r) => r.index) },
  };
}

export const textInput = (text: TextDraft) => ({
  title: text.title.trim(),
  summary: text.summary.trim(),
  body: text.body,
  needsTranslationCheck: text.needsTranslationCheck,
});

/** The API's field path (e.g. `versions.1.title`, `lessons.0.en`, `body`) as the form's field. */
export function formField(path: string, context: { versionLanguages?: Language[]; language?: Language; index?: ReturnType<typeof sharedInput>['index'] }): string {
  const parts = path.split('.');
  if (parts[0] === 'versions' && context.versionLanguages) {
    const lang = context.versionLanguages[Number(parts[1])];
    return lang && parts[2] ? `${lang}.${parts[2]}` : 'form';
  }
  if (['title', 'summary', 'body'].includes(parts[0]) && context.language) return `${context.language}.${parts[0]}`;
  if ((parts[0] === 'lessons' || parts[0] === 'successFactors' || parts[0] === 'partners') && parts[1] !== undefined) {
    const row = context.index?.[parts[0]][Number(parts[1])];
    return row === undefined ? parts[0] : `${parts[0]}.${row}`;
  }
  if (['cityIds', 'sectors', 'sdgs', 'lessons', 'successFactors', 'partners', 'workspaceId', 'projectIds'].includes(parts[0])) return parts[0];
  return 'form';
}
