import { DEMO_PEOPLE } from '../../support/constants';
import { Mailbox } from '../fixtures';
import { gql, gqlRaw, tokenFor } from './api';

/**
 * Setting up the pairing journeys through the real API: a city officer for
 * a city the demo data gives none, and a pair with no live twinning (so a
 * test can propose again, in a database earlier runs have used).
 */

const LIVE = ['PROPOSED', 'ACTIVE', 'DORMANT'];

export interface CityOfficer {
  email: string;
  password: string;
  userId: string;
}

/** The city's government organisation, created by the admin when the demo data has none. */
export async function cityGovernment(cityId: string): Promise<string> {
  const admin = await tokenFor(DEMO_PEOPLE.admin);
  const found = await gql<{ organisations: { nodes: Array<{ id: string }> } }>(
    `query($filter: OrganisationFilter) { organisations(first: 1, filter: $filter) { nodes { id } } }`,
    { filter: { cityId, kind: 'CITY_GOVERNMENT' } },
    admin,
  );
  if (found.organisations.nodes[0]) return found.organisations.nodes[0].id;
  const created = await gql<{ createOrganisation: { id: string } }>(
    `mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }`,
    { input: { cityId, kind: 'CITY_GOVERNMENT', nameEn: `${cityId[0].toUpperCase()}${cityId.slice(1)} City Government`, nameKo: `${cityId} 시청` } },
    admin,
  );
  return created.createOrganisation.id;
}

/**
 * A new officer of `cityId`: the admin invites them (the invitation is
 * emailed), they accept it from the link with a password, and the admin adds
 * them to the city government.
 */
export async function newCityOfficer(cityId: string, language: 'en' | 'ko', mail: Mailbox): Promise<CityOfficer> {
  const admin = await tokenFor(DEMO_PEOPLE.admin);
  const organisationId = await cityGovernment(cityId);
  const email = `officer.${cityId}.${Date.now()}@pairing.test`;
  const password = `pairing-${Date.now()}-pw`;
  await gql(`mutation($input: InviteUserInput!) { inviteUser(input: $input) { ok } }`, { input: { email, language } }, admin);
  const invitation = await mail.waitFor(email, /Innovation Twins|이노베이션 트윈스/);
  const link = Mailbox.link(invitation, `${process.env.WEB_BASE_URL}/accept-invitation?token=`);
  const token = decodeURIComponent(new URL(link).searchParams.get('token') ?? '');
  await gql(
    `mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { accountCreated } }`,
    {
      input: {
        token,
        password,
        // A person's name, as either run's check reads it: the city's number in the test, not its id.
        displayName: language === 'ko' ? `담당관 ${Date.now() % 10_000}` : `Officer ${Date.now() % 10_000}`,
        preferredLanguage: language,
        timeZone: language === 'ko' ? 'Asia/Seoul' : 'Europe/London',
      },
    },
  );
  const userId = (await gql<{ me: { id: string } }>(`query { me { id } }`, {}, await tokenFor(email, password))).me.id;
  await gql(`mutation($input: OrganisationMemberInput!) { addOrganisationMember(input: $input) { id } }`, { input: { organisationId, userId } }, admin);
  return { email, password, userId };
}

interface TwinningRow {
  id: string;
  pairKey: string;
  status: string;
  proposal: { proposedByUserId: string } | null;
}

/**
 * Ends any live twinning of the pair an earlier run left: the admin closes an
 * active or dormant one; a proposal is withdrawn by its proposer (one of the
 * demo officers, whose tokens `proposers` gives).
 */
