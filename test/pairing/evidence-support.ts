import { join } from 'node:path';
import { GqlError, TestApp } from '../support/harness';

/** What the pairing evidence tests share: the GraphQL they send, the shapes they read, and checks of what a write left behind. */

export const DATA_DIR = join(__dirname, '..', '..', 'data');
export const REPORT_SOURCE_START = 'UK-Korea Innovation Twins final report';

export const ASSESSMENT_FIELDS = `id cityId strategy strategyEvidence visibleHome visibleHomeEvidence networks networksEvidence
  collaboration collaborationEvidence composite source asOf enteredByUserId createdAt supersededAt supersededById current city { id }`;
export const RECORD = `mutation($input: RecordReadinessAssessmentInput!) { recordReadinessAssessment(input: $input) { ${ASSESSMENT_FIELDS} } }`;
export const CURRENT = `query($cityId: ID!) { cityReadiness(cityId: $cityId) { ${ASSESSMENT_FIELDS} } }`;
export const HISTORY = `query($cityId: ID!, $first: Int, $after: String) {
  cityReadinessHistory(cityId: $cityId, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } nodes { ${ASSESSMENT_FIELDS} }
  }
}`;
export const ACTIVITY_FIELDS = 'cityId sectorKey level projects { title summary } source asOf enteredByUserId updatedAt sector { key nameEn nameKo } city { id }';
export const ACTIVITY = `query($cityId: ID!) { citySectorActivity(cityId: $cityId) { ${ACTIVITY_FIELDS} } }`;
export const SET_ACTIVITY = `mutation($input: SetSectorActivityInput!) { setSectorActivity(input: $input) { ${ACTIVITY_FIELDS} } }`;
export const CLEAR_ACTIVITY = `mutation($input: ClearSectorActivityInput!) { clearSectorActivity(input: $input) }`;
export const LINK_FIELDS = `id cityAId cityBId otherPlace otherPlaceCountryCode kind partners since formality summary { en ko } source asOf enteredByUserId
  cityA { id countryCode } cityB { id countryCode }`;
export const LINKS = `query($cityId: ID!) { cityLinks(cityId: $cityId) { ${LINK_FIELDS} } }`;
export const CREATE_LINK = `mutation($input: CreateCityLinkInput!) { createCityLink(input: $input) { ${LINK_FIELDS} } }`;
export const UPDATE_LINK = `mutation($input: UpdateCityLinkInput!) { updateCityLink(input: $input) { ${LINK_FIELDS} } }`;
export const DELETE_LINK = `mutation($id: ID!) { deleteCityLink(id: $id) }`;
export const PROFILE_FIELDS = 'id name description builtIn ownerUserId pillars { similarity internationalisation synergy relationship } indicators { key weight } starThresholds';
export const PROFILES = `query { weightProfiles { ${PROFILE_FIELDS} } }`;
export const SAVE_PROFILE = `mutation($input: SaveWeightProfileInput!) { saveWeightProfile(input: $input) { ${PROFILE_FIELDS} } }`;
export const DELETE_PROFILE = `mutation($id: ID!) { deleteWeightProfile(id: $id) }`;

export interface Assessment {
  id: string;
  cityId: string;
  strategy: number;
  visibleHome: number;
  networks: number;
  collaboration: number;
  composite: number;
  source: string;
  asOf: string;
  enteredByUserId: string | null;
  supersededAt: string | null;
  supersededById: string | null;
  current: boolean;
  city: { id: string };
}
export interface Activity {
  cityId: string;
  sectorKey: string;
  level: number;
  projects: Array<{ title: string; summary: string | null }>;
  source: string;
  asOf: string;
  enteredByUserId: string | null;
  sector: { key: string; nameEn: string; nameKo: string };
}
export interface Link {
  id: string;
  cityAId: string;
  cityBId: string | null;
  otherPlace: string | null;
  otherPlaceCountryCode: string | null;
  kind: string;
  partners: string[];
  since: number | null;
  formality: number;
  summary: { en: string | null; ko: string | null };
  source: string;
  enteredByUserId: string | null;
  cityA: { id: string; countryCode: string };
  cityB: { id: string; countryCode: string } | null;
}
export interface Profile {
  id: string;
  name: string;
  builtIn: boolean;
  ownerUserId: string | null;
  pillars: Record<string, number>;
  indicators: Array<{ key: string; weight: number }>;
  starThresholds: number[];
}

