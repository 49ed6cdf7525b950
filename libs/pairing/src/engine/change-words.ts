import { LINK_KINDS, term, withParticle } from '@app/rules';
import type { ReadinessPart } from './weights';

/**
 * The changes of evidence an explanation weighs ("what would raise the score
 * most"), as facts, and the sentence each is said in, composed in English and
 * in Korean from those facts. The engine states the facts; whoever answers a
 * reader names the cities, indicators and sectors in that reader's language.
 */

/** A sentence in each of the platform's languages. */
export interface ChangeWords {
  en: string;
  ko: string;
}

export type ChangeTerms =
  /** `city` reports the figure `other` has, at `share` of its national leader. */
  | { kind: 'fill'; city: string; other: string; indicator: string; share: number }
  /** `city` reports the `count` figures it lacks, matching `other`'s. */
  | { kind: 'fill-all'; city: string; other: string; count: number }
  /** `city`, the lower of the two, closes the largest gap by a quarter of its leader's level. */
  | { kind: 'narrow-gap'; city: string; indicator: string }
  /** The largest gap widens: `city` falls further behind, or pulls further ahead. */
  | { kind: 'widen-gap'; city: string; indicator: string; way: 'behind' | 'ahead' }
  | { kind: 'assess-readiness'; city: string; other: string }
  | { kind: 'readiness-up' | 'readiness-down'; city: string; part: ReadinessPart; from: number; to: number }
  | { kind: 'record-sectors'; city: string; other: string }
  | { kind: 'add-sector'; city: string; other: string; sector: string }
  /** `adds` what the city lacks to reach both live infrastructure and a cluster priority. */
  | { kind: 'upgrade-sector'; city: string; other: string; sector: string; adds: 'cluster' | 'live' }
  | { kind: 'drop-sector'; city: string; sector: string }
  | { kind: 'add-link'; a: string; b: string; formality: 3 | 4 }
  | { kind: 'remove-link'; a: string; b: string; linkKind: string; formality: number; summary: { en: string | null; ko: string | null } };

/** How a reader's cities, indicators and sectors are named, in both languages. */
export interface ChangeNames {
  city(id: string): ChangeWords;
  indicator(key: string): ChangeWords;
  sector(key: string): ChangeWords;
}

const READINESS_PARTS: Record<ReadinessPart, ChangeWords> = {
  strategy: { en: 'internationalisation strategy', ko: '국제화 전략' },
  visibleHome: { en: 'visible home for international activity', ko: '국제 업무 전담 조직' },
  networks: { en: 'international networks', ko: '국제 네트워크' },
  collaboration: { en: 'collaboration with the other country', ko: '상대국과의 협력' },
};

/** A link's kind as the glossary names it; an unknown kind keeps its code in English and is a link (협력) in Korean. */
function linkKind(kind: string): ChangeWords {
  const key = LINK_KINDS[kind as keyof typeof LINK_KINDS] as (typeof LINK_KINDS)[keyof typeof LINK_KINDS] | undefined;
  return key ? { en: term(key, 'en'), ko: term(key, 'ko') } : { en: kind, ko: '협력' };
}

/** A label as it stands inside an English sentence: "Ports and maritime" → "ports and maritime"; "AI", "IoT" and "GDP per capita" as they are. */
export function inSentence(label: string): string {
  // Only a first word capitalised as a sentence starts ("Ports", "E-mobility"), not an acronym ("IoT", "AR/VR").
  return /^[A-Z][a-z]*(?=[^A-Za-z]|$)/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}

const percent = (share: number) => `${Math.round(share * 100)}%`;
const points = (value: number) => String(Math.round(value * 10) / 10);

