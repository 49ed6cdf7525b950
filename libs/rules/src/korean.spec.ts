import { fillKorean, koreanNumber, particleOf, quantityText, withParticle } from './korean';

describe('Korean particles', () => {
  it.each([
    ['부산', '와/과', '부산과'],
    ['리버풀', '이/가', '리버풀이'],
    ['실증', '으로/로', '실증으로'],
    ['서울', '으로/로', '서울로'],
    ['대구', '을/를', '대구를'],
    ['“실증”', '을/를', '“실증”을'],
    ['(주)테크', '은/는', '(주)테크는'],
    ['Liverpool', '이/가', 'Liverpool이'],
    ['Liverpool', '으로/로', 'Liverpool로'],
    ['Busan', '와/과', 'Busan과'],
    ['Glasgow', '이/가', 'Glasgow가'],
    ['Belfast', '을/를', 'Belfast를'],
    ['CCTV', '이/가', 'CCTV가'],
    ['URL', '으로/로', 'URL로'],
    ['1', '이/가', '1이'],
    ['2', '이/가', '2가'],
    ['6', '을/를', '6을'],
    ['7', '으로/로', '7로'],
    ['10', '이/가', '10이'],
    ['1,000', '이/가', '1,000이'],
  ] as const)('%s + %s is %s', (word, particle, expected) => {
    expect(withParticle(word, particle)).toBe(expected);
  });

  it('gives the particle alone', () => {
    expect(particleOf('부산', '와/과')).toBe('과');
    expect(particleOf('대구', '와/과')).toBe('와');
  });

  it('fills named slots and their particles', () => {
    expect(fillKorean('{city|이/가} {other|와/과} 협력합니다. {count}건', { city: '리버풀', other: '부산', count: 3 })).toBe(
      '리버풀이 부산과 협력합니다. 3건',
    );
  });
});

describe('Korean numbers', () => {
  it.each([
    [5200, '5,200'],
    [3_412_345, '341만'],
    [340_000_000, '3억 4,000만'],
    [1_000_000_000_000, '10,000억'],
    [-25_000, '-3만'],
  ])('%d reads %s', (value, expected) => {
    expect(koreanNumber(value)).toBe(expected);
  });

  it('keeps the part under 만 when asked', () => {
    expect(koreanNumber(12_345, { exact: true })).toBe('1만 2,345');
  });
});

describe('figures with their units', () => {
  it.each([
    [3.4, '백만 명', 'ko', '340만 명'],
    [2.9, 'million', 'en', '2.9 million'],
    [0.85, '백만 명', 'ko', '85만 명'],
    [12.5, '%', 'ko', '12.5%'],
    [36200, '미국 달러(PPP)', 'ko', '36,200 미국 달러(PPP)'],
    [7, null, 'ko', '7'],
  ] as const)('%d %s in %s reads %s', (value, unit, language, expected) => {
    expect(quantityText(value, unit, language)).toBe(expected);
  });
});
