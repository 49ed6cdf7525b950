import { crowd } from '../../events/events-support';
import type { Fixture, ListCase } from './lists';

/**
 * Twin workspaces and their joint projects: an officer's workspaces with every
 * list of a workspace and of its projects. The officer leads one workspace,
 * then (grown) two.
 */

const LOCAL = 'cityId timeZone local';

/** Someone in an organisation of `organisation` (by its English name), signed in, under `key` in the fixture. */
async function personOf(f: Fixture, key: string, organisation: string, kind?: 'CITY_GOVERNMENT'): Promise<void> {
  const [person] = await crowd(f.app, `lists-${key.toLowerCase()}`, 1);
  await f.app.dataSource.query(`INSERT INTO organisation_membership (user_id, organisation_id) SELECT $1, id FROM organisation WHERE name_en = $2`, [person.id, organisation]);
  if (kind) expect((await f.app.dataSource.query(`SELECT kind FROM organisation WHERE name_en = $1`, [organisation]))[0].kind).toBe(kind);
  f.t[key] = person.token;
  f.id[key] = person.id;
}

/** `proposer` (an officer of `cityId`) proposes twinning with `partnerCityId`, whose officer `acceptor` accepts: the new workspace. */
export async function twin(f: Fixture, proposer: string, cityId: string, acceptor: string, partnerCityId: string): Promise<string> {
  const { proposeTwinning } = await f.app.gqlOk<{ proposeTwinning: { id: string } }>(
    `mutation($input: ProposeTwinningInput!) { proposeTwinning(input: $input) { id } }`,
    { input: { cityId, partnerCityId, message: 'Shall we twin?' } },
    { token: f.t[proposer] },
  );
  const { respondToTwinningProposal } = await f.app.gqlOk<{ respondToTwinningProposal: { workspaceId: string } }>(
    `mutation($input: RespondToTwinningProposalInput!) { respondToTwinningProposal(input: $input) { workspaceId } }`,
    { input: { id: proposeTwinning.id, accept: true, reason: 'Yes' } },
    { token: f.t[acceptor] },
  );
  return respondToTwinningProposal.workspaceId;
}

/** Two joint projects of the workspace, with every list a project has, one published; their ids. */
export async function projectsIn(f: Fixture, workspaceId: string, leads: [string, string], partnerNames: string[]): Promise<string[]> {
  const partners: Array<{ id: string }> = await f.app.dataSource.query(`SELECT id FROM organisation WHERE name_en = ANY($1) ORDER BY name_en`, [partnerNames]);
  const ids: string[] = [];
  for (const title of ['Quay sensors', 'Harbour hydrogen']) {
    const { createProject } = await f.app.gqlOk<{ createProject: { id: string; version: number } }>(
      `mutation($input: CreateProjectInput!) { createProject(input: $input) { id version } }`,
      {
        input: {
          workspaceId,
          title: { en: title, ko: `${title} (한국어)` },
          summary: { en: 'Sensors on quays.', ko: '부두의 센서.' },
          sectors: ['iot'],
          type: 'PROOF_OF_CONCEPT',
          stage: 'FEASIBILITY',
          cityALeadUserId: f.id[leads[0]],
          cityBLeadUserId: f.id[leads[1]],
          startDate: '2027-01-01',
          objectives: [{ en: 'Measure berth use', ko: '선석 이용 측정' }, { en: 'Share the data', ko: '데이터 공유' }],
          outputs: [{ title: { en: 'Dashboard', ko: '대시보드' }, url: 'https://example.org/dashboard' }],
          risks: [{ description: { en: 'Sensors fail in salt air', ko: '염분으로 센서 고장' }, likelihood: 'MEDIUM', impact: 'HIGH' }],
          partnerOrganisationIds: partners.map((p) => p.id),
          budgets: [
            { countryCode: 'GB', currency: 'GBP', amountMinor: '1000000' },
            { countryCode: 'KR', currency: 'KRW', amountMinor: '17000000' },
          ],
        },
      },
      { token: f.t[leads[0]] },
    );
    for (const [i, due] of ['2027-03-31', '2027-06-30'].entries()) {
      await f.app.gqlOk(`mutation($input: AddMilestoneInput!) { addMilestone(input: $input) { id } }`, { input: { projectId: createProject.id, title: { en: `Step ${i + 1}`, ko: `${i + 1}단계` }, dueDate: due } }, { token: f.t[leads[0]] });
    }
    await f.app.gqlOk(
      `mutation($input: ChangeProjectStageInput!) { changeProjectStage(input: $input) { id } }`,
      { input: { id: createProject.id, version: createProject.version, stage: 'DEMONSTRATOR', reason: 'The study says yes.' } },
      { token: f.t[leads[0]] },
    );
    ids.push(createProject.id);
  }
  await f.app.gqlOk(`mutation($input: PublishProjectInput!) { publishProjectSummary(input: $input) { id } }`, { input: { id: ids[0], published: true } }, { token: f.t[leads[0]] });
  return ids;
}