/** The sentence that says `change`, in both languages, with `names` for its cities, indicators and sectors. */
export function changeWords(change: ChangeTerms, names: ChangeNames): ChangeWords {
  switch (change.kind) {
    case 'fill': {
      const [city, other, indicator] = [names.city(change.city), names.city(change.other), names.indicator(change.indicator)];
      return {
        en: `If ${city.en} reported its ${indicator.en} and it matched ${other.en}'s (${percent(change.share)} of its national leader)`,
        ko: `${city.ko}의 ${indicator.ko} 수치가 보고되어 ${other.ko}의 수치(자국 1위 도시의 ${percent(change.share)})와 같다면`,
      };
    }
    case 'fill-all': {
      const [city, other] = [names.city(change.city), names.city(change.other)];
      return {
        en: `If ${city.en} reported the ${change.count} figures it lacks and they matched ${other.en}'s`,
        ko: `${city.ko}에 없는 수치 ${change.count}개가 보고되어 ${other.ko}의 수치와 같다면`,
      };
    }
    case 'narrow-gap': {
      const [city, indicator] = [names.city(change.city), names.indicator(change.indicator)];
      return {
        en: `If ${city.en} closed the largest gap, in ${indicator.en}, by a quarter of its national leader's level`,
        ko: `가장 큰 차이인 ${indicator.ko} 격차를 ${city.ko} 쪽에서 자국 1위 도시 수준의 4분의 1만큼 좁힌다면`,
      };
    }
    case 'widen-gap': {
      const [city, indicator] = [names.city(change.city), names.indicator(change.indicator)];
      const behind = change.way === 'behind';
      return {
        en: `If the largest gap, in ${indicator.en}, widened by a quarter of the national leader's level (${city.en} ${behind ? 'falling further behind' : 'pulling further ahead'})`,
        ko: `가장 큰 차이인 ${indicator.ko} 격차가 자국 1위 도시 수준의 4분의 1만큼 더 벌어진다면(${withParticle(city.ko, '이/가')} 더 ${behind ? '뒤처짐' : '앞서 나감'})`,
      };
    }
    case 'assess-readiness': {
      const [city, other] = [names.city(change.city), names.city(change.other)];
      return {
        en: `If ${city.en}'s internationalisation readiness were assessed and matched ${other.en}'s`,
        ko: `${city.ko}의 국제화 준비도를 평가해 ${other.ko}의 점수와 같게 나온다면`,
      };
    }
    case 'readiness-up':
    case 'readiness-down': {
      const [city, part] = [names.city(change.city), READINESS_PARTS[change.part]];
      const [from, to] = [points(change.from), points(change.to)];
      const up = change.kind === 'readiness-up';
      return {
        en: `If ${city.en}'s ${part.en} ${up ? 'rose' : 'fell'} from ${from} to ${to}`,
        ko: `${city.ko}의 ${part.ko} 점수가 ${from}점에서 ${to}점으로 ${up ? '오른다면' : '내려간다면'}`,
      };
    }
    case 'record-sectors': {
      const [city, other] = [names.city(change.city), names.city(change.other)];
      return {
        en: `If ${city.en}'s sector activity were recorded and matched ${other.en}'s`,
        ko: `${city.ko}의 분야별 활동이 기록되어 ${other.ko}의 활동과 같다면`,
      };
    }
    case 'add-sector': {
      const [city, other, sector] = [names.city(change.city), names.city(change.other), names.sector(change.sector)];
      return {
        en: `If ${city.en} had both live infrastructure and a business-cluster priority in ${sector.en}, where ${other.en} is active`,
        ko: `${other.ko}에서 활동 중인 ${sector.ko} 분야에서 ${city.ko}도 실증 인프라와 산업 클러스터 육성 우선순위를 모두 갖춘다면`,
      };
    }
    case 'upgrade-sector': {
      const [city, other, sector] = [names.city(change.city), names.city(change.other), names.sector(change.sector)];
      const cluster = change.adds === 'cluster';
      return {
        en: `If ${city.en} added ${cluster ? 'a business-cluster priority' : 'live infrastructure or a testbed'} in ${sector.en}, shared with ${other.en}`,
        ko: `${other.ko}의 활동과 겹치는 ${sector.ko} 분야에서 ${city.ko}에 ${cluster ? '산업 클러스터 육성 우선순위가' : '실증 인프라나 테스트베드가'} 더해진다면`,
      };
    }
    case 'drop-sector': {
      const [city, sector] = [names.city(change.city), names.sector(change.sector)];
      return {
        en: `If ${city.en}'s activity in ${sector.en} ended, so the sector was no longer shared`,
        ko: `${city.ko}의 ${sector.ko} 분야 활동이 끝나 더는 공통 분야가 아니게 된다면`,
      };
    }
    case 'add-link': {
      const [a, b] = [names.city(change.a), names.city(change.b)];
      return change.formality === 3
        ? {
            en: `If institutions in ${a.en} and ${b.en} formalised a partnership (an MOU, a physical presence or joint projects: formality 3 of 4)`,
            ko: `${a.ko}–${b.ko} 두 도시의 기관들이 공식 협력(MOU, 현지 거점, 공동 프로젝트: 공식성 3단계)을 맺는다면`,
          }
        : {
            en: `If ${a.en} and ${b.en} signed a formal, long-term city-to-city agreement (formality 4 of 4)`,
            ko: `${a.ko}–${b.ko} 두 도시가 도시 간 장기 공식 협약(공식성 4단계)을 맺는다면`,
          };
    }
    case 'remove-link': {
      const [a, b, kind] = [names.city(change.a), names.city(change.b), linkKind(change.linkKind)];
      const quoted = change.summary.en ?? change.summary.ko;
      // A summary written only in English is not quoted in Korean: the link is named by what it is.
      const what = change.summary.ko ? `${kind.ko} “${change.summary.ko}”` : `${a.ko}–${b.ko} 간 ${kind.ko}`;
      return {
        en: `Without the ${kind.en} link ${quoted ? `"${quoted}"` : `between ${a.en} and ${b.en}`} (formality ${change.formality} of 4)`,
        ko: `공식성 ${change.formality}단계인 ${withParticle(what, '이/가')} 없다면`,
      };
    }
  }
}
