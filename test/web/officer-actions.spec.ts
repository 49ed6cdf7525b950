import { DEMO, expect, test, type Lang, type Mailbox } from './fixtures';
import { createProjectApi, ensureLiverpoolBusanWorkspace, gql, tokenFor } from './support/api';
import { newCityOfficer, type CityOfficer } from './support/pairing-setup';

/**
 * An officer's everyday actions the other journeys do not take: on a project
 * page, editing, deleting a milestone, publishing the summary, closing and
 * reopening; in a workspace, changing a member's role, removing them, asking
 * to join and leaving; on /me, signing out one other session. The Liverpool officer in English, the Busan officer in
 * Korean: both lead the Liverpool–Busan workspace; a newcomer from the lead's
 * city reads the same language.
 */
const officerFor = (lang: Lang) => (lang === 'ko' ? DEMO.busan : DEMO.liverpool);
/** A control named by its action and what it acts on ("Delete: Survey the quays"; the page may set a space before the colon). */
const acting = (action: string, on: string) => new RegExp(`^${action}\\s*: ${on}$`);

test('a lead edits a project, deletes a milestone, publishes the summary, closes the project and reopens it', async ({ page, signIn, lang, tr }) => {
  const { workspaceId } = await ensureLiverpoolBusanWorkspace();
  const projectId = await createProjectApi(workspaceId, `Everyday ${lang} ${Date.now()}`);
  await gql(
    `mutation($input: AddMilestoneInput!) { addMilestone(input: $input) { id } }`,
    { input: { projectId, dueDate: '2027-03-01', title: { en: 'Survey the quays', ko: '부두 조사' } } },
    await tokenFor(DEMO.liverpool),
  );
  await signIn(page, officerFor(lang));
  await page.goto(`/projects/${projectId}`);
  const status = (text: string) => page.getByRole('status').filter({ hasText: text });

  // Edit: the type changes, and the page shows it.
  await page.getByText(tr({ en: 'Edit the project', ko: '프로젝트 수정' }), { exact: true }).click();
  const form = page.getByRole('form', { name: tr({ en: 'Edit the project', ko: '프로젝트 수정' }) });
  await form.getByLabel(tr({ en: 'Type', ko: '유형' })).selectOption({ label: tr({ en: 'Lighthouse', ko: '선도 사업' }) });
  await form.getByRole('button', { name: tr({ en: 'Save changes', ko: '변경 내용 저장' }) }).click();
  await expect(status(tr({ en: 'Project saved.', ko: '프로젝트를 저장했습니다.' }))).toBeVisible();
  await expect(page.locator('dl.meta').first()).toContainText(tr({ en: 'Lighthouse', ko: '선도 사업' }));

  // Deleting a milestone asks first; keeping it changes nothing.
  const milestones = page.getByRole('region', { name: tr({ en: 'Milestones', ko: '주요 일정' }) });
  const milestone = tr({ en: 'Survey the quays', ko: '부두 조사' });
  await milestones.getByRole('button', { name: acting(tr({ en: 'Delete', ko: '삭제' }), milestone) }).click();
  const confirm = milestones.getByRole('group', { name: `${tr({ en: 'Delete', ko: '삭제' })}: ${milestone}` });
  await confirm.getByRole('button', { name: tr({ en: 'Keep it', ko: '삭제하지 않기' }) }).click();
  await expect(milestones.getByRole('cell', { name: milestone, exact: true })).toBeVisible();
  await milestones.getByRole('button', { name: acting(tr({ en: 'Delete', ko: '삭제' }), milestone) }).click();
  await confirm.getByRole('button', { name: tr({ en: 'Delete it for good', ko: '완전히 삭제하기' }) }).click();
  await expect(status(tr({ en: 'Milestone deleted.', ko: '일정을 삭제했습니다.' }))).toBeVisible();
  await expect(milestones.getByRole('cell', { name: milestone, exact: true })).toHaveCount(0);

  // Publishing the summary, which a lead may take down again.
  const publication = page.getByRole('region', { name: tr({ en: 'Public summary', ko: '공개 요약' }) });
  await publication.getByRole('button', { name: tr({ en: 'Publish the summary', ko: '요약 공개하기' }) }).click();
  await expect(status(tr({ en: 'The summary is public.', ko: '요약을 공개했습니다.' }))).toBeVisible();
  await expect(publication.getByRole('button', { name: tr({ en: 'Take the summary down', ko: '요약 비공개로 전환' }) })).toBeVisible();

  // Closing asks for a reason and a confirmation; reopening undoes it.
  const closing = page.getByRole('region', { name: tr({ en: 'Close or reopen', ko: '프로젝트 종료와 재개' }) });
  await closing.getByRole('button', { name: tr({ en: 'Close the project', ko: '프로젝트 종료' }) }).click();
  await closing.getByRole('button', { name: tr({ en: 'Close it now', ko: '지금 종료하기' }) }).click();
  await expect(closing).toContainText(tr({ en: 'Say why, in up to 2,000 characters.', ko: '사유를 2,000자 이내로 적어 주세요.' }));
  await closing.getByLabel(tr({ en: 'Why it closes (both cities see it)', ko: '종료 사유(두 도시 모두 볼 수 있습니다)' })).fill(tr({ en: 'Work done.', ko: '사업을 마쳤습니다.' }));
  await closing.getByRole('button', { name: tr({ en: 'Close it now', ko: '지금 종료하기' }) }).click();
  await expect(status(tr({ en: 'The project is closed.', ko: '프로젝트를 종료했습니다.' }))).toBeVisible();
  await expect(page.getByText(tr({ en: 'This project was closed.', ko: '종료된 프로젝트입니다.' }))).toBeVisible();
  await expect(closing).toContainText(tr({ en: 'Work done.', ko: '사업을 마쳤습니다.' }));
  await closing.getByLabel(tr({ en: 'Why it reopens', ko: '재개 사유' })).fill(tr({ en: 'One more step.', ko: '한 단계가 더 남았습니다.' }));
  await closing.getByRole('button', { name: tr({ en: 'Reopen the project', ko: '프로젝트 재개' }) }).click();
  await expect(status(tr({ en: 'The project is open again.', ko: '프로젝트를 다시 진행합니다.' }))).toBeVisible();
  await expect(page.getByText(tr({ en: 'This project was closed.', ko: '종료된 프로젝트입니다.' }))).toHaveCount(0);
});

