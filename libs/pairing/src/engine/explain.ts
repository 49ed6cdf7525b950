import { ChangeNames, ChangeTerms, ChangeWords, changeWords } from './change-words';
import { NationalLeader, PreparedCity, ReadinessScores, readinessShareOf } from './prepare';
import { absoluteStarScale, activityWeight, allLinksBetween, canonicalPair, CityTerms, clampFormality, linksBetween, scoreTerms } from './score';
import { IndicatorEvidence, LinkEvidence, PairScoreResult, PillarKey, PillarResult, Provenance, SectorEvidence, SectorLevel, Stars, StarScale, Weights } from './types';
import {
  compareStrings,
  isNumericIndicator,
  MAX_FORMALITY,
  READINESS_MAX,
  READINESS_PARTS,
  READINESS_RANGES,
  REPORT_DEFAULT_WEIGHTS,
  SYNERGY_SATURATION,
  validateWeights,
  weightedIndicators,
} from './weights';

/**
 * Explanations of a pair score (choice 8): every piece of evidence behind each
 * pillar with its provenance, and "what would change the rating most": a
 * bounded set of single-evidence counterfactuals, each rescored with the same
 * function as the pair itself.
 */

export interface IndicatorContribution {
  key: string;
  label: string;
  rawA: IndicatorEvidence['value'] | null;
  rawB: IndicatorEvidence['value'] | null;
  relativeA: number | null;
  relativeB: number | null;
  /** |relativeA − relativeB|, clipped to [0, 1]; null when not used. */
  difference: number | null;
  weight: number;
  /** w·d / Σw over the indicators used: what this indicator takes off similarity (1 − Σ contributions = similarity); 0 when not used. */
  contribution: number;
  used: boolean;
  /** Which city lacks the figure when it is not used. */
  missing: 'a' | 'b' | 'both' | null;
  provenanceA: Provenance | null;
  provenanceB: Provenance | null;
  /** A number compared to the national leader (not a yes/no flag): counts towards the minimum. */
  numeric: boolean;
  /** Each city's national leader on this indicator (null for yes/no flags, or when unknown). */
  leaderA: NationalLeader | null;
  leaderB: NationalLeader | null;
}

export interface SectorDetail {
  sector: string;
  label: string;
  levelA: SectorLevel;
  levelB: SectorLevel;
  /** (w_a + w_b) / 4 before saturation. */
  contribution: number;
  /** The sector evidence of each city (projects and provenance). */
  evidenceA: SectorEvidence[];
  evidenceB: SectorEvidence[];
}

export interface ReadinessDetail extends ReadinessScores {
  composite: number;
  /** composite / 14 */
  share: number;
  provenance: Provenance;
}

export interface Counterfactual {
  /** Stable identifier, e.g. `fill:gdpPerCapitaUsdPpp:busan`. */
  id: string;
  pillar: PillarKey;
  /** What would change, as facts. */
  change: ChangeTerms;
  /** The change said in English and in Korean, with the names ExplainOptions.names gives. */
  description: ChangeWords;
  /** The observed score after the change. */
  overall: number;
  /** The ranking score after the change, and its stars. */
  adjusted: number;
  overallStars: Stars;
  /** New ranking score − current ranking score. */
  delta: number;
  /** The pillar's new score. */
  pillarScore: number | null;
}

export interface PairExplanation {
  score: PairScoreResult;
  similarity: PillarResult & { indicators: IndicatorContribution[] };
  internationalisation: PillarResult & { a: ReadinessDetail | null; b: ReadinessDetail | null };
  synergy: PillarResult & {
    shared: SectorDetail[];
    onlyA: string[];
    onlyB: string[];
    /** Σ contributions before saturation; synergy = min(1, total / saturation). */
    total: number;
    saturation: number;
  };
  /** Every link, live or history (live: false, shown, not scored); maxFormality of the live ones. */
  relationship: PillarResult & { links: LinkEvidence[]; maxFormality: number };
  whatWouldChange: { raise: Counterfactual[]; lower: Counterfactual[] };
}

