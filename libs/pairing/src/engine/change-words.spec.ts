import { ChangeNames, ChangeTerms, changeWords, inSentence } from './change-words';

const names: ChangeNames = {
  city: (id) => ({ busan: { en: 'Busan', ko: '부산' }, liverpool: { en: 'Liverpool', ko: '리버풀' }, daegu: { en: 'Daegu', ko: '대구' } })[id] ?? { en: id, ko: id },
  indicator: () => ({ en: 'GDP per capita', ko: '1인당 GDP' }),
  sector: () => ({ en: 'hydrogen', ko: '수소' }),
};

describe('changeWords', () => {
  it('says each kind of change in both languages, with the reader’s names', () => {
    const cases: Array<[ChangeTerms, string, string]> = [
      [
        { kind: 'fill', city: 'busan', other: 'liverpool', indicator: 'gdp', share: 0.634 },
        "If Busan reported its GDP per capita and it matched Liverpool's (63% of its national leader)",
        '부산의 1인당 GDP 수치가 보고되어 리버풀의 수치(자국 1위 도시의 63%)와 같다면',
      ],
      [
        { kind: 'readiness-up', city: 'busan', part: 'visibleHome', from: 1, to: 2 },
        "If Busan's visible home for international activity rose from 1 to 2",
        '부산의 국제 업무 전담 조직 점수가 1점에서 2점으로 오른다면',
      ],
      [
        { kind: 'upgrade-sector', city: 'liverpool', other: 'busan', sector: 'hydrogen', adds: 'live' },
        'If Liverpool added live infrastructure or a testbed in hydrogen, shared with Busan',
        '부산의 활동과 겹치는 수소 분야에서 리버풀에 실증 인프라나 테스트베드가 더해진다면',
      ],
      [
        { kind: 'add-link', a: 'busan', b: 'liverpool', formality: 4 },
        'If Busan and Liverpool signed a formal, long-term city-to-city agreement (formality 4 of 4)',
        '부산–리버풀 두 도시가 도시 간 장기 공식 협약(공식성 4단계)을 맺는다면',
      ],
    ];
    for (const [change, en, ko] of cases) expect(changeWords(change, names)).toEqual({ en, ko });
  });

  it('chooses the particle after the city it names', () => {
    const behind = (city: string) => changeWords({ kind: 'widen-gap', city, indicator: 'gdp', way: 'behind' }, names).ko;
    expect(behind('busan')).toMatch(/\(부산이 더 뒤처짐\)$/);
    expect(behind('daegu')).toMatch(/\(대구가 더 뒤처짐\)$/);
  });

  it('never quotes an English-only link in Korean, and names the link by its kind instead', () => {
    const change: ChangeTerms = { kind: 'remove-link', a: 'busan', b: 'liverpool', linkKind: 'city-to-city', formality: 2, summary: { en: 'Port forum', ko: null } };
    expect(changeWords(change, names)).toEqual({
      en: 'Without the city-to-city link "Port forum" (formality 2 of 4)',
      ko: '공식성 2단계인 부산–리버풀 간 도시 간 협력이 없다면',
    });
    expect(changeWords({ ...change, summary: { en: null, ko: '항만 포럼' } }, names)).toEqual({
      en: 'Without the city-to-city link "항만 포럼" (formality 2 of 4)',
      ko: '공식성 2단계인 도시 간 협력 “항만 포럼”이 없다면',
    });
  });
});

describe('inSentence', () => {
  it('writes a label as it stands inside an English sentence, leaving acronyms alone', () => {
    expect(['Ports and maritime', 'Internet of things', 'E-mobility', 'AI', 'IoT', 'AR/VR', 'GDP per capita', '5G'].map(inSentence)).toEqual([
      'ports and maritime',
      'internet of things',
      'e-mobility',
      'AI',
      'IoT',
      'AR/VR',
      'GDP per capita',
      '5G',
    ]);
  });
});
