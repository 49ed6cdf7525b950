import { PairingComputeService } from '@app/pairing';
import { activity, assessment, CREATE_LINK, link, RECORD, SAVE_PROFILE, SET_ACTIVITY } from '../../pairing/evidence-support';
import type { Fixture, ListCase } from './lists';

/**
 * The pairing score and its evidence: rankings, partners, shortlists, what
 * evidence is missing, one pair explained, a city's links, sector activity
 * and readiness history, weight profiles, the evidence audit; and the
 * twinnings and published projects everyone sees.
 */

const PAIR = 'pairKey cityA { id nameEn } cityB { id nameEn }';

const ALL_INDICATORS = [
  'metroPopulationMillions', 'nationalSizeRank', 'metroGovernance', 'coastal', 'capitalFunction', 'gdpPerCapitaUsdPpp',
  'universityStemScore', 'universityStemGlobalRank', 'scaleupHqIndex', 'startupHqIndex', 'manufacturingSharePct', 'massTransitScore',
];

const profile = (name: string, keys: string[]) => ({
  name,
  pillars: { similarity: 1, internationalisation: 1, synergy: 1, relationship: 1 },
  indicators: keys.map((key) => ({ key, weight: 1 })),
  starThresholds: [0.4, 0.7],
});

export async function setup(f: Fixture): Promise<void> {
  const { app, t } = f;
  // Leeds and Gwangju: three links, two sectors both are active in (with projects on each side).
  for (const since of [2019, 2021, 2023]) await app.gqlOk(CREATE_LINK, { input: link('leeds', 'gwangju', { since, summary: { en: `Agreement of ${since}` } }) }, { token: t.admin });
  for (const sector of ['hydrogen', 'ai']) {
    for (const city of ['leeds', 'gwangju']) await app.gqlOk(SET_ACTIVITY, { input: activity(city, sector, 3) }, { token: t.admin });
  }
  // Nottingham and Jeju: one link, one sector both are active in.
  await app.gqlOk(CREATE_LINK, { input: link('nottingham', 'jeju') }, { token: t.admin });
  for (const city of ['nottingham', 'jeju']) await app.gqlOk(SET_ACTIVITY, { input: activity(city, 'hydrogen', 3) }, { token: t.admin });
  // Sejong: three readiness assessments, each superseding the last. Five cities assessed once, so that their
  // pairs have all four pillars and some make a shortlist.
  for (const strategy of [2, 3, 4]) await app.gqlOk(RECORD, { input: assessment('sejong', { strategy }) }, { token: t.admin });
  for (const city of ['liverpool', 'glasgow', 'birmingham', 'busan', 'daegu']) await app.gqlOk(RECORD, { input: assessment(city) }, { token: t.admin });
  // Jordan's profiles: two indicators only, and every one.
  const save = async (name: string, keys: string[]) => (await app.gqlOk<{ saveWeightProfile: { id: string } }>(SAVE_PROFILE, { input: profile(name, keys) }, { token: t.participant })).saveWeightProfile.id;
  f.rows.twoIndicators = await save('Two indicators', ['metroPopulationMillions', 'startupHqIndex']);
  f.rows.allIndicators = await save('Every indicator', ALL_INDICATORS);
  // Two more twinnings proposed by Liverpool, waiting for an answer.
  for (const partnerCityId of ['daegu', 'ulsan']) {
    await app.gqlOk(`mutation($input: ProposeTwinningInput!) { proposeTwinning(input: $input) { id } }`, { input: { cityId: 'liverpool', partnerCityId, message: 'Shall we twin?' } }, { token: t.liverpool });
  }
  // The worker would store every pair's score and every city's gaps on start; there is no worker here.
  await app.api.get(PairingComputeService).recomputeAll();
}