export interface ExplainOptions {
  /** How the descriptions of changes name cities, indicators and sectors; ids and English labels by default. */
  names?: ChangeNames;
  /** How many counterfactuals each way (default 3). */
  counterfactuals?: number;
  /** Star cut points of the comparison set (calibrated); the profile's thresholds on [0, 1] by default. */
  scale?: StarScale;
  /** National leaders (nationalLeaders() over every city of both countries), to name them beside each gap. */
  leaders?: ReadonlyMap<string, ReadonlyMap<string, NationalLeader>>;
}

const INDICATOR_LABELS: Record<string, string> = {
  metroPopulationMillions: 'metropolitan population',
  nationalSizeRank: 'position in the national city system',
  metroGovernance: 'metropolitan governance',
  coastal: 'coastal geography',
  capitalFunction: 'capital function',
  gdpPerCapitaUsdPpp: 'GDP per capita',
  startupHqIndex: 'start-up headquarters',
  scaleupHqIndex: 'scale-up headquarters',
  manufacturingSharePct: 'manufacturing share',
  universityStemScore: 'university science and technology performance',
  universityStemGlobalRank: 'university STEM global rank',
  massTransitScore: 'mass transit',
};
const SECTOR_LABELS: Record<string, string> = {
  iot: 'IoT',
  ai: 'AI',
  ar_vr: 'AR/VR',
  cybersecurity: 'cyber security',
  '5g': '5G',
  civic_social_economy: 'civic and social economy',
  e_mobility: 'e-mobility',
};
/** Names when the caller gives none (the engine's own tests and tools): ids, and the labels above in both languages. */
const same = (text: string): ChangeWords => ({ en: text, ko: text });
const DEFAULT_NAMES: ChangeNames = { city: same, indicator: (key) => same(indicatorLabel(key)), sector: (key) => same(sectorLabel(key)) };

export const indicatorLabel = (key: string): string => INDICATOR_LABELS[key] ?? key;
export const sectorLabel = (key: string): string => SECTOR_LABELS[key] ?? key.replace(/_/g, ' ');

function provenanceOf(p: Provenance): Provenance {
  return { source: p.source, asOf: p.asOf, enteredByUserId: p.enteredByUserId };
}

function readinessDetail(city: PreparedCity): ReadinessDetail | null {
  if (!city.readiness || !city.evidence.readiness) return null;
  const composite = city.readiness.strategy + city.readiness.visibleHome + city.readiness.networks + city.readiness.collaboration;
  return { ...city.readiness, composite, share: composite / READINESS_MAX, provenance: provenanceOf(city.evidence.readiness) };
}

interface Candidate {
  id: string;
  pillar: PillarKey;
  change: ChangeTerms;
  a: CityTerms;
  b: CityTerms;
  links: readonly Pick<LinkEvidence, 'formality'>[];
}

function withRelative(c: CityTerms, key: string, value: number): CityTerms {
  const relative = new Map(c.relative);
  relative.set(key, value);
  return { ...c, relative };
}

function withReadiness(c: CityTerms, r: ReadinessScores): CityTerms {
  return { ...c, readinessShare: readinessShareOf(r) };
}

function withSector(c: CityTerms, sector: string, level: SectorLevel | null): CityTerms {
  const sectorLevels = new Map(c.sectorLevels);
  if (level === null) sectorLevels.delete(sector);
  else sectorLevels.set(sector, level);
  // A city whose activity ended is still a city with sector evidence (known: none), not an unknown one.
  return { ...c, sectorLevels, hasSectorEvidence: true };
}

