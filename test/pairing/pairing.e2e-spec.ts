import { methodFingerprint, PairingComputeService } from '@app/pairing';
import { eventually, startTestApp, TestApp } from '../support/harness';

const PILLARS = `score stars evidence`;
const SCORE = `pairKey cityAId cityBId overall adjusted potential judged overallStars minPillarStars sharedSectors computedAt
  similarity { ${PILLARS} } internationalisation { ${PILLARS} } synergy { ${PILLARS} } relationship { ${PILLARS} }
  coverage { indicatorsUsed numericUsed numericKnownA numericKnownB numericWeighted numericMinimum indicatorsWeighted sectorsCompared assessments links confidence confidenceLabel }`;
const NEEDS_FIELDS = `pairCount pairs { pairKey adjusted potential judged coverage { confidence confidenceLabel } }
  cities { cityId city { nameEn } numericKnown numericWeighted numericMinimum headroom gapCount gaps { kind indicator pillar headroom } }`;

interface Pillar { score: number | null; stars: number | null; evidence: number }
interface Score {
  pairKey: string; cityAId: string; cityBId: string; overall: number; adjusted: number; potential: number; judged: boolean;
  overallStars: number; minPillarStars: number; sharedSectors: string[];
  computedAt: string | null; similarity: Pillar; internationalisation: Pillar; synergy: Pillar; relationship: Pillar;
  coverage: {
    indicatorsUsed: number; numericUsed: number; numericKnownA: number; numericKnownB: number; numericWeighted: number; numericMinimum: number;
    indicatorsWeighted: number; sectorsCompared: number; assessments: number; links: number; confidence: number; confidenceLabel: string;
  };
}
interface Needs {
  pairCount: number;
  pairs: Array<Pick<Score, 'pairKey' | 'adjusted' | 'potential' | 'judged'> & { coverage: { confidence: number; confidenceLabel: string } }>;
  cities: Array<{ cityId: string; city: { nameEn: string }; numericKnown: number; numericWeighted: number; numericMinimum: number; headroom: number;
    gaps: Array<{ kind: string; indicator: string | null; pillar: string; headroom: number }> }>;
}

const PARTNERS = `query($city: ID!, $first: Int, $after: String, $filter: PairFilterInput, $weights: WeightsInput, $profileId: ID) {
  partnersFor(city: $city, first: $first, after: $after, filter: $filter, weights: $weights, profileId: $profileId) {
    totalCount pageInfo { hasNextPage endCursor } nodes { partner { id nameEn nameKo } score { ${SCORE} } } }
  needsEvidence: partnersNeedingEvidence(city: $city, pairs: 20, weights: $weights, profileId: $profileId) { ${NEEDS_FIELDS} } }`;
const RANKING = `query($a: String!, $b: String!, $first: Int, $after: String, $filter: PairFilterInput, $weights: WeightsInput) {
  pairRanking(countryA: $a, countryB: $b, first: $first, after: $after, filter: $filter, weights: $weights) {
    totalCount pageInfo { hasNextPage endCursor } nodes { ${SCORE} cityA { nameEn } cityB { nameKo } } }
  needsEvidence: pairsNeedingEvidence(countryA: $a, countryB: $b, pairs: 50, weights: $weights) { ${NEEDS_FIELDS} } }`;
type Page = { pairRanking: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; nodes: Score[] }; needsEvidence: Needs };
/** The ranking order: ranking score, then confidence, descending. */
const ranked = (scores: Score[]) =>
  scores.every((s, k) => k === 0 || scores[k - 1].adjusted > s.adjusted || (scores[k - 1].adjusted === s.adjusted && scores[k - 1].coverage.confidence >= s.coverage.confidence));
const RECORD = `mutation($input: RecordReadinessAssessmentInput!) { recordReadinessAssessment(input: $input) { id } }`;

function readiness(cityId: string, strategy: number, visibleHome: number, networks: number, collaboration: number) {
  return {
    cityId, strategy, visibleHome, networks, collaboration, source: 'Officer review of the 2026 international strategy',
    strategyEvidence: 'Published strategy', visibleHomeEvidence: 'International office', networksEvidence: 'Member of networks',
    collaborationEvidence: 'MOU with the other country',
  };
}