export const cases: ListCase[] = [
  {
    name: 'the ranking of pairs, for anyone',
    query: `query($n: Int!) { pairRanking(countryA: "GB", countryB: "KR", first: $n) { totalCount nodes { ${PAIR} } } }`,
    sizes: () => [{ n: 1 }, { n: 3 }],
  },
  {
    name: 'the best partners of a city, for anyone',
    query: `query($n: Int!) { partnersFor(city: "liverpool", first: $n) { totalCount nodes { partner { id nameEn } score { ${PAIR} } } } }`,
    sizes: () => [{ n: 1 }, { n: 3 }],
  },
  {
    name: 'the pairs that need evidence, and the cities whose evidence would help, for anyone',
    query: `query($n: Int!) { pairsNeedingEvidence(countryA: "GB", countryB: "KR", pairs: $n) { pairCount pairs { ${PAIR} } cities { cityId city { nameEn } } } }`,
    sizes: () => [{ n: 1 }, { n: 5 }],
  },
  {
    name: 'a shortlist of pairs with those that just missed it, for anyone',
    query: `query($rule: ShortlistRuleInput) { pairShortlist(countryA: "GB", countryB: "KR", rule: $rule) { ruleEn pairs { ${PAIR} } nearMisses { score { ${PAIR} } missed { criterion sectors } } } }`,
    // The pairs of assessed cities both active in hydrogen: two, then six once Glasgow and Daegu are.
    sizes: () => [{ rule: { minPillarStars: 1, sectors: ['hydrogen'] } }, { rule: { minPillarStars: 1, sectors: ['hydrogen'] } }],
    grow: async (f) => {
      for (const city of ['glasgow', 'daegu']) await f.app.gqlOk(SET_ACTIVITY, { input: activity(city, 'hydrogen', 3) }, { token: f.t.admin });
      await f.app.api.get(PairingComputeService).recomputeAll();
    },
  },
  {
    name: 'what evidence each city lacks, and the evidence audit, for an admin',
    as: 'admin',
    query: `query($n: Int!) { cityEvidenceNeeds(first: $n) { totalCount nodes { cityId city { nameEn } gaps { kind indicator } } }
      pairingEvidenceAudit(first: $n) { totalCount nodes { id action actorName } } }`,
    sizes: () => [{ n: 1 }, { n: 3 }],
  },
  {
    name: "a city's links, for a city with one and one with more",
    query: `query($city: ID!) { cityLinks(cityId: $city) { id cityA { id } cityB { id } summary { en } } }`,
    sizes: () => [{ city: 'nottingham' }, { city: 'leeds' }],
  },
  {
    name: "a city's sector activity, for a city active in one sector and one in more",
    query: `query($city: ID!) { citySectorActivity(cityId: $city) { sectorKey sector { nameEn } city { id } projects { title } } }`,
    sizes: () => [{ city: 'nottingham' }, { city: 'leeds' }],
  },
  {
    name: "a city's readiness assessments",
    query: `query($n: Int!) { cityReadinessHistory(cityId: "sejong", first: $n) { totalCount nodes { id composite current city { id } } } }`,
    sizes: () => [{ n: 1 }, { n: 3 }],
  },
  {
    name: "a participant's weight profiles",
    as: 'participant',
    query: `query { weightProfiles { id name indicators { key weight } } }`,
    grow: async (f) => {
      await f.app.gqlOk(SAVE_PROFILE, { input: profile('Three indicators', ['metroPopulationMillions', 'startupHqIndex', 'coastal']) }, { token: f.t.participant });
    },
  },
  {
    name: 'one pair explained: a pair with little evidence, then one with more',
    as: 'participant',
    query: `query($a: ID!, $b: ID!, $profileId: ID) { pairScore(cityA: $a, cityB: $b, profileId: $profileId) { profile score { ${PAIR} } explanation {
      indicators { key used provenanceA { source } }
      links { id kind provenance { source } }
      sharedSectors { sector projectsA { title } projectsB { title } provenance { source } }
      wouldRaise { id delta } wouldLower { id delta } } } }`,
    sizes: (f) => [
      { a: 'nottingham', b: 'jeju', profileId: f.rows.twoIndicators },
      { a: 'leeds', b: 'gwangju', profileId: f.rows.allIndicators },
    ],
  },
  {
    name: 'the twinnings, for an admin',
    as: 'admin',
    query: `query($n: Int!) { twinnings(first: $n) { totalCount nodes { id status cityA { id } cityB { id } proposal { proposedByName scoreSnapshot { pairKey } } } } }`,
    sizes: () => [{ n: 1 }, { n: 3 }],
  },
  {
    name: 'the published projects, for anyone',
    query: `query($n: Int!) { publishedProjects(first: $n) { totalCount nodes { id title { en } cities { id nameEn } } } }`,
    sizes: () => [{ n: 1 }, { n: 3 }],
  },
];