export const assessment = (cityId: string, scores: Partial<Record<'strategy' | 'visibleHome' | 'networks' | 'collaboration', number>> = {}) => ({
  cityId,
  strategy: 4,
  strategyEvidence: 'https://example.org/international-strategy-2024',
  visibleHome: 2,
  visibleHomeEvidence: 'The international office coordinates every partnership.',
  networks: 2,
  networksEvidence: 'Member of two smart-city networks with peer cities.',
  collaboration: 3,
  collaborationEvidence: 'MOU between the university and a UK institute, 2022.',
  source: 'Test: officer review of city documents',
  asOf: '2024-05-01',
  ...scores,
});

export const activity = (cityId: string, sector: string, level = 2) => ({
  cityId,
  sector,
  level,
  projects: [{ title: 'Hydrogen valley', summary: 'Production and refuelling network.' }, { title: 'Fuel-cell buses' }],
  source: 'Test: city economic strategy 2024',
  asOf: '2024-04-01',
});

export const link = (cityAId: string, cityBId: string | null, extra: Record<string, unknown> = {}) => ({
  cityAId,
  cityBId,
  kind: 'city-to-city',
  partners: ['Liverpool City Council', 'Busan Metropolitan City'],
  since: 2023,
  formality: 2,
  summary: { en: 'Memorandum of understanding on port innovation.' },
  source: 'Test: signed MOU',
  ...extra,
});

export const firstError = (res: { errors?: GqlError[] }): GqlError => {
  expect(res.errors?.length).toBeGreaterThan(0);
  return res.errors![0];
};

/** The people the evidence tests act as, signed in, with their user ids. */
export async function signInEvidenceUsers(app: TestApp) {
  const [admin, busanOfficer, liverpoolOfficer, participant] = await Promise.all([
    app.signIn('admin@demo.twins.test'),
    app.signIn('officer.busan@demo.twins.test'),
    app.signIn('officer.liverpool@demo.twins.test'),
    app.signIn('participant@demo.twins.test'),
  ]);
  const me = async (token: string) => (await app.gqlOk<{ me: { id: string } }>(`query { me { id } }`, {}, { token })).me.id;
  const [adminId, busanOfficerId, liverpoolOfficerId, participantId] = await Promise.all([admin, busanOfficer, liverpoolOfficer, participant].map(me));
  return { admin, busanOfficer, liverpoolOfficer, participant, adminId, busanOfficerId, liverpoolOfficerId, participantId };
}

/** Reads of the audit and the recompute requests, on the app a test file started (read when called). */
export function evidenceChecks(app: () => TestApp) {
  /** Each city's recompute version (0 when none was requested). */
  const recomputeVersions = async (): Promise<Record<string, number>> => {
    const rows: Array<{ city_id: string; version: string }> = await app().dataSource.query(`SELECT city_id, version FROM pairing_recompute_request`);
    return Object.fromEntries(rows.map((r) => [r.city_id, Number(r.version)]));
  };
  /** The cities whose recompute version moved between two snapshots. */
  const bumped = (before: Record<string, number>, after: Record<string, number>): string[] =>
    Object.keys(after)
      .filter((city) => (after[city] ?? 0) > (before[city] ?? 0))
      .sort();
  const auditCount = async (): Promise<number> => Number((await app().dataSource.query(`SELECT count(*)::int AS n FROM pairing_evidence_audit`))[0].n);
  const lastAudit = async () =>
    (
      await app().dataSource.query(
        `SELECT actor_user_id, action, entity, entity_id, city_ids, before, after FROM pairing_evidence_audit ORDER BY id DESC LIMIT 1`,
      )
    )[0] as { actor_user_id: string | null; action: string; entity: string; entity_id: string; city_ids: string[]; before: unknown; after: unknown };

  /** Runs a write expected to fail and checks it wrote neither audit nor recompute request. */
  const refused = async (write: () => Promise<{ errors?: GqlError[] }>): Promise<GqlError> => {
    const [audits, versions] = [await auditCount(), await recomputeVersions()];
    const error = firstError(await write());
    expect(await auditCount()).toBe(audits);
    expect(await recomputeVersions()).toEqual(versions);
    return error;
  };

  return { recomputeVersions, bumped, auditCount, lastAudit, refused };
}