describe('the pairing score', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
    // The worker fills the score table on start.
    await eventually(async () => (await app.dataSource.query(`SELECT count(*)::int AS n FROM pair_score`))[0].n === 14 * 14, 20_000, 'stored scores');
  });
  afterAll(() => app.close());

  it("answers Liverpool's 'who should we twin with, and why?' with ranked, covered scores, without sign-in", async () => {
    const data = await app.gqlOk<{ partnersFor: { totalCount: number; nodes: Array<{ partner: { id: string; nameKo: string }; score: Score }> }; needsEvidence: Needs }>(
      PARTNERS,
      { city: 'liverpool', first: 14 },
    );
    // Every partner is either ranked (judged) or listed as needing evidence, never both.
    expect(data.partnersFor.totalCount + data.needsEvidence.pairCount).toBe(14);
    expect(data.partnersFor.totalCount).toBeGreaterThan(0);
    expect(ranked(data.partnersFor.nodes.map((n) => n.score))).toBe(true);
    for (const { partner, score } of data.partnersFor.nodes) {
      expect(score.judged).toBe(true);
      expect(score.coverage.confidence).toBeGreaterThanOrEqual(0.5);
      expect(score.adjusted).toBeLessThanOrEqual(score.overall);
      expect(partner.id).not.toBe('liverpool');
      expect([score.cityAId, score.cityBId]).toContain('liverpool');
      expect(score.pairKey).toBe([score.cityAId, score.cityBId].sort().join('~'));
      for (const pillar of [score.similarity, score.synergy, score.relationship]) {
        if (pillar.score !== null) expect(pillar.score).toBeGreaterThanOrEqual(0);
      }
      // Nobody has a readiness assessment yet: the pillar says so instead of guessing.
      expect(score.internationalisation).toEqual({ score: null, stars: null, evidence: 0 });
      expect(score.coverage.assessments).toBe(0);
      expect(score.computedAt).not.toBeNull();
    }
    const busan = data.partnersFor.nodes.find((n) => n.partner.id === 'busan')!;
    expect(busan.partner.nameKo).toBe('부산');
    expect(busan.score.synergy.score).toBeGreaterThan(0);
    expect(busan.score.sharedSectors.length).toBeGreaterThan(0);
  });

  it('explains a pair pillar by pillar, with sources and the changes that would move it', async () => {
    const q = `query { pairScore(cityA: "busan", cityB: "liverpool") { profile score { ${SCORE} }
      explanation { indicators { key used relativeA relativeB contribution provenanceA { source asOf } }
        sharedSectors { sector levelA levelB projectsA { title } projectsB { title } }
        links { formality } wouldRaise { description delta overallStars } wouldLower { description delta } } } }`;
    type Detail = { pairScore: { profile: string; score: Score; explanation: {
      indicators: Array<{ key: string; used: boolean; relativeA: number | null; provenanceA: { source: string } | null }>;
      sharedSectors: Array<{ sector: string; projectsA: Array<{ title: string }>; projectsB: Array<{ title: string }> }>;
      wouldRaise: Array<{ description: string; delta: number }>; wouldLower: Array<{ delta: number }> } } };
    const { pairScore } = await app.gqlOk<Detail>(q);
    expect(pairScore.profile).toBe('report-default');
    expect(pairScore.score.pairKey).toBe('busan~liverpool');
    expect(pairScore.score.computedAt).toBeNull();
    const population = pairScore.explanation.indicators.find((i) => i.key === 'metroPopulationMillions')!;
    expect(population.used).toBe(true);
    expect(population.provenanceA?.source).toMatch(/Innovation Twins final report/);
    expect(pairScore.explanation.sharedSectors.length).toBe(pairScore.score.sharedSectors.length);
    expect(pairScore.explanation.sharedSectors[0].projectsA.length).toBeGreaterThan(0);
    expect(pairScore.explanation.wouldRaise.length).toBeGreaterThan(0);
    for (const change of pairScore.explanation.wouldRaise) expect(change.delta).toBeGreaterThan(0);
    for (const change of pairScore.explanation.wouldLower) expect(change.delta).toBeLessThan(0);

    // The changes are said in the reader's language, with the cities, indicators and sectors named in it.
    const korean = (await app.gqlOk<Detail>(q, {}, { headers: { 'accept-language': 'ko' } })).pairScore.explanation;
    expect(korean.wouldRaise.map((c) => c.delta)).toEqual(pairScore.explanation.wouldRaise.map((c) => c.delta));
    for (const change of korean.wouldRaise) {
      expect(change.description).toMatch(/다면$/);
      expect(change.description).not.toMatch(/[A-Za-z]{4,}/);
    }
    expect(pairScore.explanation.wouldRaise[0].description).toMatch(/^If /);

    // The stored score of the same pair agrees with the one computed on request.
    const stored = await app.gqlOk<{ partnersFor: { nodes: Array<{ partner: { id: string }; score: Score }> } }>(PARTNERS, { city: 'busan', first: 14 });
    const same = stored.partnersFor.nodes.find((n) => n.partner.id === 'liverpool')!.score;
    expect(same.overall).toBeCloseTo(pairScore.score.overall, 12);
    expect(same.adjusted).toBeCloseTo(pairScore.score.adjusted, 12);
    // Stars read with the stored scale of GB~KR equal those calibrated on request.
    expect([same.overallStars, same.similarity.stars, same.synergy.stars, same.relationship.stars]).toEqual([
      pairScore.score.overallStars, pairScore.score.similarity.stars, pairScore.score.synergy.stars, pairScore.score.relationship.stars,
    ]);
  });

  it('tells the truth about thin evidence: no low-confidence pair at the top, no similarity from too few figures', async () => {
    const top = (await app.gqlOk<Page>(RANKING, { a: 'GB', b: 'KR', first: 50 })).pairRanking;
    expect(top.nodes.slice(0, 10).every((s) => s.coverage.confidenceLabel !== 'LOW')).toBe(true);
    for (const s of top.nodes) if (s.similarity.score !== null) expect(s.coverage.numericUsed).toBeGreaterThanOrEqual(3);
    // Nottingham has only two yes/no figures: none of its pairs is ranked, and its to-do says what to add.
    const nottingham = await app.gqlOk<{ partnersFor: { totalCount: number }; needsEvidence: Needs }>(PARTNERS, { city: 'nottingham', first: 14 });
    expect(nottingham.partnersFor.totalCount).toBe(0);
    expect(nottingham.needsEvidence.pairCount).toBe(14);
    const own = nottingham.needsEvidence.cities.find((c) => c.cityId === 'nottingham')!;
    expect(own).toMatchObject({ numericKnown: 0, numericWeighted: 8, numericMinimum: 3, city: { nameEn: 'Nottingham' } });
    expect(own.gaps.filter((g) => g.kind === 'INDICATOR').map((g) => g.indicator).sort()).toEqual(
      ['gdpPerCapitaUsdPpp', 'manufacturingSharePct', 'metroGovernance', 'metroPopulationMillions', 'nationalSizeRank', 'scaleupHqIndex', 'startupHqIndex', 'universityStemScore'],
    );
    expect(own.gaps.some((g) => g.kind === 'READINESS' && g.pillar === 'internationalisation')).toBe(true);
    // Most useful first, for the city and across cities.
    expect(own.gaps.map((g) => g.headroom)).toEqual([...own.gaps.map((g) => g.headroom)].sort((a, b) => b - a));
    const all = (await app.gqlOk<Page>(RANKING, { a: 'GB', b: 'KR', first: 1 })).needsEvidence.cities;
    expect(all.map((c) => c.headroom)).toEqual([...all.map((c) => c.headroom)].sort((a, b) => b - a));
    expect(all.find((c) => c.cityId === 'nottingham')!.headroom).toBe(Math.max(...all.map((c) => c.headroom)));
    // A pair score says what it rests on and how far the missing evidence could take it.
    const { pairScore } = await app.gqlOk<{ pairScore: { score: Score } }>(`query { pairScore(cityA: "nottingham", cityB: "gwangju") { score { ${SCORE} } } }`);
    expect(pairScore.score.similarity).toEqual({ score: null, stars: null, evidence: 0 });
    expect(pairScore.score.judged).toBe(false);
    expect(pairScore.score.potential).toBeCloseTo(pairScore.score.adjusted + 1 - pairScore.score.coverage.confidence, 12);
  });

  it("names each city's national leader beside every gap", async () => {
    const q = `query { pairScore(cityA: "liverpool", cityB: "busan") { explanation { indicators { key numeric leaderA { cityId value } leaderB { cityId value } } } } }`;
    const { pairScore } = await app.gqlOk<{ pairScore: { explanation: { indicators: Array<{ key: string; numeric: boolean; leaderA: { cityId: string; value: number } | null; leaderB: { cityId: string; value: number } | null }> } } }>(q);
    const gdp = pairScore.explanation.indicators.find((i) => i.key === 'gdpPerCapitaUsdPpp')!;
    expect(gdp).toEqual({ key: 'gdpPerCapitaUsdPpp', numeric: true, leaderA: { cityId: 'ulsan', value: 77300 }, leaderB: { cityId: 'belfast', value: 42700 } });
    expect(pairScore.explanation.indicators.find((i) => i.key === 'coastal')).toMatchObject({ numeric: false, leaderA: null, leaderB: null });
  });

  it('refuses pairs within one country, unknown cities and countries, with clear errors', async () => {
    const within = await app.gql(`query { pairScore(cityA: "liverpool", cityB: "leeds") { profile } }`);
    expect(within.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'cityB', message: expect.stringMatching(/another country: Liverpool and Leeds are both in the United Kingdom/) }],
    });
    // In Korean, the cities and the country by their Korean names.
    const withinKo = await app.gql(`query { pairScore(cityA: "liverpool", cityB: "leeds") { profile } }`, {}, { headers: { 'accept-language': 'ko' } });
    expect(withinKo.errors?.[0].extensions.fields).toEqual([{ field: 'cityB', message: expect.stringMatching(/^다른 나라의 도시를 골라 주세요\. 리버풀과 리즈는 둘 다 영국에 있는데/) }]);
    expect((await app.gql(`query { pairScore(cityA: "liverpool", cityB: "atlantis") { profile } }`)).errors?.[0].extensions.code).toBe('NOT_FOUND');
    expect((await app.gql(`query { partnersFor(city: "atlantis") { totalCount } }`)).errors?.[0].extensions.code).toBe('NOT_FOUND');
    expect((await app.gql(RANKING, { a: 'GB', b: 'gb' })).errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect((await app.gql(RANKING, { a: 'GB', b: 'XX' })).errors?.[0].extensions.code).toBe('NOT_FOUND');
    expect((await app.gql(RANKING, { a: 'GBR', b: 'KR' })).errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it("keeps only the partners whose stars, as returned, meet a star filter, stored or computed live", async () => {
    type Partners = { partnersFor: { totalCount: number; nodes: Array<{ score: Score }> } };
    const pillarStars = (s: Score) => [s.similarity, s.internationalisation, s.synergy, s.relationship].map((p) => p.stars);
    const cases = [
      { filter: { minPillarStars: 1 }, meets: (s: Score) => s.minPillarStars >= 1 && pillarStars(s).every((n) => n !== null && n >= 1) },
      { filter: { minStars: 3 }, meets: (s: Score) => s.overallStars >= 3 },
    ];
    for (const choice of [{}, { weights: { similarity: 1, internationalisation: 1, synergy: 1, relationship: 2 } }]) {
      const all = await app.gqlOk<Partners>(PARTNERS, { city: 'liverpool', first: 100, ...choice });
      for (const { filter, meets } of cases) {
        const kept = await app.gqlOk<Partners>(PARTNERS, { city: 'liverpool', first: 100, filter, ...choice });
        for (const { score } of kept.partnersFor.nodes) expect({ filter, choice, pairKey: score.pairKey, meets: meets(score) }).toEqual({ filter, choice, pairKey: score.pairKey, meets: true });
        // Exactly the partners that meet it, in ranking order; and the filter left some out.
        expect(kept.partnersFor.nodes.map((n) => n.score.pairKey)).toEqual(all.partnersFor.nodes.filter((n) => meets(n.score)).map((n) => n.score.pairKey));
        expect(kept.partnersFor.totalCount).toBe(kept.partnersFor.nodes.length);
        expect(kept.partnersFor.nodes.length).toBeLessThan(all.partnersFor.nodes.length);
      }
    }
  });

  it('answers what needs evidence for unknown cities and countries as the rankings do', async () => {
    const partners = `query($city: ID!, $weights: WeightsInput) { partnersFor(city: $city, weights: $weights) { totalCount } }`;
    const partnersNeeds = `query($city: ID!, $weights: WeightsInput) { partnersNeedingEvidence(city: $city, weights: $weights) { pairCount } }`;
    const ranking = `query($a: String!, $b: String!, $weights: WeightsInput) { pairRanking(countryA: $a, countryB: $b, weights: $weights) { totalCount } }`;
    const rankingNeeds = `query($a: String!, $b: String!, $weights: WeightsInput) { pairsNeedingEvidence(countryA: $a, countryB: $b, weights: $weights) { pairCount } }`;
    const code = async (query: string, variables: Record<string, unknown>) => (await app.gql(query, variables)).errors?.[0].extensions.code;
    const cases: Array<[string, string, Record<string, unknown>, string]> = [
      [partners, partnersNeeds, { city: 'atlantis' }, 'NOT_FOUND'],
      [ranking, rankingNeeds, { a: 'GB', b: 'XX' }, 'NOT_FOUND'],
      [ranking, rankingNeeds, { a: 'GB', b: 'gb' }, 'BAD_USER_INPUT'],
      [ranking, rankingNeeds, { a: 'GBR', b: 'KR' }, 'BAD_USER_INPUT'],
    ];
    for (const choice of [{}, { weights: { similarity: 1, internationalisation: 1, synergy: 1, relationship: 2 } }]) {
      for (const [rankingQuery, needsQuery, variables, expected] of cases) {
        const asked = { ...variables, ...choice };
        expect({ asked, ranking: await code(rankingQuery, asked), needs: await code(needsQuery, asked) }).toEqual({ asked, ranking: expected, needs: expected });
      }
    }
  });

  it('ranks the pairs it can judge between two countries, paginated, and lists the others apart', async () => {
    const seen: Score[] = [];
    let after: string | undefined;
    let needs: Needs | undefined;
    do {
      const page: Page = await app.gqlOk<Page>(RANKING, { a: 'KR', b: 'GB', first: 10, after });
      needs = page.needsEvidence;
      expect(page.pairRanking.totalCount + needs.pairCount).toBe(196);
      seen.push(...page.pairRanking.nodes);
      after = page.pairRanking.pageInfo.hasNextPage ? page.pairRanking.pageInfo.endCursor : undefined;
    } while (after);
    expect(seen.length + needs!.pairCount).toBe(196);
    expect(new Set(seen.map((s) => s.pairKey)).size).toBe(seen.length);
    expect(ranked(seen)).toBe(true);
    expect(seen.every((s) => s.judged && s.coverage.confidenceLabel !== 'LOW')).toBe(true);
    // Nothing needing evidence is ranked, and the list says which pairs the evidence could lift highest.
    const unjudged = needs!.pairs;
    expect(unjudged.every((p) => !p.judged && p.coverage.confidenceLabel === 'LOW')).toBe(true);
    expect(unjudged.map((p) => p.potential)).toEqual([...unjudged.map((p) => p.potential)].sort((a, b) => b - a));
    expect(new Set([...seen.map((s) => s.pairKey), ...unjudged.map((p) => p.pairKey)]).size).toBe(seen.length + unjudged.length);

    const hydrogen = await app.gqlOk<Page>(RANKING, { a: 'GB', b: 'KR', first: 100, filter: { sector: 'hydrogen', minStars: 1 } });
    expect(hydrogen.pairRanking.nodes.length).toBeGreaterThan(0);
    for (const s of hydrogen.pairRanking.nodes) expect(s.sharedSectors).toContain('hydrogen');
    const peer = await app.gqlOk<Page>(RANKING, { a: 'GB', b: 'KR', first: 100, filter: { peerGroup: 1 } });
    expect(peer.pairRanking.totalCount).toBeGreaterThan(0);
    // Computed live under other weights, the same filter keeps the same pairs (the judged ones: a relationship weight
    // of 2 counts the always-evidenced pillar more, so a pair may be judged live that is not stored).
    const peerLive = await app.gqlOk<Page>(RANKING, { a: 'GB', b: 'KR', first: 100, filter: { peerGroup: 1 }, weights: { similarity: 1, internationalisation: 1, synergy: 1, relationship: 1 } });
    expect(new Set(peerLive.pairRanking.nodes.map((n) => n.pairKey))).toEqual(new Set(peer.pairRanking.nodes.map((n) => n.pairKey)));
    expect(peerLive.pairRanking.nodes.map((n) => [n.pairKey, n.adjusted, n.overallStars])).toEqual(peer.pairRanking.nodes.map((n) => [n.pairKey, n.adjusted, n.overallStars]));
    // One city's partners under other weights (scored one row at a time) agree with the full ranking.
    const weights = { similarity: 1, internationalisation: 1, synergy: 1, relationship: 2 };
    const rankedLive = await app.gqlOk<Page>(RANKING, { a: 'GB', b: 'KR', first: 100, weights, filter: { peerGroup: 1 } });
    const partners = await app.gqlOk<{ partnersFor: { nodes: Array<{ score: Score }> } }>(PARTNERS, { city: 'liverpool', first: 100, weights, filter: { peerGroup: 1 } });
    const liverpool = rankedLive.pairRanking.nodes.filter((n) => n.pairKey.split('~').includes('liverpool')).map((n) => [n.pairKey, n.adjusted, n.overallStars]);
    expect(liverpool.length).toBeGreaterThan(0);
    expect(partners.partnersFor.nodes.map((n) => [n.score.pairKey, n.score.adjusted, n.score.overallStars])).toEqual(liverpool);
    const covered = await app.gqlOk<Page>(RANKING, { a: 'GB', b: 'KR', first: 100, filter: { minCoverage: 0.6 } });
    for (const s of covered.pairRanking.nodes) expect(s.coverage.confidence).toBeGreaterThanOrEqual(0.6);
  });

  it('re-ranks with other weights, and with a saved profile', async () => {
    const byRelationship = await app.gqlOk<{ pairRanking: { nodes: Score[] } }>(RANKING, {
      a: 'GB', b: 'KR', first: 3, weights: { similarity: 0, internationalisation: 0, synergy: 0, relationship: 1 },
    });
    const top = byRelationship.pairRanking.nodes[0];
    expect(top.relationship.score).toBe(top.overall);
    expect(top.pairKey).toBe('belfast~daejeon');
    expect(top.computedAt).toBeNull();

    const token = await app.signIn('officer.liverpool@demo.twins.test');
    const save = `mutation($input: SaveWeightProfileInput!) { saveWeightProfile(input: $input) { id name } }`;
    const profile = await app.gqlOk<{ saveWeightProfile: { id: string } }>(save, { input: {
      name: 'Synergy first', pillars: { similarity: 1, internationalisation: 1, synergy: 5, relationship: 1 },
      indicators: [{ key: 'metroPopulationMillions', weight: 1 }], starThresholds: [0.3, 0.6] } }, { token });
    const mine = await app.gqlOk<{ partnersFor: { nodes: Array<{ partner: { id: string }; score: Score }> } }>(
      PARTNERS, { city: 'liverpool', first: 3, profileId: profile.saveWeightProfile.id }, { token });
    expect(mine.partnersFor.nodes[0].score.coverage.indicatorsWeighted).toBe(1);
    // Someone else's profile is not found.
    const other = await app.signIn('officer.busan@demo.twins.test');
    const res = await app.gql(PARTNERS, { city: 'liverpool', profileId: profile.saveWeightProfile.id }, { token: other });
    expect(res.errors?.[0].extensions.code).toBe('NOT_FOUND');
  });

  it('refuses weights that cannot rank anything, and a negative one, naming the field', async () => {
    const zero = await app.gql(RANKING, { a: 'GB', b: 'KR', weights: { similarity: 0, internationalisation: 0, synergy: 0, relationship: 0 } });
    expect(zero.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'weights' }] });
    const negative = await app.gql(RANKING, { a: 'GB', b: 'KR', weights: { synergy: -1 } });
    expect(negative.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('moves the ranking within seconds when Busan records a readiness assessment', async () => {
    const admin = await app.signIn('admin@demo.twins.test');
    const busanOfficer = await app.signIn('officer.busan@demo.twins.test');
    await app.gqlOk(RECORD, { input: readiness('liverpool', 4, 2, 2, 2) }, { token: admin });
    const before = await app.gqlOk<{ partnersFor: { nodes: Array<{ partner: { id: string }; score: Score }> } }>(PARTNERS, { city: 'liverpool', first: 14 });
    const busanBefore = before.partnersFor.nodes.find((n) => n.partner.id === 'busan')!.score;

    await app.gqlOk(RECORD, { input: readiness('busan', 5, 2, 3, 3) }, { token: busanOfficer });
    const after = await eventually(async () => {
      const data = await app.gqlOk<{ partnersFor: { nodes: Array<{ partner: { id: string }; score: Score }> } }>(PARTNERS, { city: 'liverpool', first: 14 });
      const busan = data.partnersFor.nodes.find((n) => n.partner.id === 'busan')!;
      return busan.score.internationalisation.score !== null ? { data, busan: busan.score } : undefined;
    }, 15_000, 'the Busan pair to be scored again');
    expect(after.busan.coverage.assessments).toBe(2);
    // 4+2+2+2 = 10/14 and 5+2+3+3 = 13/14: 0.5·(1 − 3/14) + 0.5·(23/28)
    expect(after.busan.internationalisation.score).toBeCloseTo(0.5 * (1 - 3 / 14) + 0.5 * (23 / 28), 10);
    expect(after.busan.overall).not.toBeCloseTo(busanBefore.overall, 6);
    expect(after.busan.computedAt! > busanBefore.computedAt!).toBe(true);
    // Only Busan's pairs were scored again, and the request was cleared.
    await eventually(async () => (await app.dataSource.query(`SELECT count(*)::int AS n FROM pairing_recompute_request`))[0].n === 0, 10_000, 'requests cleared');
  });

  it('re-scores the pairs of a city whose indicator an admin changes', async () => {
    const admin = await app.signIn('admin@demo.twins.test');
    const stamp = async () => (await app.dataSource.query(`SELECT max(computed_at) AS at, min(computed_at) AS first FROM pair_score WHERE city_a_id = 'ulsan' OR city_b_id = 'ulsan'`))[0];
    const before = await stamp();
    const other = (await app.dataSource.query(`SELECT computed_at FROM pair_score WHERE pair_key = 'birmingham~busan'`))[0].computed_at;
    const set = `mutation($input: SetCityIndicatorInput!) { setCityIndicator(input: $input) { key } }`;
    await app.gqlOk(set, { input: { cityId: 'ulsan', key: 'manufacturingSharePct', numberValue: 40, source: 'Ulsan statistics yearbook 2025' } }, { token: admin });
    await eventually(async () => {
      const now = await stamp();
      return now.first > before.at ? now : undefined;
    }, 15_000, "every Ulsan pair to be scored again");
    // Busan still leads Korea on manufacturing share (44%), so other cities' pairs were left alone.
    const otherAfter = (await app.dataSource.query(`SELECT computed_at FROM pair_score WHERE pair_key = 'birmingham~busan'`))[0].computed_at;
    expect(otherAfter).toEqual(other);
  });

  it('scores a batch of changed cities with one load of the evidence, and only their pairs', async () => {
    const at = async (key: string) => (await app.dataSource.query(`SELECT computed_at FROM pair_score WHERE pair_key = $1`, [key]))[0].computed_at as Date;
    const [busan, ulsan, other] = await Promise.all([at('busan~liverpool'), at('leeds~ulsan'), at('birmingham~daegu')]);
    const result = await app.api.get(PairingComputeService).recomputeCities(['busan', 'ulsan']);
    expect(result).toEqual({ pairs: 2 * 14, wholeCountries: [] });
    expect((await at('busan~liverpool')).getTime()).toBeGreaterThan(busan.getTime());
    expect((await at('leeds~ulsan')).getTime()).toBeGreaterThan(ulsan.getTime());
    expect(await at('birmingham~daegu')).toEqual(other);
  });

  it('shortlists by rule, says the rule in both languages, and names the pairs that just missed it', async () => {
    const q = `query($rule: ShortlistRuleInput) { pairShortlist(countryA: "GB", countryB: "KR", rule: $rule) { rule ruleEn ruleKo
      pairs { pairKey minPillarStars judged } nearMisses { score { pairKey judged internationalisation { score } } missed { criterion pillar actual required sectors } } } }`;
    type Shortlist = { pairShortlist: { rule: string; ruleEn: string; ruleKo: string; pairs: Array<{ pairKey: string; minPillarStars: number; judged: boolean }>;
      nearMisses: Array<{ score: { pairKey: string; internationalisation: { score: number | null } }; missed: Array<{ criterion: string; pillar: string | null; actual: number | null; required: number | null; sectors: string[] }> }> } };
    const data = await app.gqlOk<Shortlist>(q, { rule: { minPillarStars: 1, peerGroup: 1, sectors: ['hydrogen'] } });
    expect(data.pairShortlist.ruleEn).toBe(data.pairShortlist.rule);
    expect(data.pairShortlist.ruleEn).toMatch(/^Pairs of United Kingdom and (Republic of )?Korea cities with enough evidence to be judged; every pillar at least 1 star; both cities in peer group 1; active together in Hydrogen/);
    expect(data.pairShortlist.ruleKo).toMatch(/네 기준 모두 별 1개 이상, 두 도시 모두 동류 그룹 1, 수소 분야에서 함께 활동인 쌍입니다/);
    for (const p of data.pairShortlist.pairs) expect(p.minPillarStars).toBeGreaterThanOrEqual(1);
    // Few cities have a readiness assessment, so few pairs have every pillar scored; the near misses say what
    // each lacks (an unassessed pair: its internationalisation pillar), fewest misses first.
    for (const p of data.pairShortlist.pairs) expect(p.judged).toBe(true);
    const misses = data.pairShortlist.nearMisses;
    expect(misses.length).toBe(10);
    const listed = new Set(data.pairShortlist.pairs.map((p) => p.pairKey));
    for (const m of misses) {
      expect(listed.has(m.score.pairKey)).toBe(false);
      expect(m.missed.length).toBeGreaterThan(0);
      if (m.score.internationalisation.score === null) {
        expect(m.missed).toContainEqual({ criterion: 'PILLAR_STARS', pillar: 'internationalisation', actual: null, required: 1, sectors: [] });
      }
    }
    expect(misses.map((m) => m.missed.length)).toEqual([...misses.map((m) => m.missed.length)].sort((a, b) => a - b));
    const sectorMiss = misses.flatMap((m) => m.missed).find((c) => c.criterion === 'SECTORS');
    if (sectorMiss) expect(sectorMiss.sectors).toEqual(['hydrogen']);
    const same = await app.gql(`query { pairShortlist(countryA: "GB", countryB: "gb", rule: { minPillarStars: 1 }) { rule } }`);
    expect(same.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'countryB' }] });
    const unknown = await app.gql(`query { pairShortlist(countryA: "GB", countryB: "ZZ", rule: { minPillarStars: 1 }) { rule } }`);
    expect(unknown.errors?.[0].extensions.code).toBe('NOT_FOUND');
  });

  it('scores every pair again on start when a release changed the method or the default weights', async () => {
    const method = async () => (await app.dataSource.query(`SELECT fingerprint FROM pairing_method WHERE name = 'default'`))[0]?.fingerprint;
    const computedAt = async () => (await app.dataSource.query(`SELECT max(computed_at) AS at FROM pair_score`))[0].at as Date;
    expect(await method()).toBe(methodFingerprint());
    const before = await computedAt();
    // The stored scores come from an older method: the next worker start scores them again.
    await app.dataSource.query(`UPDATE pairing_method SET fingerprint = 'an older method'`);
    await app.stopWorker();
    await app.startWorker();
    expect(await method()).toBe(methodFingerprint());
    expect((await computedAt()).getTime()).toBeGreaterThan(before.getTime());
    // Unchanged, a start leaves them alone.
    const after = await computedAt();
    await app.stopWorker();
    await app.startWorker();
    expect(await computedAt()).toEqual(after);
  });

  it('places a city in the City Typology Index', async () => {
    const q = `query { cityTypology(city: "busan") { city { id } domains { domain rating archetype benchmarks comparisons } } }`;
    const data = await app.gqlOk<{ cityTypology: { city: { id: string }; domains: Array<{ domain: string; rating: number | null; archetype: string; benchmarks: number }> } }>(q);
    expect(data.cityTypology.city.id).toBe('busan');
    const byDomain = Object.fromEntries(data.cityTypology.domains.map((d) => [d.domain, d]));
    expect(Object.keys(byDomain).sort()).toEqual(['ecosystem', 'strategy', 'systems']);
    expect(byDomain.systems.rating).not.toBeNull();
    expect(byDomain.systems.benchmarks).toBeGreaterThan(0);
    expect(['Innovator', 'Prospector']).toContain(byDomain.systems.archetype);
    expect((await app.gql(`query { cityTypology(city: "atlantis") { city { id } } }`)).errors?.[0].extensions.code).toBe('NOT_FOUND');
  });
});
