import { gql } from './api';

/** Case studies set up (and read back) through the GraphQL API, when that is not the journey under test. */

export interface ApiCaseStudy {
  id: string;
  slug: string;
  version: number;
  versions: Array<{ language: string; title: string; summary: string; body: string; status: string; revision: number; reviewNote: string | null }>;
}

const FIELDS = `id slug version versions { language title summary body status revision reviewNote }`;

export async function caseStudyApi(idOrSlug: string, token: string): Promise<ApiCaseStudy> {
  return (await gql<{ caseStudy: ApiCaseStudy }>(`query($s: String!) { caseStudy(idOrSlug: $s) { ${FIELDS} } }`, { s: idOrSlug }, token)).caseStudy;
}

/** A case study in English and Korean, as a draft by the token's owner. */
export async function createCaseStudyApi(
  token: string,
  input: { en: { title: string; summary: string; body: string }; ko: { title: string; summary: string; body: string }; workspaceId?: string; cityIds?: string[]; sectors?: string[] },
): Promise<ApiCaseStudy> {
  const { en, ko, ...shared } = input;
  const data = await gql<{ createCaseStudy: ApiCaseStudy }>(
    `mutation($input: CreateCaseStudyInput!) { createCaseStudy(input: $input) { ${FIELDS} } }`,
    { input: { ...shared, versions: [{ language: 'en', ...en }, { language: 'ko', ...ko }] } },
    token,
  );
  return data.createCaseStudy;
}

export async function submitCaseStudyApi(token: string, caseStudyId: string, language: 'en' | 'ko'): Promise<void> {
  await gql(`mutation($input: CaseStudyStepInput!) { submitCaseStudyForReview(input: $input) { status } }`, { input: { caseStudyId, language } }, token);
}

/** Someone else's edit of a language version (as another tab or a co-author would save it). */
export async function writeCaseStudyTextApi(token: string, caseStudyId: string, language: 'en' | 'ko', text: { title: string; summary: string; body: string }, revision: number): Promise<void> {
  await gql(`mutation($input: WriteCaseStudyTextInput!) { writeCaseStudyText(input: $input) { revision } }`, { input: { caseStudyId, language, revision, ...text } }, token);
}
