/**
 * Benchmark of the pure pairing engine on synthetic cities.
 *
 *   npx tsc -p tsconfig.build.json && npx tsc-alias -p tsconfig.build.json && node dist/scripts/bench-pairing-engine.js
 *
 * Generates 1,000 cities per country (seeded, so every run scores the same
 * data) and measures:
 *   (a) the engine: scoring of all 1,000 × 1,000 pairs and their full ranking;
 *   (b) a baseline: the same arithmetic as one plain hand-inlined loop over the
 *       same typed arrays, plus a plain comparator sort — what the engine's
 *       abstractions cost (goal: engine ≤ 3× baseline and < 2 s);
 *   (c) an incremental update of one city: new evidence in, its 1,000 pairs
 *       rescored (goal < 50 ms).
 * Two warm-up runs, then the median of several.
 */
import { performance } from 'node:perf_hooks';
import {
  applyCityUpdate,
  BatchScores,
  buildBatch,
  CityEvidence,
  IndicatorEvidence,
  LinkEvidence,
  PairingBatch,
  rankPairs,
  REPORT_DEFAULT_WEIGHTS,
  scoreBatch,
  SectorEvidence,
  SYNERGY_SATURATION,
  topK,
  weightedIndicators,
} from '@app/pairing/engine';

export interface EngineBenchFigures {
  citiesPerCountry: number;
  pairs: number;
  runs: number;
  /** Building the typed arrays from evidence (relative values, bitmasks, links), once per data set. */
  prepareMs: number;
  engine: { scoreMs: number; rankMs: number; totalMs: number };
  baseline: { scoreMs: number; sortMs: number; totalMs: number };
  /** engine / baseline */
  ratio: { score: number; total: number };
  /** Largest difference between engine and baseline overall scores (0 = identical). */
  maxDifference: number;
  incremental: { pairsRescored: number; updateMs: number; topKAfterUpdateMs: number; leaderChangeMs: number; leaderChangePairs: number };
  goals: { totalUnder2s: boolean; ratioAtMost3: boolean; incrementalUnder50ms: boolean };
}

// --- Synthetic data ---------------------------------------------------------------