export async function clearLivePair(cityA: string, cityB: string, proposers: string[]): Promise<void> {
  const admin = await tokenFor(DEMO_PEOPLE.admin);
  const pairKey = [cityA, cityB].sort().join('~');
  const data = await gql<{ twinnings: { nodes: TwinningRow[] } }>(
    `query($filter: TwinningFilter) { twinnings(first: 100, filter: $filter) { nodes { id pairKey status proposal { proposedByUserId } } } }`,
    { filter: { cityId: cityA } },
    admin,
  );
  for (const twinning of data.twinnings.nodes.filter((t) => t.pairKey === pairKey && LIVE.includes(t.status))) {
    if (twinning.status === 'PROPOSED') {
      for (const email of proposers) {
        const result = await gqlRaw(
          `mutation($input: WithdrawTwinningProposalInput!) { withdrawTwinningProposal(input: $input) { id } }`,
          { input: { id: twinning.id, reason: 'Clearing the pair for a repeat test run.' } },
          await tokenFor(email),
        );
        if (!result.errors) break;
      }
    } else {
      await gql(
        `mutation($input: ChangeTwinningStatusInput!) { changeTwinningStatus(input: $input) { id } }`,
        { input: { id: twinning.id, status: 'CLOSED', reason: 'Clearing the pair for a repeat test run.' } },
        admin,
      );
    }
  }
}

/** A proposal made through the API (when proposing is not the journey under test). */
export async function proposeApi(proposerEmail: string, cityId: string, partnerCityId: string, message: string): Promise<string> {
  const data = await gql<{ proposeTwinning: { id: string } }>(
    `mutation($input: ProposeTwinningInput!) { proposeTwinning(input: $input) { id } }`,
    { input: { cityId, partnerCityId, message } },
    await tokenFor(proposerEmail),
  );
  return data.proposeTwinning.id;
}

export interface TwinningState {
  status: string;
  workspaceId: string | null;
  proposal: { message: string; fromSuggestion: boolean; decisionReason: string | null } | null;
}

/** What the API recorded about a twinning, as the admin sees it. */
export async function twinningApi(id: string): Promise<TwinningState> {
  const data = await gql<{ twinning: TwinningState }>(
    `query($id: ID!) { twinning(id: $id) { status workspaceId proposal { message fromSuggestion decisionReason } } }`,
    { id },
    await tokenFor(DEMO_PEOPLE.admin),
  );
  return data.twinning;
}

/** The partners the API ranks first for a city, under optional pillar weights. */
export async function partnerIdsApi(cityId: string, weights?: Record<string, number>, first = 10): Promise<string[]> {
  const data = await gql<{ partnersFor: { nodes: Array<{ partnerId: string }> } }>(
    `query($city: ID!, $weights: WeightsInput, $first: Int) { partnersFor(city: $city, weights: $weights, first: $first) { nodes { partnerId } } }`,
    { city: cityId, weights: weights ?? null, first },
  );
  return data.partnersFor.nodes.map((n) => n.partnerId);
}

/** The cities `cityId` has a live twinning (proposed, active or dormant) with, as the admin sees them. */
export async function livePartnersOf(cityId: string): Promise<Set<string>> {
  const data = await gql<{ twinnings: { nodes: Array<{ status: string; cityAId: string; cityBId: string }> } }>(
    `query($filter: TwinningFilter) { twinnings(first: 100, filter: $filter) { nodes { status cityAId cityBId } } }`,
    { filter: { cityId } },
    await tokenFor(DEMO_PEOPLE.admin),
  );
  return new Set(data.twinnings.nodes.filter((t) => LIVE.includes(t.status)).map((t) => (t.cityAId === cityId ? t.cityBId : t.cityAId)));
}

/** A pair's scores as the API gives them: the ranking score, the observed one, what it could reach and how sure it is. */
export interface ScoreView {
  cityAId: string;
  cityBId: string;
  overall: number;
  adjusted: number;
  potential: number;
  overallStars: number;
  coverage: { confidence: number; confidenceLabel: 'HIGH' | 'MEDIUM' | 'LOW' };
}
const SCORE = 'cityAId cityBId overall adjusted potential overallStars coverage { confidence confidenceLabel }';

