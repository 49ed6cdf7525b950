import { eventually, startTestApp, TestApp } from '../support/harness';
import { firstError, signInEvidenceUsers } from './evidence-support';

const NEEDS = `query($countryCode: String, $search: String, $first: Int, $after: String) {
  cityEvidenceNeeds(countryCode: $countryCode, search: $search, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { cityId city { countryCode nameEn } numericKnown numericWeighted headroom gapCount gaps { kind indicator headroom } }
  }
}`;
type Need = { cityId: string; city: { countryCode: string; nameEn: string }; numericKnown: number; headroom: number; gapCount: number; gaps: Array<{ kind: string; indicator: string | null; headroom: number }> };
type Page = { cityEvidenceNeeds: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: Need[] } };
const RECORD = `mutation($input: RecordReadinessAssessmentInput!) { recordReadinessAssessment(input: $input) { id } }`;

/** Most headroom first, then by id. */
const inWorklistOrder = (needs: Need[]) =>
  needs.every((n, k) => k === 0 || needs[k - 1].headroom > n.headroom || (needs[k - 1].headroom === n.headroom && needs[k - 1].cityId < n.cityId));

describe("the secretariat's evidence worklist (cityEvidenceNeeds)", () => {
  let app: TestApp;
  let admin: string;
  let participant: string;
  let busanOfficer: string;

  beforeAll(async () => {
    app = await startTestApp();
    ({ admin, participant, busanOfficer } = await signInEvidenceUsers(app));
    // The worker stores every city's gaps with the scores on start.
    await eventually(async () => (await app.dataSource.query(`SELECT count(*)::int AS n FROM pairing_city_evidence`))[0].n === 28, 20_000, 'stored gaps');
  });
  afterAll(() => app.close());

  it('lists every city of both countries, the most useful gaps first, page after page', async () => {
    const all = (await app.gqlOk<Page>(NEEDS, { first: 100 }, { token: admin })).cityEvidenceNeeds;
    expect(all.totalCount).toBe(28);
    expect(new Set(all.nodes.map((n) => n.city.countryCode))).toEqual(new Set(['GB', 'KR']));
    expect(inWorklistOrder(all.nodes)).toBe(true);
    // Nobody has a readiness assessment yet: every city lacks one, and it is among its gaps with the headroom it holds.
    for (const need of all.nodes) {
      expect(need.gaps.some((g) => g.kind === 'READINESS')).toBe(true);
      expect(need.gapCount).toBeGreaterThanOrEqual(need.gaps.length);
      expect(need.headroom).toBeGreaterThan(0);
    }

    const paged: Need[] = [];
    let after: string | null = null;
    do {
      const page: Page['cityEvidenceNeeds'] = (await app.gqlOk<Page>(NEEDS, { first: 6, after }, { token: admin })).cityEvidenceNeeds;
      paged.push(...page.nodes);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(paged.map((n) => n.cityId)).toEqual(all.nodes.map((n) => n.cityId));
  });

  it("filters by country and finds a city by either language's name or its id", async () => {
    const korean = (await app.gqlOk<Page>(NEEDS, { countryCode: 'kr', first: 100 }, { token: admin })).cityEvidenceNeeds;
    expect(korean.totalCount).toBe(14);
    expect(korean.nodes.every((n) => n.city.countryCode === 'KR')).toBe(true);
    expect(inWorklistOrder(korean.nodes)).toBe(true);

    for (const search of ['부산', 'BUSAN', 'busa']) {
      const found = (await app.gqlOk<Page>(NEEDS, { search }, { token: admin })).cityEvidenceNeeds;
      expect(found.nodes.map((n) => n.cityId)).toEqual(['busan']);
    }
    const none = (await app.gqlOk<Page>(NEEDS, { countryCode: 'GB', search: '부산' }, { token: admin })).cityEvidenceNeeds;
    expect(none).toMatchObject({ totalCount: 0, nodes: [] });
  });

  it('is for admins only, and refuses an unknown country and a foreign cursor', async () => {
    expect(firstError(await app.gql(NEEDS, {}, { token: participant })).extensions.code).toBe('FORBIDDEN');
    expect(firstError(await app.gql(NEEDS, {}, { token: busanOfficer })).extensions.code).toBe('FORBIDDEN');
    expect(firstError(await app.gql(NEEDS, {})).extensions.code).toBe('UNAUTHENTICATED');
    expect(firstError(await app.gql(NEEDS, { countryCode: 'FR' }, { token: admin })).extensions.code).toBe('NOT_FOUND');
    expect(firstError(await app.gql(NEEDS, { countryCode: 'Korea' }, { token: admin })).extensions.code).toBe('BAD_USER_INPUT');
    const foreign = Buffer.from(JSON.stringify(['x', 'busan'])).toString('base64url');
    expect(firstError(await app.gql(NEEDS, { after: foreign }, { token: admin })).extensions.code).toBe('BAD_USER_INPUT');
  });

  it("drops a gap once the evidence is in and the worker has scored the city's pairs again", async () => {
    const gapsOfBusan = async () => (await app.gqlOk<Page>(NEEDS, { search: 'busan' }, { token: admin })).cityEvidenceNeeds.nodes[0];
    const before = await gapsOfBusan();
    await app.gqlOk(
      RECORD,
      {
        input: {
          cityId: 'busan', strategy: 4, visibleHome: 2, networks: 2, collaboration: 3, source: 'Officer review of the 2026 international strategy',
          strategyEvidence: 'Published strategy', visibleHomeEvidence: 'International office', networksEvidence: 'Member of networks',
          collaborationEvidence: 'MOU with the other country',
        },
      },
      { token: admin },
    );
    const after = await eventually(async () => {
      const need = await gapsOfBusan();
      return need.gaps.every((g) => g.kind !== 'READINESS') ? need : null;
    }, 20_000, "Busan's stored gaps without the readiness assessment");
    expect(after.gapCount).toBe(before.gapCount - 1);
    expect(after.headroom).toBeLessThan(before.headroom);

    // The audit names who recorded it, for the secretariat's list of changes.
    const { me } = await app.gqlOk<{ me: { displayName: string } }>(`query { me { displayName } }`, {}, { token: admin });
    const audit = await app.gqlOk<{ pairingEvidenceAudit: { nodes: Array<{ action: string; actorName: string | null }> } }>(
      `query { pairingEvidenceAudit(cityId: "busan", first: 1) { nodes { action actorName } } }`,
      {},
      { token: admin },
    );
    expect(audit.pairingEvidenceAudit.nodes).toEqual([{ action: 'readiness.record', actorName: me.displayName }]);
  });
});
