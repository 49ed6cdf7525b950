import type { Sector } from '../entities/sector.entity';
import type { WeightProfile } from '../entities/weight-profile.entity';
import { REPORT_DEFAULT_WEIGHTS as ENGINE_DEFAULT_WEIGHTS } from '../../engine/weights';

export type SectorSeed = Omit<Sector, 'createdAt' | 'updatedAt' | 'position' | 'inReportTaxonomy'>;

/**
 * The 14 sectors of the founding report's synergy comparison, in its order
 * (sector-activity.json `sectors`). Keys match the data file.
 */
export const REPORT_SECTORS: SectorSeed[] = [
  { key: 'hydrogen', nameEn: 'Hydrogen', nameKo: '수소', descriptionEn: 'Hydrogen production, fuel cells and hydrogen vehicles, buses, trains and trams.', descriptionKo: '수소 생산, 연료전지, 수소 버스·열차·트램 등 수소 모빌리티.' },
  { key: 'digital', nameEn: 'Digital', nameKo: '디지털', descriptionEn: 'Digital services, platforms and the digital economy at large.', descriptionKo: '디지털 서비스·플랫폼 등 디지털 경제 전반.' },
  { key: 'renewables', nameEn: 'Renewable energy', nameKo: '재생에너지', descriptionEn: 'Wind, solar and other renewable generation, and the management of renewable energy.', descriptionKo: '풍력·태양광 등 재생에너지 발전과 에너지 관리.' },
  { key: 'iot', nameEn: 'Internet of things', nameKo: '사물인터넷(IoT)', descriptionEn: 'Connected sensors and devices across the city.', descriptionKo: '도시 곳곳의 연결된 센서와 기기.' },
  { key: 'ai', nameEn: 'Artificial intelligence', nameKo: '인공지능(AI)', descriptionEn: 'AI research, platforms and applications.', descriptionKo: '인공지능 연구, 플랫폼과 활용.' },
  { key: 'ar_vr', nameEn: 'AR and VR', nameKo: '증강·가상현실(AR/VR)', descriptionEn: 'Augmented and virtual reality, e.g. for learning, culture or services.', descriptionKo: '교육·문화·서비스 등에 쓰이는 증강현실과 가상현실.' },
  { key: 'cybersecurity', nameEn: 'Cyber security', nameKo: '사이버 보안', descriptionEn: 'Securing networks, devices and data.', descriptionKo: '네트워크·기기·데이터 보안.' },
  { key: 'data_management', nameEn: 'Data management', nameKo: '데이터 관리', descriptionEn: 'City data platforms, open data and analytics.', descriptionKo: '도시 데이터 플랫폼, 공공데이터 개방과 분석.' },
  { key: '5g', nameEn: '5G', nameKo: '5G 이동통신', descriptionEn: '5G networks and the services built on them.', descriptionKo: '5G 네트워크와 이를 활용한 서비스.' },
  { key: 'civic_social_economy', nameEn: 'Civic and social economy', nameKo: '시민·사회적 경제', descriptionEn: 'Social enterprises, co-operatives and civic innovation.', descriptionKo: '사회적 기업, 협동조합과 시민 주도 혁신.' },
  { key: 'advanced_manufacturing', nameEn: 'Advanced manufacturing', nameKo: '첨단 제조', descriptionEn: 'Advanced production technologies, materials and engineering research.', descriptionKo: '첨단 생산기술, 소재와 공학 연구.' },
  { key: 'e_mobility', nameEn: 'E-mobility', nameKo: '전기 모빌리티', descriptionEn: 'Electric vehicles, e-scooters and charging.', descriptionKo: '전기차, 전동킥보드와 충전 인프라.' },
  { key: 'autonomous_vehicles', nameEn: 'Autonomous vehicles', nameKo: '자율주행차', descriptionEn: 'Self-driving cars, trucks, shuttles and vessels, and their testbeds.', descriptionKo: '자율주행 자동차·트럭·셔틀·선박과 시험 운행 지구.' },
  { key: 'digital_mobility', nameEn: 'Digital mobility', nameKo: '디지털 모빌리티', descriptionEn: 'Data-driven transport: journey planning, mobility as a service, traffic management.', descriptionKo: '데이터 기반 교통: 경로 안내, 통합 모빌리티 서비스(MaaS), 교통 관리.' },
];

/** Sectors the city profiles name that the synergy table does not (sector-activity.json `projects`). */
export const PROFILE_SECTORS: SectorSeed[] = [
  { key: 'ports', nameEn: 'Ports and maritime', nameKo: '항만·해양', descriptionEn: 'Smart ports, freeports, port logistics and maritime technology.', descriptionKo: '스마트 항만, 자유무역항, 항만 물류와 해양 기술.' },
  { key: 'health', nameEn: 'Health and care', nameKo: '보건·의료', descriptionEn: 'Digital health, health innovation districts and care technology.', descriptionKo: '디지털 헬스, 보건의료 혁신지구와 돌봄 기술.' },
  { key: 'districts', nameEn: 'Innovation districts', nameKo: '혁신지구', descriptionEn: 'Innovation districts, knowledge quarters and smart city demonstrators.', descriptionKo: '혁신지구, 지식 클러스터와 스마트시티 실증 지구.' },
  { key: 'water', nameEn: 'Water management', nameKo: '물 관리', descriptionEn: 'Smart water supply, waste water and flood management.', descriptionKo: '스마트 상수도, 하수 처리와 홍수 관리.' },
  { key: 'public_safety', nameEn: 'Public safety', nameKo: '공공 안전', descriptionEn: 'Integrated control centres, policing, emergency and safety services.', descriptionKo: '통합관제센터, 치안·재난·안전 서비스.' },
];

/** The date the founding report's evidence is for. */
export const EVIDENCE_SEED_AS_OF = '2021-10-01';

export type WeightProfileSeed = Pick<WeightProfile, 'name' | 'description' | 'pillars' | 'indicators' | 'starThresholds'>;

/**
 * The founding report's weights: the four pillars equal; inside similarity,
 * inherited assets at full weight and current performance at half weight;
 * stars at thirds.
 */
export const REPORT_DEFAULT_WEIGHTS: WeightProfileSeed = {
  name: 'report-default',
  description:
    "The founding report's weights: the four pillars count equally; inherited assets at full weight and current economic and innovation performance at half weight.",
  // The engine's own defaults, so the stored profile and the scoring cannot drift apart.
  pillars: { ...ENGINE_DEFAULT_WEIGHTS.pillars },
  indicators: { ...ENGINE_DEFAULT_WEIGHTS.indicators },
  starThresholds: [...ENGINE_DEFAULT_WEIGHTS.starThresholds] as [number, number],
};
