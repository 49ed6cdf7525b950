import { ActivityVerb } from './workspace-activity.entity';
import { describeActivity } from './activity-text';

const entry = (verb: ActivityVerb, objectLabel: { en: string; ko: string }, details: Record<string, unknown>) =>
  describeActivity({ verb, actorName: '박서준', objectLabel, details });

describe('feed sentences', () => {
  it('name stages, roles and statuses as the glossary does, with the particle that fits', () => {
    expect(entry(ActivityVerb.PROJECT_STAGE_CHANGED, { en: 'Smart quays', ko: '스마트 부두' }, { from: 'GOAL_SETTING', to: 'FEASIBILITY' }).ko).toBe(
      '박서준님이 프로젝트 “스마트 부두”의 단계를 목표 설정에서 타당성 검토로 옮겼습니다',
    );
    expect(entry(ActivityVerb.MEMBER_JOINED, { en: 'Sam Taylor', ko: 'Sam Taylor' }, { role: 'LEAD' }).ko).toBe('Sam Taylor님이 리더로 참여했습니다');
    expect(entry(ActivityVerb.MEMBER_JOINED, { en: 'Sam Taylor', ko: 'Sam Taylor' }, { role: 'OBSERVER' }).ko).toBe('Sam Taylor님이 참관인으로 참여했습니다');
    expect(entry(ActivityVerb.MILESTONE_STATUS_CHANGED, { en: 'Sensors on', ko: '센서 설치' }, { to: 'MISSED' }).ko).toBe('박서준님이 주요 일정 “센서 설치”를 기한 초과로 표시했습니다');
    expect(entry(ActivityVerb.MILESTONE_REMOVED, { en: 'Survey', ko: '현장 조사' }, {}).ko).toBe('박서준님이 주요 일정 “현장 조사”를 삭제했습니다');
  });
});
