import { AppError } from '@app/core';
import { checkReadinessScores, READINESS_MAX_COMPOSITE, readinessComposite, rubricRangeMessage } from './rubric';
import { checkSectorActivity } from './sector-activity.service';
import { checkWeights } from './weight-profiles.service';

const fieldsOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).extensions as { code: string; fields: Array<{ field: string; message: { en: string; ko: string } }> };
  }
  throw new Error('expected an error');
};

describe('readiness rubric', () => {
  const ok = { strategy: 3, visibleHome: 1, networks: 2, collaboration: 4 };

  it('sums to a composite out of 14', () => {
    expect(READINESS_MAX_COMPOSITE).toBe(14);
    expect(readinessComposite(ok)).toBe(10);
    expect(readinessComposite(checkReadinessScores({ strategy: 5, visibleHome: 2, networks: 3, collaboration: 4 }))).toBe(14);
    expect(readinessComposite(checkReadinessScores({ strategy: 1, visibleHome: 0, networks: 0, collaboration: 0 }))).toBe(1);
  });

  it.each([
    ['strategy', 0, /from 1 to 5.*Internationalisation strategy/],
    ['strategy', 6, /from 1 to 5/],
    ['visibleHome', 3, /from 0 to 2.*visible home/i],
    ['networks', -1, /from 0 to 3/],
    ['collaboration', 5, /from 0 to 4.*other country/],
    ['networks', 1.5, /whole number/],
  ])('refuses %s = %s, naming the field and its rubric', (field, value, message) => {
    const ext = fieldsOf(() => checkReadinessScores({ ...ok, [field]: value }));
    expect(ext.code).toBe('BAD_USER_INPUT');
    expect(ext.fields).toEqual([{ field, message: { en: expect.stringMatching(message), ko: expect.stringMatching(/평가 기준에 따라 \d에서 \d 사이의 정수여야 합니다/) } }]);
  });

  it('spells out each score in the message', () => {
    expect(rubricRangeMessage('collaboration').en).toContain('4 = formal, long-term city-to-city collaboration');
    expect(rubricRangeMessage('visibleHome').ko).toBe(
      '“국제 활동을 총괄하는 주체” 평가 기준에 따라 0에서 2 사이의 정수여야 합니다(0 = 전체를 파악하는 단일 기관의 근거 없음; 1 = 단편적인 근거; 2 = 분명한 근거).',
    );
  });
});

describe('sector activity checks', () => {
  it('accepts levels 1 to 3 with 1 to 20 titled projects', () => {
    expect(checkSectorActivity(3, [{ title: ' Hydrogen buses ', summary: '' }])).toEqual([{ title: 'Hydrogen buses' }]);
    expect(checkSectorActivity(1, [{ title: 'A', summary: 'B' }])).toEqual([{ title: 'A', summary: 'B' }]);
  });

  it.each([
    ['level 4', 4, [{ title: 'x' }], 'level'],
    ['level 0', 0, [{ title: 'x' }], 'level'],
    ['no projects', 1, [], 'projects'],
    ['21 projects', 1, Array.from({ length: 21 }, (_, i) => ({ title: `p${i}` })), 'projects'],
    ['a project without a title', 2, [{ title: 'ok' }, { title: '  ' }], 'projects.1.title'],
  ])('refuses %s', (_what, level, projects, field) => {
    expect(fieldsOf(() => checkSectorActivity(level as number, projects)).fields[0].field).toBe(field);
  });
});

describe('weight checks', () => {
  const pillars = { similarity: 1, internationalisation: 1, synergy: 1, relationship: 1 };
  const base = { pillars, indicators: [{ key: 'coastal', weight: 1 }], starThresholds: [0.3, 0.6] };

  it('accepts sensible weights', () => {
    expect(checkWeights(base)).toEqual({ pillars, indicators: { coastal: 1 }, starThresholds: [0.3, 0.6] });
  });

  it.each([
    ['a negative pillar weight', { pillars: { ...pillars, synergy: -1 } }, 'pillars.synergy'],
    ['an infinite pillar weight', { pillars: { ...pillars, synergy: Infinity } }, 'pillars.synergy'],
    ['all pillars 0', { pillars: { similarity: 0, internationalisation: 0, synergy: 0, relationship: 0 } }, 'pillars'],
    ['a NaN indicator weight', { indicators: [{ key: 'coastal', weight: NaN }] }, 'indicators.0.weight'],
    ['an indicator twice', { indicators: [{ key: 'coastal', weight: 1 }, { key: 'coastal', weight: 2 }] }, 'indicators.1.key'],
    ['thresholds out of order', { starThresholds: [0.6, 0.3] }, 'starThresholds'],
    ['a threshold of 1', { starThresholds: [0.5, 1] }, 'starThresholds'],
    ['a threshold of 0', { starThresholds: [0, 0.5] }, 'starThresholds'],
    ['three thresholds', { starThresholds: [0.2, 0.4, 0.6] }, 'starThresholds'],
  ])('refuses %s', (_what, change, field) => {
    expect(fieldsOf(() => checkWeights({ ...base, ...change } as typeof base)).fields[0].field).toBe(field);
  });
});
