import { methodFingerprint, PairingComputeService } from '@app/pairing';
import { eventually, startTestApp, TestApp } from '../support/harness';

const PILLARS = `score stars`;
const SCORE = `pairKey cityAId cityBId overall overallStars minPillarStars sharedSectors computedAt
  similarity { ${PILLARS} } internationalisation { ${PILLARS} } synergy { ${PILLARS} } relationship { ${PILLARS} }
  coverage { indicatorsUsed indicatorsWeighted sectorsCompared assessments links confidence confidenceLabel }`;

interface Pillar { score: number | null; stars: number | null }
interface Score {
  pairKey: string; cityAId: string; cityBId: string; overall: number; overallStars: number; minPillarStars: number; sharedSectors: string[];
  computedAt: string | null; similarity: Pillar; internationalisation: Pillar; synergy: Pillar; relationship: Pillar;
  coverage: { indicatorsUsed: number; indicatorsWeighted: number; sectorsCompared: number; assessments: number; links: number; confidence: number; confidenceLabel: string };
}

const PARTNERS = `query($city: ID!, $first: Int, $after: String, $filter: PairFilterInput, $weights: WeightsInput, $profileId: ID) {
  partnersFor(city: $city, first: $first, after: $after, filter: $filter, weights: $weights, profileId: $profileId) {
    totalCount pageInfo { hasNextPage endCursor } nodes { partner { id nameEn nameKo } score { ${SCORE} } } } }`;