/** A city's ranked partners with their scores, best first. */
export async function partnerScoresApi(cityId: string): Promise<Array<{ partnerId: string; score: ScoreView }>> {
  const data = await gql<{ partnersFor: { nodes: Array<{ partnerId: string; score: ScoreView }> } }>(
    `query($city: ID!) { partnersFor(city: $city, first: 10) { nodes { partnerId score { ${SCORE} } } } }`,
    { city: cityId },
  );
  return data.partnersFor.nodes;
}

export interface CityNeedView {
  cityId: string;
  numericKnown: number;
  numericWeighted: number;
  numericMinimum: number;
  gaps: Array<{ kind: 'INDICATOR' | 'SECTORS' | 'READINESS'; indicator: string | null }>;
}
export interface NeedsView {
  pairCount: number;
  pairs: ScoreView[];
  cities: CityNeedView[];
}
const NEEDS = `pairCount pairs { ${SCORE} } cities { cityId numericKnown numericWeighted numericMinimum gaps { kind indicator } }`;

/** A city's pairs that cannot be judged yet and what its cities lack. */
export async function partnerNeedsApi(cityId: string): Promise<NeedsView> {
  const data = await gql<{ partnersNeedingEvidence: NeedsView }>(`query($city: ID!) { partnersNeedingEvidence(city: $city) { ${NEEDS} } }`, {
    city: cityId,
  });
  return data.partnersNeedingEvidence;
}

/** The best-ranked pairs of the UK and Korea, and those that cannot be judged yet. */
export async function nextPairsApi(first = 10): Promise<{ ranked: ScoreView[]; needs: NeedsView }> {
  const data = await gql<{ pairRanking: { nodes: ScoreView[] }; pairsNeedingEvidence: NeedsView }>(
    `query($first: Int) { pairRanking(countryA: "GB", countryB: "KR", first: $first) { nodes { ${SCORE} } }
      pairsNeedingEvidence(countryA: "GB", countryB: "KR", pairs: 5) { ${NEEDS} } }`,
    { first },
  );
  return { ranked: data.pairRanking.nodes, needs: data.pairsNeedingEvidence };
}

export interface IndicatorRow {
  key: string;
  relativeA: number | null;
  relativeB: number | null;
  leaderA: { cityId: string } | null;
  leaderB: { cityId: string } | null;
}

/** A pair's scores computed now, and the figures compared: each city's share of its national leader and who the leader is. */
export async function pairDetailApi(cityA: string, cityB: string): Promise<{ score: ScoreView; indicators: IndicatorRow[] }> {
  const data = await gql<{ pairScore: { score: ScoreView; explanation: { indicators: IndicatorRow[] } } }>(
    `query($a: ID!, $b: ID!) { pairScore(cityA: $a, cityB: $b) { score { ${SCORE} }
      explanation { indicators { key relativeA relativeB leaderA { cityId } leaderB { cityId } } } } }`,
    { a: cityA, b: cityB },
  );
  return { score: data.pairScore.score, indicators: data.pairScore.explanation.indicators };
}

/** Every city's names and every indicator's labels in both languages, as the pages show them. */
export async function referenceApi(): Promise<{
  cities: Map<string, { en: string; ko: string; country: string }>;
  indicators: Map<string, { en: string; ko: string }>;
}> {
  const data = await gql<{
    cities: { nodes: Array<{ id: string; nameEn: string; nameKo: string; countryCode: string }> };
    indicatorDefinitions: Array<{ key: string; labelEn: string; labelKo: string }>;
  }>(`query { cities(first: 100) { nodes { id nameEn nameKo countryCode } } indicatorDefinitions { key labelEn labelKo } }`);
  return {
    cities: new Map(data.cities.nodes.map((c) => [c.id, { en: c.nameEn, ko: c.nameKo, country: c.countryCode }])),
    indicators: new Map(data.indicatorDefinitions.map((d) => [d.key, { en: d.labelEn, ko: d.labelKo }])),
  };
}