/** A new officer of the lead's city, with a name of their own, not yet in the workspace. */
async function newcomer(lang: Lang, mail: Mailbox, label: string): Promise<CityOfficer & { name: string }> {
  const officer = await newCityOfficer(lang === 'ko' ? 'busan' : 'liverpool', lang, mail);
  const name = `${label} ${Date.now() % 100000}`;
  await gql(`mutation($input: UpdateProfileInput!) { updateMyProfile(input: $input) { id } }`, { input: { displayName: name } }, await tokenFor(officer.email, officer.password));
  return { ...officer, name };
}

/** The newcomer asks to join through the API and the lead approves them with a role. */
async function joinApi(workspaceId: string, officer: CityOfficer, lead: string, role = 'MEMBER'): Promise<void> {
  const request = await gql<{ requestToJoinWorkspace: { id: string } }>(
    `mutation($input: RequestToJoinWorkspaceInput!) { requestToJoinWorkspace(input: $input) { id } }`,
    { input: { workspaceId, message: 'Hello · 안녕하세요' } },
    await tokenFor(officer.email, officer.password),
  );
  await approveApi(request.requestToJoinWorkspace.id, lead, role);
}

async function approveApi(requestId: string, lead: string, role = 'MEMBER'): Promise<void> {
  await gql(`mutation($input: DecideJoinRequestInput!) { decideJoinRequest(input: $input) { id } }`, { input: { id: requestId, approve: true, role } }, await tokenFor(lead));
}

test('a lead changes a member’s role and removes them, and is told why a city’s only lead keeps the role', async ({ page, signIn, lang, tr, mail }) => {
  const { workspaceId } = await ensureLiverpoolBusanWorkspace();
  const lead = officerFor(lang);
  const member = await newcomer(lang, mail, tr({ en: 'Morgan', ko: '모건' }));
  await joinApi(workspaceId, member, lead);
  // The other city's lead is its only one (the demo workspace keeps one lead per city).
  // Named as the page's language writes them (the demo's names in English and in Korean).
  const otherCity = lang === 'ko' ? { id: 'liverpool', lead: '샘 테일러' } : { id: 'busan', lead: 'Park Seo-jun' };
  const health = await gql<{ workspace: { health: { membersPerCity: Array<{ cityId: string; leads: number }> } } }>(
    `query($id: ID!) { workspace(id: $id) { health { membersPerCity { cityId leads } } } }`,
    { id: workspaceId },
    await tokenFor(lead),
  );
  expect(health.workspace.health.membersPerCity.find((c) => c.cityId === otherCity.id)?.leads).toBe(1);

  await signIn(page, lead);
  await page.goto(`/workspaces/${workspaceId}`);
  const members = page.getByRole('region', { name: new RegExp(`^${tr({ en: 'Members', ko: '구성원' })}`) });
  const changeRole = tr({ en: 'Change role', ko: '역할 변경' });

  await members.getByLabel(tr({ en: `Role of ${otherCity.lead}`, ko: `${otherCity.lead} 님의 역할` })).selectOption({ label: tr({ en: 'Member', ko: '멤버' }) });
  await members.getByRole('button', { name: acting(changeRole, otherCity.lead) }).click();
  await expect(members.getByRole('alert')).toContainText(tr({ en: 'They are the only lead from Busan', ko: '이 사람이 리버풀 소속의 유일한 리더입니다' }));

  await members.getByLabel(tr({ en: `Role of ${member.name}`, ko: `${member.name} 님의 역할` })).selectOption({ label: tr({ en: 'Observer', ko: '참관인' }) });
  await members.getByRole('button', { name: acting(changeRole, member.name) }).click();
  await expect(members.getByRole('status').filter({ hasText: tr({ en: `The role of ${member.name} is now Observer.`, ko: `${member.name} 님의 역할을 변경했습니다. 새 역할: 참관인` }) })).toBeVisible();
  await expect(members.getByRole('row', { name: new RegExp(member.name) })).toContainText(tr({ en: 'Observer', ko: '참관인' }));

  const remove = tr({ en: 'Remove', ko: '내보내기' });
  await members.getByRole('button', { name: acting(remove, member.name) }).click();
  await members.getByRole('group', { name: `${remove}: ${member.name}` }).getByRole('button', { name: tr({ en: 'Remove from the workspace', ko: '워크스페이스에서 내보내기' }) }).click();
  await expect(members.getByRole('status').filter({ hasText: tr({ en: `${member.name} was removed from the workspace.`, ko: `${member.name} 님을 워크스페이스에서 내보냈습니다.` }) })).toBeVisible();
  await expect(members.getByRole('row', { name: new RegExp(member.name) })).toHaveCount(0);
});

