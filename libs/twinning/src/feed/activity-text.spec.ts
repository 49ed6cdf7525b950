import { describeActivity } from './activity-text';
import { ActivityVerb } from './workspace-activity.entity';

const entry = (verb: ActivityVerb, details: Record<string, unknown> = {}, objectLabel = { en: 'Hydrogen harbour pilot', ko: '수소 항만 실증' }) => ({
  verb,
  actorName: '박서준',
  objectLabel,
  details,
});

describe('the workspace feed in Korean', () => {
  it('writes every entry without a particle written both ways', () => {
    const details = { from: 'FEASIBILITY', to: 'DEMONSTRATOR', role: 'MEMBER', fields: ['title', 'budgets'], project: { en: 'Pilot', ko: '실증 사업' } };
    for (const verb of Object.values(ActivityVerb)) {
      expect(describeActivity(entry(verb, details)).ko).not.toMatch(/\((으|을|를|이|가|와|과|은|는)\)|[을이와은]\([를가과는]\)/);
    }
  });

  it('chooses each particle by the word before it', () => {
    expect(describeActivity(entry(ActivityVerb.PROJECT_STAGE_CHANGED, { from: 'FEASIBILITY', to: 'DEMONSTRATOR' })).ko).toContain('실증으로 옮겼습니다');
    expect(describeActivity(entry(ActivityVerb.PROJECT_STAGE_CHANGED, { from: 'DEMONSTRATOR', to: 'SCALING' })).ko).toContain('확산으로 옮겼습니다');
    expect(describeActivity(entry(ActivityVerb.PROJECT_STAGE_CHANGED, { from: 'DISCOVERY', to: 'GOAL_SETTING' })).ko).toContain('목표 설정으로 옮겼습니다');
    expect(describeActivity(entry(ActivityVerb.MEMBER_JOINED, { role: 'LEAD' }, { en: 'Sam Taylor', ko: 'Sam Taylor' })).ko).toBe('Sam Taylor님이 리드로 참여했습니다');
    expect(describeActivity(entry(ActivityVerb.MEMBER_INVITED, { role: 'OBSERVER' })).ko).toBe('박서준님이 새 참관인을 초대했습니다');
    expect(describeActivity(entry(ActivityVerb.PROJECT_CREATED)).ko).toBe('박서준님이 프로젝트 “수소 항만 실증”을 만들었습니다');
    expect(describeActivity(entry(ActivityVerb.PROJECT_CLOSED, {}, { en: 'Port', ko: '스마트 항구' })).ko).toBe('박서준님이 프로젝트 “스마트 항구”를 종료했습니다');
    expect(describeActivity(entry(ActivityVerb.MILESTONE_STATUS_CHANGED, { to: 'DONE' })).ko).toBe('박서준님이 마일스톤 “수소 항만 실증”을 완료로 표시했습니다');
    expect(describeActivity(entry(ActivityVerb.PROJECT_UPDATED, { fields: ['budgets'] })).ko).toBe('박서준님이 프로젝트 “수소 항만 실증”의 예산을 수정했습니다');
  });
});
