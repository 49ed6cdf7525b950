import { DEMO_PEOPLE } from '../../support/constants';
import { gql, koreanTitleOf, tokenFor } from './api';

/** The demo fund's open call (the seed opens one for 60 days). */
export async function openCallApi(): Promise<{ id: string; closesAt: string }> {
  const data = await gql<{ fundCalls: { nodes: Array<{ id: string; closesAt: string }> } }>(`query { fundCalls(open: true, first: 5) { nodes { id closesAt } } }`);
  const call = data.fundCalls.nodes[0];
  if (!call) throw new Error('The demo data has no open call.');
  return call;
}

export interface ApplicationRecord {
  id: string;
  version: number;
  status: string;
  title: { en: string | null; ko: string | null };
  budgetLines: Array<{ countryCode: string; currency: string; amountMinor: string; description: string }>;
}

const FIELDS = 'id version status title { en ko } budgetLines { countryCode currency amountMinor description }';

/** A draft application to `callId` for `projectId`, started by the Liverpool officer. */
export async function createDraftApi(callId: string, projectId: string, title: string): Promise<ApplicationRecord> {
  const data = await gql<{ createFundApplication: ApplicationRecord }>(
    `mutation($input: CreateApplicationInput!) { createFundApplication(input: $input) { ${FIELDS} } }`,
    { input: { callId, projectId, title: { en: title, ko: koreanTitleOf(title) }, summary: { en: 'Sensors on quays.', ko: '부두에 센서를 설치합니다.' } } },
    await tokenFor(DEMO_PEOPLE.liverpool),
  );
  return data.createFundApplication;
}

export async function applicationApi(id: string, as: string = DEMO_PEOPLE.liverpool): Promise<ApplicationRecord> {
  const data = await gql<{ fundApplication: ApplicationRecord }>(`query($id: ID!) { fundApplication(id: $id) { ${FIELDS} } }`, { id }, await tokenFor(as));
  return data.fundApplication;
}

/** Someone else (the other city's lead) saves the application: its version moves on. */
export async function editApplicationApi(id: string, version: number, summaryEn: string): Promise<ApplicationRecord> {
  const data = await gql<{ updateFundApplication: ApplicationRecord }>(
    `mutation($input: UpdateApplicationInput!) { updateFundApplication(input: $input) { ${FIELDS} } }`,
    { input: { id, version, summary: { en: summaryEn, ko: '다른 리더가 고쳤습니다.' } } },
    await tokenFor(DEMO_PEOPLE.busan),
  );
  return data.updateFundApplication;
}

export interface ProjectRecord {
  id: string;
  stage: string;
  version: number;
  title: { en: string | null; ko: string | null };
  milestones: Array<{ title: { en: string | null; ko: string | null }; dueDate: string; status: string }>;
  stageHistory: Array<{ fromStage: string | null; toStage: string; reason: string }>;
}

export async function projectApi(id: string): Promise<ProjectRecord> {
  const data = await gql<{ project: ProjectRecord }>(
    `query($id: ID!) { project(id: $id) { id stage version title { en ko } milestones { title { en ko } dueDate status } stageHistory { fromStage toStage reason } } }`,
    { id },
    await tokenFor(DEMO_PEOPLE.liverpool),
  );
  return data.project;
}

/** The workspace's projects whose title or summary contains `search`. */
export async function findProjectsApi(workspaceId: string, search: string): Promise<ProjectRecord[]> {
  const data = await gql<{ workspace: { projects: { nodes: ProjectRecord[] } } }>(
    `query($id: ID!, $search: String) { workspace(id: $id) { projects(first: 10, filter: { search: $search }) { nodes { id stage version title { en ko } milestones { title { en ko } dueDate status } stageHistory { fromStage toStage reason } } } } }`,
    { id: workspaceId, search },
    await tokenFor(DEMO_PEOPLE.liverpool),
  );
  return data.workspace.projects.nodes;
}

export async function pendingInvitationsApi(workspaceId: string): Promise<Array<{ email: string; role: string; status: string }>> {
  const data = await gql<{ workspace: { invitations: { nodes: Array<{ email: string; role: string; status: string }> } } }>(
    `query($id: ID!) { workspace(id: $id) { invitations(first: 100, filter: { pending: true }) { nodes { email role status } } } }`,
    { id: workspaceId },
    await tokenFor(DEMO_PEOPLE.liverpool),
  );
  return data.workspace.invitations.nodes;
}