/** The bounded set of single-evidence changes considered (choice 8). */
function candidates(a: PreparedCity, b: PreparedCity, links: LinkEvidence[], weights: Weights): Candidate[] {
  // links: the live ones (history is never scored, so never a change of score either).
  const out: Candidate[] = [];
  const cities: Array<[PreparedCity, PreparedCity, 'a' | 'b']> = [
    [a, b, 'a'],
    [b, a, 'b'],
  ];
  const put = (side: 'a' | 'b', changed: CityTerms, c: Omit<Candidate, 'a' | 'b' | 'links'>) =>
    out.push({ ...c, a: side === 'a' ? changed : a, b: side === 'b' ? changed : b, links });

  // Similarity: fill a figure one city lacks with the other's relative value.
  const used: Array<{ key: string; w: number; d: number }> = [];
  for (const [key, w] of weightedIndicators(weights)) {
    const ra = a.relative.get(key);
    const rb = b.relative.get(key);
    if (ra !== undefined && rb !== undefined) used.push({ key, w, d: Math.min(1, Math.abs(ra - rb)) });
    for (const [self, other, side] of cities) {
      const mine = self.relative.get(key);
      const theirs = other.relative.get(key);
      if (mine === undefined && theirs !== undefined) {
        put(side, withRelative(self, key, theirs), {
          id: `fill:${key}:${self.cityId}`,
          pillar: 'similarity',
          change: { kind: 'fill', city: self.cityId, other: other.cityId, indicator: key, share: theirs },
        });
      }
    }
  }
  // Similarity: every figure one city lacks and the other has, matching (what "needs evidence" asks for).
  for (const [self, other, side] of cities) {
    const lacking = weightedIndicators(weights).filter(([key]) => !self.relative.has(key) && other.relative.has(key));
    if (lacking.length < 2) continue;
    let filled: CityTerms = self;
    for (const [key] of lacking) filled = withRelative(filled, key, other.relative.get(key)!);
    put(side, filled, {
      id: `fill-all:${self.cityId}`,
      pillar: 'similarity',
      change: { kind: 'fill-all', city: self.cityId, other: other.cityId, count: lacking.length },
    });
  }

  // Similarity: narrow or widen the largest gap by a quarter of the national leader's level.
  const largest = used.filter((u) => u.d > 0).sort((x, y) => y.w * y.d - x.w * x.d || compareStrings(x.key, y.key))[0];
  if (largest) {
    const ra = a.relative.get(largest.key)!;
    const rb = b.relative.get(largest.key)!;
    const [low, high, lowSide, highSide] = ra <= rb ? ([a, b, 'a', 'b'] as const) : ([b, a, 'b', 'a'] as const);
    const lowV = Math.min(ra, rb);
    const highV = Math.max(ra, rb);
    put(lowSide, withRelative(low, largest.key, Math.min(highV, lowV + 0.25)), {
      id: `narrow-gap:${largest.key}`,
      pillar: 'similarity',
      change: { kind: 'narrow-gap', city: low.cityId, indicator: largest.key },
    });
    if (lowV > 0) {
      put(lowSide, withRelative(low, largest.key, Math.max(0, lowV - 0.25)), {
        id: `widen-gap:${largest.key}`,
        pillar: 'similarity',
        change: { kind: 'widen-gap', city: low.cityId, indicator: largest.key, way: 'behind' },
      });
    } else if (highV < 1) {
      put(highSide, withRelative(high, largest.key, Math.min(1, highV + 0.25)), {
        id: `widen-gap:${largest.key}`,
        pillar: 'similarity',
        change: { kind: 'widen-gap', city: high.cityId, indicator: largest.key, way: 'ahead' },
      });
    }
  }

  // Internationalisation: one step up or down on one sub-score; an assessment for a city without one.
  for (const [self, other, side] of cities) {
    if (!self.readiness) {
      if (other.readiness) {
        put(side, withReadiness(self, other.readiness), {
          id: `assess-readiness:${self.cityId}`,
          pillar: 'internationalisation',
          change: { kind: 'assess-readiness', city: self.cityId, other: other.cityId },
        });
      }
      continue;
    }
    for (const part of READINESS_PARTS) {
      const [lo, hi] = READINESS_RANGES[part];
      const v = self.readiness[part];
      if (v < hi) {
        const up = Math.min(hi, Math.floor(v) + 1);
        put(side, withReadiness(self, { ...self.readiness, [part]: up }), {
          id: `readiness-up:${part}:${self.cityId}`,
          pillar: 'internationalisation',
          change: { kind: 'readiness-up', city: self.cityId, part, from: v, to: up },
        });
      }
      if (v > lo) {
        const down = Math.max(lo, Math.ceil(v) - 1);
        put(side, withReadiness(self, { ...self.readiness, [part]: down }), {
          id: `readiness-down:${part}:${self.cityId}`,
          pillar: 'internationalisation',
          change: { kind: 'readiness-down', city: self.cityId, part, from: v, to: down },
        });
      }
    }
  }

  // Synergy: a city's activity recorded for the first time, matching the other's.
  for (const [self, other, side] of cities) {
    if (self.hasSectorEvidence || !other.hasSectorEvidence) continue;
    put(side, { ...self, sectorLevels: new Map(other.sectorLevels), hasSectorEvidence: true }, {
      id: `record-sectors:${self.cityId}`,
      pillar: 'synergy',
      change: { kind: 'record-sectors', city: self.cityId, other: other.cityId },
    });
  }

  // Synergy: a new level-3 activity where the other city is active; an upgrade to 3; a shared sector lost.
  const sectors = [...new Set([...a.sectorLevels.keys(), ...b.sectorLevels.keys()])].sort(compareStrings);
  for (const sector of sectors) {
    const la = a.sectorLevels.get(sector);
    const lb = b.sectorLevels.get(sector);
    for (const [self, other, side] of cities) {
      const mine = side === 'a' ? la : lb;
      const theirs = side === 'a' ? lb : la;
      if (theirs === undefined) continue;
      if (mine === undefined) {
        put(side, withSector(self, sector, 3), {
          id: `add-sector:${sector}:${self.cityId}`,
          pillar: 'synergy',
          change: { kind: 'add-sector', city: self.cityId, other: other.cityId, sector },
        });
      } else if (mine !== 3) {
        put(side, withSector(self, sector, 3), {
          id: `upgrade-sector:${sector}:${self.cityId}`,
          pillar: 'synergy',
          change: { kind: 'upgrade-sector', city: self.cityId, other: other.cityId, sector, adds: mine === 1 ? 'cluster' : 'live' },
        });
      }
    }
    if (la !== undefined && lb !== undefined) {
      const [self, side] = activityWeight(lb) < activityWeight(la) ? ([b, 'b'] as const) : ([a, 'a'] as const);
      put(side, withSector(self, sector, null), {
        id: `drop-sector:${sector}:${self.cityId}`,
        pillar: 'synergy',
        change: { kind: 'drop-sector', city: self.cityId, sector },
      });
    }
  }

  // Relationship: one more formal link; one link fewer.
  const max = links.reduce((m, l) => Math.max(m, clampFormality(l.formality)), 0);
  if (max < MAX_FORMALITY) {
    const f = max < 3 ? 3 : 4;
    out.push({
      id: `add-link:${f}`,
      pillar: 'relationship',
      change: { kind: 'add-link', a: a.cityId, b: b.cityId, formality: f },
      a,
      b,
      links: [...links, { formality: f }],
    });
  }
  for (const link of links) {
    out.push({
      id: `remove-link:${link.id}`,
      pillar: 'relationship',
      change: { kind: 'remove-link', a: a.cityId, b: b.cityId, linkKind: link.kind, formality: link.formality, summary: link.summary },
      a,
      b,
      links: links.filter((l) => l !== link),
    });
  }
  return out;
}

