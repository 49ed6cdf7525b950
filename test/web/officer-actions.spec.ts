import { DEMO, expect, test, type Lang } from './fixtures';
import { createProjectApi, ensureLiverpoolBusanWorkspace, gql, tokenFor } from './support/api';

/**
 * An officer's everyday actions the other journeys do not take: on a project
 * page, editing, deleting a milestone, publishing the summary, closing and
 * reopening. The Liverpool officer in English, the Busan officer in Korean:
 * both lead the Liverpool–Busan workspace.
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