test('an officer of a twinned city asks to join its workspace from the twinning page, is let in, leaves it, and signs out their other session', async ({ page, signIn, lang, tr, mail }) => {
  const { workspaceId, twinningId } = await ensureLiverpoolBusanWorkspace();
  const officer = await newcomer(lang, mail, tr({ en: 'Riley', ko: '라일리' }));
  await signIn(page, officer.email, officer.password);
  await page.goto(`/twinnings/${twinningId}`);
  const ask = page.getByRole('region', { name: tr({ en: 'Ask to join the workspace', ko: '워크스페이스 참여 요청' }) });
  await ask.getByRole('button', { name: tr({ en: 'Ask to join', ko: '참여 요청하기' }) }).click();
  await expect(ask).toContainText(tr({ en: 'Write a message to the leads', ko: '리더에게 보낼 메시지를 2,000자 이내로' }));
  await ask.getByLabel(tr({ en: 'Your message to the leads', ko: '리더에게 보내는 메시지' })).fill(tr({ en: 'I run the port’s data team.', ko: '항만 데이터 팀을 맡고 있습니다.' }));
  await ask.getByRole('button', { name: tr({ en: 'Ask to join', ko: '참여 요청하기' }) }).click();
  await expect(ask.getByRole('status')).toContainText(tr({ en: 'Your request is sent.', ko: '참여 요청을 보냈습니다.' }));

  const waiting = await gql<{ workspace: { joinRequests: { nodes: Array<{ id: string; user: { id: string } }> } } }>(
    `query($id: ID!) { workspace(id: $id) { joinRequests(first: 50, filter: { status: PENDING }) { nodes { id user { id } } } } }`,
    { id: workspaceId },
    await tokenFor(officerFor(lang)),
  );
  await approveApi(waiting.workspace.joinRequests.nodes.find((r) => r.user.id === officer.userId)!.id, officerFor(lang));

  // A member no longer sees the offer to join; they may leave, after confirming.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(ask).toHaveCount(0);
  await page.goto(`/workspaces/${workspaceId}`);
  const leave = page.getByRole('region', { name: tr({ en: 'Leave this workspace', ko: '워크스페이스 나가기' }) });
  await leave.getByRole('button', { name: tr({ en: 'Leave the workspace', ko: '워크스페이스 나가기' }) }).click();
  await leave.getByRole('group', { name: tr({ en: 'Leave the workspace', ko: '워크스페이스 나가기' }) }).getByRole('button', { name: tr({ en: 'Leave now', ko: '지금 나가기' }) }).click();
  await expect(page.getByRole('status').filter({ hasText: tr({ en: 'You left the workspace.', ko: '워크스페이스에서 나왔습니다.' }) })).toBeVisible();
  await expect(page.getByRole('link', { name: tr({ en: 'See the twinning’s public page', ko: '자매결연 공개 페이지 보기' }) })).toBeVisible();

  // Signed in here and (through the API, as on another device) elsewhere: /me marks this browser and signs the other out alone.
  await page.goto('/me');
  const sessions = page.getByRole('region', { name: tr({ en: 'Where you are signed in', ko: '로그인한 기기' }) });
  const thisBrowser = tr({ en: 'This browser', ko: '지금 사용 중인 브라우저' });
  await expect(sessions.getByRole('listitem')).toHaveCount(2);
  await expect(sessions.getByRole('listitem').filter({ hasText: thisBrowser })).toHaveCount(1);
  const other = sessions.getByRole('listitem').filter({ hasNotText: thisBrowser });
  const end = tr({ en: 'Sign out there', ko: '이 기기에서 로그아웃' });
  await other.getByRole('button', { name: new RegExp(`^${end}`) }).click();
  await other.getByRole('group', { name: new RegExp(`^${end}`) }).getByRole('button', { name: tr({ en: 'Sign it out', ko: '로그아웃시키기' }) }).click();
  await expect(sessions.getByRole('status')).toHaveText(tr({ en: 'That session is signed out.', ko: '해당 기기를 로그아웃시켰습니다.' }));
  await expect(sessions.getByRole('listitem')).toHaveCount(1);
  await expect(sessions.getByRole('listitem')).toContainText(thisBrowser);
});