/**
 * Explains the score of one pair. Cities come out in id order (A < B),
 * whichever way they are passed; the explanation is deterministic.
 */
export function explainPair(cityA: PreparedCity, cityB: PreparedCity, weights: Weights = REPORT_DEFAULT_WEIGHTS, options: ExplainOptions = {}): PairExplanation {
  validateWeights(weights);
  if (cityA.cityId === cityB.cityId) throw new RangeError(`A pair needs two different cities (got ${cityA.cityId} twice).`);
  const [a, b] = canonicalPair(cityA, cityB);
  const names = options.names ?? DEFAULT_NAMES;
  const howMany = options.counterfactuals ?? 3;
  const weighted = weightedIndicators(weights);
  const scale = options.scale ?? absoluteStarScale(weights);
  const links = linksBetween(a, b);
  const score = scoreTerms(a, b, links, weights, weighted, scale);
  const leaderOf = (city: PreparedCity, key: string) => (isNumericIndicator(key) ? (options.leaders?.get(city.countryCode)?.get(key) ?? null) : null);

  // Similarity detail.
  const usedWeight = weighted.reduce((s, [key, w]) => (a.relative.has(key) && b.relative.has(key) ? s + w : s), 0);
  const indicators: IndicatorContribution[] = weighted.map(([key, weight]) => {
    const ia = a.indicators.get(key);
    const ib = b.indicators.get(key);
    const used = !!ia && !!ib;
    const difference = used ? Math.min(1, Math.abs(ia.relative - ib.relative)) : null;
    return {
      key,
      label: indicatorLabel(key),
      rawA: ia?.raw ?? null,
      rawB: ib?.raw ?? null,
      relativeA: ia?.relative ?? null,
      relativeB: ib?.relative ?? null,
      difference,
      weight,
      contribution: used ? (weight * difference!) / usedWeight : 0,
      used,
      missing: used ? null : !ia && !ib ? 'both' : !ia ? 'a' : 'b',
      provenanceA: ia ? provenanceOf(ia.evidence) : null,
      provenanceB: ib ? provenanceOf(ib.evidence) : null,
      numeric: isNumericIndicator(key),
      leaderA: leaderOf(a, key),
      leaderB: leaderOf(b, key),
    };
  });

  // Synergy detail.
  const evidenceIn = (c: PreparedCity, sector: string) => c.evidence.sectors.filter((s) => s.sector === sector);
  const shared: SectorDetail[] = score.sharedSectors.map((sector) => {
    const levelA = a.sectorLevels.get(sector)!;
    const levelB = b.sectorLevels.get(sector)!;
    return {
      sector,
      label: sectorLabel(sector),
      levelA,
      levelB,
      contribution: (activityWeight(levelA) + activityWeight(levelB)) / 4,
      evidenceA: evidenceIn(a, sector),
      evidenceB: evidenceIn(b, sector),
    };
  });
  const only = (x: PreparedCity, y: PreparedCity) => [...x.sectorLevels.keys()].filter((k) => !y.sectorLevels.has(k)).sort(compareStrings);

  // Counterfactuals.
  const evaluated = candidates(a, b, links, weights).map((c): Counterfactual => {
    const s = scoreTerms(c.a, c.b, c.links, weights, weighted, scale);
    return {
      id: c.id,
      pillar: c.pillar,
      change: c.change,
      description: changeWords(c.change, names),
      overall: s.overall,
      adjusted: s.adjusted,
      overallStars: s.overallStars,
      delta: s.adjusted - score.adjusted,
      pillarScore: s.pillars[c.pillar].score,
    };
  });
  const byId = (x: Counterfactual, y: Counterfactual) => compareStrings(x.id, y.id);
  const raise = evaluated.filter((c) => c.delta > 0).sort((x, y) => y.delta - x.delta || byId(x, y)).slice(0, howMany);
  const lower = evaluated.filter((c) => c.delta < 0).sort((x, y) => x.delta - y.delta || byId(x, y)).slice(0, howMany);

  return {
    score,
    similarity: { ...score.pillars.similarity, indicators },
    internationalisation: { ...score.pillars.internationalisation, a: readinessDetail(a), b: readinessDetail(b) },
    synergy: {
      ...score.pillars.synergy,
      shared,
      onlyA: only(a, b),
      onlyB: only(b, a),
      total: shared.reduce((s, d) => s + d.contribution, 0),
      saturation: SYNERGY_SATURATION,
    },
    relationship: { ...score.pillars.relationship, links: allLinksBetween(a, b), maxFormality: links.reduce((m, l) => Math.max(m, clampFormality(l.formality)), 0) },
    whatWouldChange: { raise, lower },
  };
}