const RANKING = `query($a: String!, $b: String!, $first: Int, $after: String, $filter: PairFilterInput, $weights: WeightsInput) {
  pairRanking(countryA: $a, countryB: $b, first: $first, after: $after, filter: $filter, weights: $weights) {
    totalCount pageInfo { hasNextPage endCursor } nodes { ${SCORE} cityA { nameEn } cityB { nameKo } } } }`;
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
    const data = await app.gqlOk<{ partnersFor: { totalCount: number; nodes: Array<{ partner: { id: string; nameKo: string }; score: Score }> } }>(PARTNERS, { city: 'liverpool', first: 14 });
    expect(data.partnersFor.totalCount).toBe(14);
    const overall = data.partnersFor.nodes.map((n) => n.score.overall);
    expect([...overall].sort((a, b) => b - a)).toEqual(overall);
    for (const { partner, score } of data.partnersFor.nodes) {
      expect(partner.id).not.toBe('liverpool');
      expect([score.cityAId, score.cityBId]).toContain('liverpool');
      expect(score.pairKey).toBe([score.cityAId, score.cityBId].sort().join('~'));
      for (const pillar of [score.similarity, score.synergy, score.relationship]) {
        if (pillar.score !== null) expect(pillar.score).toBeGreaterThanOrEqual(0);
      }
      // Nobody has a readiness assessment yet: the pillar says so instead of guessing.
      expect(score.internationalisation).toEqual({ score: null, stars: null });
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

    // The stored score of the same pair agrees with the one computed on request.
    const stored = await app.gqlOk<{ partnersFor: { nodes: Array<{ partner: { id: string }; score: Score }> } }>(PARTNERS, { city: 'busan', first: 14 });
    const same = stored.partnersFor.nodes.find((n) => n.partner.id === 'liverpool')!.score;
    expect(same.overall).toBeCloseTo(pairScore.score.overall, 12);
  });

  it('refuses pairs within one country, unknown cities and countries, with clear errors', async () => {
    const within = await app.gql(`query { pairScore(cityA: "liverpool", cityB: "leeds") { profile } }`);
    expect(within.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'cityB', message: expect.stringMatching(/another country/) }] });
    expect((await app.gql(`query { pairScore(cityA: "liverpool", cityB: "atlantis") { profile } }`)).errors?.[0].extensions.code).toBe('NOT_FOUND');
    expect((await app.gql(`query { partnersFor(city: "atlantis") { totalCount } }`)).errors?.[0].extensions.code).toBe('NOT_FOUND');
    expect((await app.gql(RANKING, { a: 'GB', b: 'gb' })).errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect((await app.gql(RANKING, { a: 'GB', b: 'XX' })).errors?.[0].extensions.code).toBe('NOT_FOUND');
    expect((await app.gql(RANKING, { a: 'GBR', b: 'KR' })).errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('ranks every pair between two countries, paginated and filtered', async () => {
    type Page = { pairRanking: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; nodes: Score[] } };
    const seen: Score[] = [];
    let after: string | undefined;
    do {
      const page: Page = await app.gqlOk<Page>(RANKING, { a: 'KR', b: 'GB', first: 50, after });
      expect(page.pairRanking.totalCount).toBe(196);
      seen.push(...page.pairRanking.nodes);
      after = page.pairRanking.pageInfo.hasNextPage ? page.pairRanking.pageInfo.endCursor : undefined;
    } while (after);
    expect(seen).toHaveLength(196);
    expect(new Set(seen.map((s) => s.pairKey)).size).toBe(196);
    expect(seen.map((s) => s.overall)).toEqual([...seen.map((s) => s.overall)].sort((a, b) => b - a));

    const hydrogen = await app.gqlOk<Page>(RANKING, { a: 'GB', b: 'KR', first: 100, filter: { sector: 'hydrogen', minStars: 1 } });
    expect(hydrogen.pairRanking.nodes.length).toBeGreaterThan(0);
    for (const s of hydrogen.pairRanking.nodes) expect(s.sharedSectors).toContain('hydrogen');
    const peer = await app.gqlOk<Page>(RANKING, { a: 'GB', b: 'KR', first: 100, filter: { peerGroup: 2 } });
    expect(peer.pairRanking.totalCount).toBe(8 * 8);
    // Computed live under other weights, the same filter keeps the same pairs.
    const peerLive = await app.gqlOk<Page>(RANKING, { a: 'GB', b: 'KR', first: 100, filter: { peerGroup: 2 }, weights: { similarity: 1, internationalisation: 1, synergy: 1, relationship: 2 } });
    expect(peerLive.pairRanking.totalCount).toBe(8 * 8);
    expect(new Set(peerLive.pairRanking.nodes.map((n) => n.pairKey))).toEqual(new Set(peer.pairRanking.nodes.map((n) => n.pairKey)));
    // One city's partners under other weights (scored one row at a time) agree with the full ranking.
    const weights = { similarity: 1, internationalisation: 1, synergy: 1, relationship: 2 };
    const ranked = await app.gqlOk<Page>(RANKING, { a: 'GB', b: 'KR', first: 100, weights, filter: { peerGroup: 1 } });
    const partners = await app.gqlOk<{ partnersFor: { nodes: Array<{ score: Score }> } }>(PARTNERS, { city: 'liverpool', first: 100, weights, filter: { peerGroup: 1 } });
    const liverpool = ranked.pairRanking.nodes.filter((n) => n.pairKey.split('~').includes('liverpool')).map((n) => [n.pairKey, n.overall]);
    expect(liverpool.length).toBeGreaterThan(0);
    expect(partners.partnersFor.nodes.map((n) => [n.score.pairKey, n.score.overall])).toEqual(liverpool);
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

  it('shortlists by rule and says the rule', async () => {
    const q = `query { pairShortlist(countryA: "GB", countryB: "KR", rule: { minPillarStars: 1 }) { rule pairs { pairKey minPillarStars } } }`;
    const data = await app.gqlOk<{ pairShortlist: { rule: string; pairs: Array<{ minPillarStars: number }> } }>(q);
    expect(data.pairShortlist.rule).toMatch(/every pillar at least 1 star/);
    for (const p of data.pairShortlist.pairs) expect(p.minPillarStars).toBeGreaterThanOrEqual(1);
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