/** mulberry32: a small, fast, seeded PRNG. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SECTORS = [
  'hydrogen',
  'digital',
  'renewables',
  'iot',
  'ai',
  'ar_vr',
  'cybersecurity',
  'data_management',
  '5g',
  'civic_social_economy',
  'advanced_manufacturing',
  'e_mobility',
  'autonomous_vehicles',
  'digital_mobility',
];

export function syntheticCountries(citiesPerCountry: number, seed = 20261125, linkCount = 300): { x: CityEvidence[]; y: CityEvidence[] } {
  const rnd = prng(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
  const logNormal = (median: number, sigma: number) => median * Math.exp(sigma * normal());
  const prov = { source: 'synthetic', asOf: '2026-01-01', enteredByUserId: null };

  const country = (code: string): CityEvidence[] => {
    const pops = Array.from({ length: citiesPerCountry }, () => logNormal(0.25, 1.0)).sort((p, q) => q - p);
    return pops.map((pop, n) => {
      const rank = n + 1;
      const raw: Record<string, IndicatorEvidence['value']> = {
        metroPopulationMillions: Math.round(pop * 100) / 100,
        nationalSizeRank: rank,
        metroGovernance: rank <= 10 ? 'established' : rnd() < 0.3 ? 'established' : rnd() < 0.5 ? 'emerging' : 'nascent',
        coastal: rnd() < 0.35,
        capitalFunction: rank === 1 || rnd() < 0.01,
        gdpPerCapitaUsdPpp: Math.round(logNormal(33000, 0.25)),
        startupHqIndex: rank === 1 ? 100 : Math.round(logNormal(1, 1.2) * 10) / 10,
        scaleupHqIndex: rank === 1 ? 100 : Math.round(logNormal(0.6, 1.3) * 10) / 10,
        manufacturingSharePct: Math.min(50, Math.max(1, Math.round(15 + 7 * normal()))),
        universityStemScore: rnd() < 0.5 ? Math.round((0.3 + 0.65 * rnd()) * 100) / 100 : null,
        universityStemGlobalRank: 1 + Math.floor(rnd() * 500),
        massTransitScore: Math.round(rnd() * 40) / 100,
      };
      const indicators: IndicatorEvidence[] = Object.entries(raw)
        .filter(() => rnd() >= 0.2) // ~20% missing at random
        .map(([key, value]) => ({ key, value, ...prov }));
      const sectors: SectorEvidence[] = [];
      if (rnd() < 0.4) {
        const k = 1 + Math.floor(rnd() * 6);
        for (const sector of [...SECTORS].sort(() => rnd() - 0.5).slice(0, k)) {
          sectors.push({ sector, level: (1 + Math.floor(rnd() * 3)) as 1 | 2 | 3, projects: [{ title: `${sector} project` }], ...prov });
        }
      }
      const readiness =
        rnd() < 0.7
          ? { strategy: 1 + Math.floor(rnd() * 5), visibleHome: Math.floor(rnd() * 3), networks: Math.floor(rnd() * 4), collaboration: Math.floor(rnd() * 5), ...prov }
          : null;
      return { cityId: `${code.toLowerCase()}-${String(n).padStart(4, '0')}`, countryCode: code, peerGroup: rank <= 50 ? 1 : 2, indicators, readiness, sectors, links: [] };
    });
  };

  const x = country('GB');
  const y = country('KR');
  for (let n = 0; n < linkCount; n++) {
    const a = x[Math.floor(rnd() * x.length)];
    const b = y[Math.floor(rnd() * y.length)];
    const onA = rnd() < 0.5;
    const link: LinkEvidence = { id: `link-${n}`, otherCityId: onA ? b.cityId : a.cityId, kind: 'research', partners: [], formality: Math.floor(rnd() * 5), summary: '', since: null, ...prov };
    (onA ? a : b).links.push(link);
  }
  return { x, y };
}

// --- Baseline: the same arithmetic, hand-inlined --------------------------------------

interface BaselineOut {
  sim: Float64Array;
  intl: Float64Array;
  syn: Float64Array;
  rel: Float64Array;
  overall: Float64Array;
  stars: Uint8Array;
  minStars: Uint8Array;
  used: Uint16Array;
  compared: Uint16Array;
  shared: Uint16Array;
  assessments: Uint8Array;
  links: Uint16Array;
  confidence: Float64Array;
}

function baselineScore(batch: PairingBatch): BaselineOut {
  const nX = batch.x.n;
  const nY = batch.y.n;
  const n = nX * nY;
  const out: BaselineOut = {
    sim: new Float64Array(n),
    intl: new Float64Array(n),
    syn: new Float64Array(n),
    rel: new Float64Array(n),
    overall: new Float64Array(n),
    stars: new Uint8Array(n),
    minStars: new Uint8Array(n),
    used: new Uint16Array(n),
    compared: new Uint16Array(n),
    shared: new Uint16Array(n),
    assessments: new Uint8Array(n),
    links: new Uint16Array(n),
    confidence: new Float64Array(n),
  };
  // Report-default weights: all four pillars 1, thresholds 1/3 and 2/3.
  const weighted = weightedIndicators(REPORT_DEFAULT_WEIGHTS);
  const cols = Int32Array.from(weighted.map(([k]) => batch.indicatorKeys.indexOf(k)).filter((c) => c >= 0));
  const ws = Float64Array.from(weighted.filter(([k]) => batch.indicatorKeys.includes(k)).map(([, w]) => w));
  let totalW = 0;
  for (const [, w] of weighted) totalW += w;
  const nc = cols.length;
  const K = batch.indicatorKeys.length;
  const W = batch.sectorWords;
  const relX = batch.x.relative;
  const relY = batch.y.relative;
  const rX = batch.x.readiness;
  const rY = batch.y.readiness;
  const aX = batch.x.sectorActive;
  const aY = batch.y.sectorActive;
  const fX = batch.x.sectorFull;
  const fY = batch.y.sectorFull;
  const hX = batch.x.hasSectors;
  const hY = batch.y.hasSectors;
  const t1 = 1 / 3;
  const t2 = 2 / 3;
  const { sim: oSim, intl: oIntl, syn: oSyn, rel: oRel, overall: oOverall, stars: oStars, minStars: oMin } = out;
  const { used: oUsed, compared: oCompared, shared: oShared, assessments: oAssess, links: oLinks, confidence: oConf } = out;
  for (const [p, l] of batch.links) {
    oRel[p] = l.relationship;
    oLinks[p] = l.count;
  }
  for (let i = 0; i < nX; i++) {
    const baseA = i * K;
    for (let j = 0; j < nY; j++) {
      const p = i * nY + j;
      const baseB = j * K;
      let sw = 0;
      let swd = 0;
      let used = 0;
      for (let c = 0; c < nc; c++) {
        const ra = relX[baseA + cols[c]];
        const rb = relY[baseB + cols[c]];
        if (ra === ra && rb === rb) {
          let d = Math.abs(ra - rb);
          if (d > 1) d = 1;
          sw += ws[c];
          swd += ws[c] * d;
          used++;
        }
      }
      const sim = used > 0 ? 1 - swd / sw : NaN;
      const na = rX[i];
      const nb = rY[j];
      const intl = na === na && nb === nb ? 0.5 * (1 - Math.abs(na - nb)) + 0.5 * ((na + nb) / 2) : NaN;
      let syn = NaN;
      let shared = 0;
      let union = 0;
      if (hX[i] === 1 && hY[j] === 1) {
        let fa = 0;
        let fb = 0;
        for (let w = 0; w < W; w++) {
          const xa = aX[i * W + w];
          const ya = aY[j * W + w];
          let s = xa & ya;
          let u = xa | ya;
          let sa = s & fX[i * W + w];
          let sb = s & fY[j * W + w];
          // popcounts, inlined
          s -= (s >>> 1) & 0x55555555;
          s = (s & 0x33333333) + ((s >>> 2) & 0x33333333);
          shared += Math.imul((s + (s >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
          u -= (u >>> 1) & 0x55555555;
          u = (u & 0x33333333) + ((u >>> 2) & 0x33333333);
          union += Math.imul((u + (u >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
          sa -= (sa >>> 1) & 0x55555555;
          sa = (sa & 0x33333333) + ((sa >>> 2) & 0x33333333);
          fa += Math.imul((sa + (sa >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
          sb -= (sb >>> 1) & 0x55555555;
          sb = (sb & 0x33333333) + ((sb >>> 2) & 0x33333333);
          fb += Math.imul((sb + (sb >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
        }
        syn = Math.min(1, (2 * shared + fa + fb) / 4 / SYNERGY_SATURATION);
      }
      const rel = oRel[p];
      let sum = 0;
      let wsum = 0;
      let minStars = 3;
      if (sim === sim) {
        sum += sim;
        wsum += 1;
        const st = sim < t1 ? 1 : sim < t2 ? 2 : 3;
        if (st < minStars) minStars = st;
      } else minStars = 0;
      if (intl === intl) {
        sum += intl;
        wsum += 1;
        const st = intl < t1 ? 1 : intl < t2 ? 2 : 3;
        if (minStars !== 0 && st < minStars) minStars = st;
      } else minStars = 0;
      if (syn === syn) {
        sum += syn;
        wsum += 1;
        const st = syn < t1 ? 1 : syn < t2 ? 2 : 3;
        if (minStars !== 0 && st < minStars) minStars = st;
      } else minStars = 0;
      sum += rel;
      wsum += 1;
      const st = rel < t1 ? 1 : rel < t2 ? 2 : 3;
      if (minStars !== 0 && st < minStars) minStars = st;
      const ov = Math.min(1, sum / wsum);
      const nAssess = (na === na ? 1 : 0) + (nb === nb ? 1 : 0);
      oSim[p] = sim;
      oIntl[p] = intl;
      oSyn[p] = syn;
      oOverall[p] = ov;
      oStars[p] = ov < t1 ? 1 : ov < t2 ? 2 : 3;
      oMin[p] = minStars;
      oUsed[p] = used;
      oCompared[p] = union;
      oShared[p] = shared;
      oAssess[p] = nAssess;
      oConf[p] = (sw / totalW + nAssess / 2 + (hX[i] + hY[j]) / 2 + 1) / 4;
    }
  }
  return out;
}

function baselineSort(overall: Float64Array): Uint32Array {
  const idx = new Uint32Array(overall.length);
  for (let k = 0; k < idx.length; k++) idx[k] = k;
  return idx.sort((p, q) => overall[q] - overall[p] || p - q);
}

// --- Measuring -------------------------------------------------------------------------

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function time<T>(fn: () => T): [number, T] {
  const t0 = performance.now();
  const r = fn();
  return [performance.now() - t0, r];
}

const round = (v: number, digits = 1) => Math.round(v * 10 ** digits) / 10 ** digits;

export async function runEngineBench(options: { citiesPerCountry?: number; runs?: number; warmups?: number } = {}): Promise<EngineBenchFigures> {
  const citiesPerCountry = options.citiesPerCountry ?? 1000;
  const runs = options.runs ?? 7;
  const warmups = options.warmups ?? 2;
  const { x, y } = syntheticCountries(citiesPerCountry);

  const [prepareMs, batch] = time(() => buildBatch(x, y));

  const engineScore: number[] = [];
  const engineRank: number[] = [];
  const baseScore: number[] = [];
  const baseSort: number[] = [];
  let scores!: BatchScores;
  let base!: BaselineOut;
  for (let r = 0; r < warmups + runs; r++) {
    // Alternate which goes first, so neither always runs on the other's garbage.
    const runEngine = () => {
      const [es, s] = time(() => scoreBatch(batch, REPORT_DEFAULT_WEIGHTS));
      const [er] = time(() => rankPairs(s));
      scores = s;
      if (r >= warmups) {
        engineScore.push(es);
        engineRank.push(er);
      }
    };
    const runBaseline = () => {
      const [bs, b] = time(() => baselineScore(batch));
      const [bo] = time(() => baselineSort(b.overall));
      base = b;
      if (r >= warmups) {
        baseScore.push(bs);
        baseSort.push(bo);
      }
    };
    if (r % 2 === 0) {
      runEngine();
      runBaseline();
    } else {
      runBaseline();
      runEngine();
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
  let maxDifference = 0;
  for (let p = 0; p < scores.overall.length; p++) {
    const d = Math.abs(scores.overall[p] - base.overall[p]);
    if (d > maxDifference || Number.isNaN(d)) maxDifference = Number.isNaN(d) ? Infinity : d;
  }

  // (c) incremental: one city's new evidence (readiness, a sector, a non-leading figure) and its pairs rescored.
  const index = Math.floor(citiesPerCountry / 2);
  const original = batch.x.cities[index].evidence;
  const variants: CityEvidence[] = [0, 1].map((v) => ({
    ...original,
    readiness: { strategy: 2 + v, visibleHome: 1, networks: 2, collaboration: v, source: 'officer', asOf: '2026-06-01', enteredByUserId: 'u1' },
    sectors: [...original.sectors, { sector: v ? 'ai' : 'hydrogen', level: 3, projects: [], source: 'officer', asOf: '2026-06-01', enteredByUserId: 'u1' }],
  }));
  const updateTimes: number[] = [];
  const topKTimes: number[] = [];
  let pairsRescored = 0;
  for (let r = 0; r < warmups + 21; r++) {
    const [ms, res] = time(() => applyCityUpdate(batch, scores, 'x', index, variants[r % 2]));
    const [tk] = time(() => topK(scores, 100));
    pairsRescored = res.pairsRescored;
    if (r >= warmups) {
      updateTimes.push(ms);
      topKTimes.push(tk);
    }
  }
  // A change that moves a national leader: every city of the country moves, so everything is rescored.
  const leader: CityEvidence = {
    ...original,
    indicators: [...original.indicators.filter((ev) => ev.key !== 'gdpPerCapitaUsdPpp'), { key: 'gdpPerCapitaUsdPpp', value: 1e6, source: 'officer', asOf: '2026-06-02', enteredByUserId: 'u1' }],
  };
  const [leaderChangeMs, leaderRes] = time(() => applyCityUpdate(batch, scores, 'x', index, leader));

  const engineTotal = median(engineScore) + median(engineRank);
  const baseTotal = median(baseScore) + median(baseSort);
  const figures: EngineBenchFigures = {
    citiesPerCountry,
    pairs: batch.x.n * batch.y.n,
    runs,
    prepareMs: round(prepareMs),
    engine: { scoreMs: round(median(engineScore)), rankMs: round(median(engineRank)), totalMs: round(engineTotal) },
    baseline: { scoreMs: round(median(baseScore)), sortMs: round(median(baseSort)), totalMs: round(baseTotal) },
    ratio: { score: round(median(engineScore) / median(baseScore), 2), total: round(engineTotal / baseTotal, 2) },
    maxDifference,
    incremental: {
      pairsRescored,
      updateMs: round(median(updateTimes), 2),
      topKAfterUpdateMs: round(median(topKTimes), 2),
      leaderChangeMs: round(leaderChangeMs),
      leaderChangePairs: leaderRes.pairsRescored,
    },
    goals: {
      totalUnder2s: engineTotal < 2000,
      ratioAtMost3: engineTotal / baseTotal <= 3 && median(engineScore) / median(baseScore) <= 3,
      incrementalUnder50ms: median(updateTimes) < 50,
    },
  };
  return figures;
}

export function printEngineFigures(f: EngineBenchFigures): void {
  const lines = [
    `Pairing engine benchmark: ${f.citiesPerCountry} × ${f.citiesPerCountry} cities = ${f.pairs.toLocaleString('en-GB')} pairs (median of ${f.runs} runs after warm-up)`,
    `  prepare (evidence → typed arrays, once)      ${f.prepareMs} ms`,
    `  (a) engine    score ${f.engine.scoreMs} ms + rank ${f.engine.rankMs} ms = ${f.engine.totalMs} ms`,
    `  (b) baseline  score ${f.baseline.scoreMs} ms + sort ${f.baseline.sortMs} ms = ${f.baseline.totalMs} ms`,
    `      ratio engine/baseline: scoring ${f.ratio.score}×, scoring + ranking ${f.ratio.total}×   (goal ≤ 3×, total < 2 s)`,
    `      largest difference engine vs baseline overall: ${f.maxDifference}`,
    `  (c) update one city (${f.incremental.pairsRescored} pairs rescored): ${f.incremental.updateMs} ms (goal < 50 ms); top 100 after it: ${f.incremental.topKAfterUpdateMs} ms`,
    `      update that moves a national leader (${f.incremental.leaderChangePairs.toLocaleString('en-GB')} pairs rescored): ${f.incremental.leaderChangeMs} ms`,
    `  goals: total < 2 s ${f.goals.totalUnder2s ? 'met' : 'MISSED'}; ≤ 3× baseline ${f.goals.ratioAtMost3 ? 'met' : 'MISSED'}; incremental < 50 ms ${f.goals.incrementalUnder50ms ? 'met' : 'MISSED'}`,
  ];
  console.log(lines.join('\n'));
}

if (require.main === module) {
  runEngineBench().then(printEngineFigures, (err) => {
    console.error(err);
    process.exitCode = 1;
  });
}