/** Members who asked to join and were taken in, one who waits for an answer, and two people invited. */
async function peopleIn(f: Fixture, workspaceId: string, lead: string, joiners: string[], waiting: string): Promise<void> {
  const ask = (person: string) =>
    f.app.gqlOk<{ requestToJoinWorkspace: { id: string } }>(`mutation($input: RequestToJoinWorkspaceInput!) { requestToJoinWorkspace(input: $input) { id } }`, { input: { workspaceId, message: 'May we help?' } }, { token: f.t[person] });
  for (const person of joiners) {
    const { requestToJoinWorkspace } = await ask(person);
    await f.app.gqlOk(`mutation($input: DecideJoinRequestInput!) { decideJoinRequest(input: $input) { id } }`, { input: { id: requestToJoinWorkspace.id, approve: true, role: 'MEMBER' } }, { token: f.t[lead] });
  }
  await ask(waiting);
  for (const email of ['first.guest@example.org', 'second.guest@example.org']) {
    await f.app.gqlOk(`mutation($input: InviteToWorkspaceInput!) { inviteToWorkspace(input: $input) { id } }`, { input: { workspaceId, email, role: 'MEMBER' } }, { token: f.t[lead] });
  }
}

export async function setup(f: Fixture): Promise<void> {
  await personOf(f, 'btp1', 'Busan Technopark');
  await personOf(f, 'pnu1', 'Pusan National University');
  await personOf(f, 'lcr1', 'Liverpool City Region Combined Authority');
  f.rows.liverpoolBusan = await twin(f, 'liverpool', 'liverpool', 'busan', 'busan');
  await peopleIn(f, f.rows.liverpoolBusan, 'busan', ['btp1', 'pnu1'], 'lcr1');
  [f.rows.projectA, f.rows.projectB] = await projectsIn(f, f.rows.liverpoolBusan, ['liverpool', 'busan'], ['University of Liverpool', 'Pusan National University']);
}

/** Liverpool twins with Daejeon too, whose officer (a new person) accepts; its workspace has as many of everything. */
async function secondWorkspace(f: Fixture): Promise<void> {
  await f.app.dataSource.query(`INSERT INTO organisation (name_en, name_ko, kind, city_id) VALUES ('Daejeon Metropolitan City', '대전광역시', 'CITY_GOVERNMENT', 'daejeon')`);
  await personOf(f, 'daejeon', 'Daejeon Metropolitan City', 'CITY_GOVERNMENT');
  await personOf(f, 'kaist1', 'KAIST');
  await personOf(f, 'uol1', 'University of Liverpool');
  await personOf(f, 'kaist2', 'KAIST');
  const workspaceId = await twin(f, 'liverpool', 'liverpool', 'daejeon', 'daejeon');
  await peopleIn(f, workspaceId, 'daejeon', ['kaist1', 'uol1'], 'kaist2');
  await projectsIn(f, workspaceId, ['liverpool', 'daejeon'], ['University of Liverpool', 'KAIST']);
}

export const cases: ListCase[] = [
  {
    name: "an officer's workspaces with their members, invitations, requests, activity, history and projects",
    as: 'liverpool',
    query: `query($n: Int!, $at: DateTime!) { myWorkspaces { id myRole
      twinning { id cityA { nameEn } cityB { nameEn } }
      timeInCities(at: $at) { ${LOCAL} }
      statusHistory { toStatus reason actor { displayName } }
      health { activeProjects membersPerCity { cityId members leads city { nameEn } } }
      members(first: $n) { totalCount nodes { userId role user { displayName } organisation { nameEn } city { nameEn } } }
      invitations(first: $n) { totalCount nodes { id email status } }
      joinRequests(first: $n) { totalCount nodes { id status user { displayName } } }
      activity(first: $n) { totalCount nodes { id verb actorName actor { displayName } objectLabel { en } atInCities { ${LOCAL} } } }
      projects(first: $n) { totalCount nodes { id title { en } objectives { en ko } outputs { title { en } url } risks { impact description { en } }
        leads { city { nameEn } user { displayName } } partners { nameEn } budgets { currency amountMinor formatted }
        milestones { id title { en } dueDate } stageHistory { toStage reason actor { displayName } atInCities { ${LOCAL} } } caseStudyPrompt { id } } }
    } }`,
    sizes: () => [
      { n: 1, at: '2027-01-01T12:00:00Z' },
      { n: 3, at: '2027-01-01T12:00:00Z' },
    ],
    grow: secondWorkspace,
  },
];
