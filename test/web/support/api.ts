import { DEMO_PEOPLE } from '../../support/constants';

/**
 * Setting up what a journey needs through the real GraphQL API, when that
 * is not the journey under test (the test stack's demo data is the start).
 */
export interface GqlResult<T> {
  data?: T;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

const base = () => {
  const url = process.env.WEB_BASE_URL;
  if (!url) throw new Error('WEB_BASE_URL is not set: run through the Playwright config (global setup starts the platform).');
  return url;
};

export async function gqlRaw<T>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<GqlResult<T>> {
  const response = await fetch(`${base()}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GqlResult<T>;
}

/** The data of a request that must succeed; throws with the API's errors otherwise. */
export async function gql<T>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  const result = await gqlRaw<T>(query, variables, token);
  if (result.errors?.length || !result.data) throw new Error(`GraphQL failed: ${JSON.stringify(result.errors)}`);
  return result.data;
}

const tokens = new Map<string, string>();

/** An access token for a demo account (or any account with `password`); cached for the test file. */
export async function tokenFor(email: string, password = process.env.WEB_DEMO_PASSWORD!): Promise<string> {
  const cached = tokens.get(email);
  if (cached) return cached;
  const data = await gql<{ signIn: { accessToken: string } }>(
    `mutation($input: SignInInput!) { signIn(input: $input) { accessToken } }`,
    { input: { email, password } },
  );
  tokens.set(email, data.signIn.accessToken);
  return data.signIn.accessToken;
}

export async function userIdOf(email: string, password?: string): Promise<string> {
  return (await gql<{ me: { id: string } }>(`query { me { id } }`, {}, await tokenFor(email, password))).me.id;
}

/**
 * The Liverpool–Busan twin workspace (the demo officers lead it), created
 * through a proposal and its acceptance the first time any test asks.
 * Tests of proposing and accepting a twinning use other pairs.
 */
export async function ensureLiverpoolBusanWorkspace(): Promise<{ twinningId: string; workspaceId: string }> {
  const liverpool = await tokenFor(DEMO_PEOPLE.liverpool);
  const existing = await gql<{ twinnings: { nodes: Array<{ id: string; pairKey: string; status: string; workspaceId: string | null }> } }>(
    `query { twinnings(first: 100, filter: { cityId: "liverpool" }) { nodes { id pairKey status workspaceId } } }`,
    {},
    liverpool,
  );
  const found = existing.twinnings.nodes.find((t) => t.pairKey === 'busan~liverpool' && t.workspaceId);
  if (found) return { twinningId: found.id, workspaceId: found.workspaceId! };
  const proposed = await gql<{ proposeTwinning: { id: string } }>(
    `mutation($input: ProposeTwinningInput!) { proposeTwinning(input: $input) { id } }`,
    { input: { cityId: 'liverpool', partnerCityId: 'busan', message: 'Shall we twin? · 자매결연을 제안합니다.' } },
    liverpool,
  );
  const accepted = await gql<{ respondToTwinningProposal: { id: string; workspaceId: string } }>(
    `mutation($input: RespondToTwinningProposalInput!) { respondToTwinningProposal(input: $input) { id workspaceId } }`,
    { input: { id: proposed.proposeTwinning.id, accept: true, reason: 'Yes · 좋습니다' } },
    await tokenFor(DEMO_PEOPLE.busan),
  );
  return { twinningId: accepted.respondToTwinningProposal.id, workspaceId: accepted.respondToTwinningProposal.workspaceId };
}

/**
 * The Korean of a test's English title: Korean words and the title's closing
 * stamp (its digits), so that a Korean page shows no English and each test
 * finds its own.
 */
export function koreanTitleOf(title: string): string {
  return `시험 프로젝트 ${/\d[\d-]*$/.exec(title)?.[0] ?? ''}`.trim();
}

/** A joint project in a workspace, led by the demo Liverpool and Busan officers. */
export async function createProjectApi(workspaceId: string, title: string, stage = 'FEASIBILITY'): Promise<string> {
  const data = await gql<{ createProject: { id: string } }>(
    `mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }`,
    {
      input: {
        workspaceId,
        title: { en: title, ko: koreanTitleOf(title) },
        summary: { en: 'Sensors on quays.', ko: '부두에 센서를 설치합니다.' },
        sectors: ['iot'],
        type: 'PROOF_OF_CONCEPT',
        stage,
        cityALeadUserId: await userIdOf(DEMO_PEOPLE.liverpool),
        cityBLeadUserId: await userIdOf(DEMO_PEOPLE.busan),
        startDate: '2027-01-01',
      },
    },
    await tokenFor(DEMO_PEOPLE.liverpool),
  );
  return data.createProject.id;
}

/**
 * A new confirmed account (signed up, its emailed link followed), for tests
 * that must not disturb the demo accounts. Returns its address; the password is `password`.
 */
export async function createConfirmedAccount(
  mail: { waitFor(address: string, subject: RegExp): Promise<{ text: string; html: string }> },
  options: { displayName: string; preferredLanguage: 'en' | 'ko'; password: string; timeZone?: string },
): Promise<string> {
  const email = `web-${options.preferredLanguage}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.test`;
  await gql(`mutation($input: SignUpInput!) { signUp(input: $input) { ok } }`, {
    input: { email, password: options.password, displayName: options.displayName, preferredLanguage: options.preferredLanguage, timeZone: options.timeZone ?? (options.preferredLanguage === 'ko' ? 'Asia/Seoul' : 'Europe/London') },
  });
  const message = await mail.waitFor(email, /Confirm your email address|이메일 주소를 확인해 주세요/);
  const token = /confirm-email\?token=([^\s"'<>&]+)/.exec(message.text ?? message.html)?.[1];
  if (!token) throw new Error('No confirmation link in the email.');
  await gql(`mutation($token: String!) { confirmEmail(input: { token: $token }) { ok } }`, { token: decodeURIComponent(token) });
  return email;
}

/** Gives a demo account back the language it reads (English), after a test showed it the pages in Korean. */
export async function restoreLanguage(email: string, language: 'en' | 'ko' = 'en'): Promise<void> {
  await gql(`mutation($language: String!) { updateMyProfile(input: { preferredLanguage: $language }) { id } }`, { language }, await tokenFor(email));
}
