import type { Country } from '../entities/country.entity';
import type { IndicatorDefinition } from '../entities/indicator-definition.entity';
import { IndicatorValueType } from '../entities/indicator-value-type';

type SeedRow<T> = Omit<T, 'createdAt' | 'updatedAt'>;

/** The first two countries. A third is another row here (or an admin's insert), never code. */
export const SEED_COUNTRIES: SeedRow<Country>[] = [
  { code: 'GB', nameEn: 'United Kingdom', nameKo: '영국', currency: 'GBP', timeZone: 'Europe/London', defaultLanguage: 'en' },
  { code: 'KR', nameEn: 'Republic of Korea', nameKo: '대한민국', currency: 'KRW', timeZone: 'Asia/Seoul', defaultLanguage: 'ko' },
];

/** The date the founding report's figures are for. */
export const SEED_AS_OF = '2021-10-01';

type DefinitionSeed = Omit<SeedRow<IndicatorDefinition>, 'position'>;
type Described = Pick<DefinitionSeed, 'key' | 'labelEn' | 'labelKo' | 'descriptionEn' | 'descriptionKo'> & Partial<DefinitionSeed>;

const number = (fields: Described): DefinitionSeed => ({
  valueType: IndicatorValueType.NUMBER,
  categories: [],
  unitEn: null,
  unitKo: null,
  minValue: 0,
  maxValue: null,
  integerOnly: false,
  higherIsBetter: null,
  ...fields,
});
const yesNo = (fields: Described): DefinitionSeed => number({ valueType: IndicatorValueType.BOOLEAN, minValue: null, ...fields });
const category = (fields: Described & Pick<DefinitionSeed, 'categories'>): DefinitionSeed =>
  number({ valueType: IndicatorValueType.CATEGORY, minValue: null, ...fields });

/**
 * The twelve indicators of the founding report's city data, in its order:
 * inherited assets, then economic and innovation performance, then transit.
 */
export const SEED_INDICATOR_DEFINITIONS: SeedRow<IndicatorDefinition>[] = ([
  number({
    key: 'metroPopulationMillions',
    labelEn: 'Metropolitan population',
    labelKo: '대도시권 인구',
    descriptionEn: 'People living in the metropolitan area, in millions.',
    descriptionKo: '대도시권에 사는 인구(백만 명 단위).',
    unitEn: 'million',
    unitKo: '백만 명',
  }),
  number({
    key: 'nationalSizeRank',
    labelEn: 'Size rank in the national city system',
    labelKo: '국내 도시 규모 순위',
    descriptionEn: "The city's position among its country's cities by size; the capital is 1.",
    descriptionKo: '국내 도시 가운데 규모 순위(수도 = 1).',
    minValue: 1,
    integerOnly: true,
  }),
  category({
    key: 'metroGovernance',
    labelEn: 'Metropolitan governance',
    labelKo: '광역 거버넌스 성숙도',
    descriptionEn:
      'How mature coordination across the metropolitan area is: nascent, emerging, established, or special (a special self-governing city).',
    descriptionKo: '대도시권 전체를 아우르는 협력·조정 체계의 성숙도: 초기, 형성, 정착, 특별(특별자치시 등).',
    categories: [
      { value: 'nascent', labelEn: 'Nascent', labelKo: '초기' },
      { value: 'emerging', labelEn: 'Emerging', labelKo: '형성' },
      { value: 'established', labelEn: 'Established', labelKo: '정착' },
      { value: 'special', labelEn: 'Special status', labelKo: '특별 지위' },
    ],
  }),
  yesNo({
    key: 'coastal',
    labelEn: 'Coastal',
    labelKo: '해안 도시',
    descriptionEn: 'Whether the city lies on the coast (general geography).',
    descriptionKo: '바다에 접한 도시인지 여부(일반 지리 정보).',
  }),
  yesNo({
    key: 'capitalFunction',
    labelEn: 'Capital function',
    labelKo: '수도 기능',
    descriptionEn: 'Whether the city is a capital or seat of government, such as the capital of a UK nation or an administrative capital.',
    descriptionKo: '수도 또는 정부 소재지 기능이 있는지 여부(예: 영국 구성국의 수도, 행정중심도시).',
  }),
  number({
    key: 'gdpPerCapitaUsdPpp',
    labelEn: 'GDP per capita',
    labelKo: '1인당 GDP',
    descriptionEn: 'Gross domestic product per person, in US dollars at purchasing power parity (OECD/IMF, 2018).',
    descriptionKo: '1인당 국내총생산, 구매력평가 기준 미국 달러(OECD/IMF, 2018).',
    unitEn: 'US$ (PPP)',
    unitKo: '미국 달러(PPP)',
    higherIsBetter: true,
  }),
  number({
    key: 'universityStemScore',
    labelEn: 'University science and technology score',
    labelKo: '대학 과학기술 역량 점수',
    descriptionEn: "How well the city's universities perform in science and technology; the best in the world scores 1.",
    descriptionKo: '도시 내 대학의 과학기술 분야 성과(세계 최고 = 1).',
    maxValue: 1,
    higherIsBetter: true,
  }),
  number({
    key: 'universityStemGlobalRank',
    labelEn: 'University science and technology world rank',
    labelKo: '대학 과학기술 세계 순위',
    descriptionEn: "The world rank of the city's universities in science and technology; 1 is the best.",
    descriptionKo: '도시 내 대학의 과학기술 분야 세계 순위(1위가 최고).',
    minValue: 1,
    integerOnly: true,
    higherIsBetter: false,
  }),
  number({
    key: 'scaleupHqIndex',
    labelEn: 'Scale-up headquarters',
    labelKo: '스케일업 기업 본사',
    descriptionEn: 'Headquarters of scaled-up technology firms, relative to the national capital (capital = 100).',
    descriptionKo: '성장 단계(스케일업) 기술 기업 본사 수, 수도 대비 지수(수도 = 100).',
    higherIsBetter: true,
  }),
  number({
    key: 'startupHqIndex',
    labelEn: 'Start-up headquarters',
    labelKo: '스타트업 본사',
    descriptionEn: 'Headquarters of start-ups, relative to the national capital (capital = 100).',
    descriptionKo: '스타트업 본사 수, 수도 대비 지수(수도 = 100).',
    higherIsBetter: true,
  }),
  number({
    key: 'manufacturingSharePct',
    labelEn: 'Manufacturing share of the economy',
    labelKo: '제조업 비중',
    descriptionEn: "Manufacturing's share of the local economy, in per cent; a measure of how diversified the economy is.",
    descriptionKo: '지역 경제에서 제조업이 차지하는 비중(%). 경제 다각화 정도를 보여 준다.',
    unitEn: '%',
    unitKo: '%',
    maxValue: 100,
  }),
  number({
    key: 'massTransitScore',
    labelEn: 'Mass transit',
    labelKo: '대중교통',
    descriptionEn: 'Availability, coverage and efficiency of mass transit; the global leader (Singapore) scores 1.',
    descriptionKo: '대중교통의 이용 가능성, 포괄 범위, 효율성(세계 최고인 싱가포르 = 1).',
    maxValue: 1,
    higherIsBetter: true,
  }),
] satisfies DefinitionSeed[]).map((definition, index) => ({ ...definition, position: index + 1 }));
