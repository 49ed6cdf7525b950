import { EvidenceService, PairingComputeService } from '@app/pairing';
import { PLATFORM_LINKS_BACKFILL } from '../../migrations/1796624457908-PlatformLinks';
import { BACKFILL_PLATFORM_LINKS } from '../../migrations/1796658640274-CityLinkLanguages';
import { startTestApp, TestApp } from '../support/harness';
import { codeOf } from '../support/matrix';
import { CREATE_LINK, DELETE_LINK, evidenceChecks, UPDATE_LINK } from './evidence-support';

/*
 * The platform's own relationships as pairing evidence: each twinning and
 * each joint project keeps a link between its two cities (twinning:<id>,
 * project:<id>), written in the transaction of the change, which asks for
 * both cities' pairs to be scored again. The worker is off: each test reads
 * the recompute requests the change left, and scores the pair itself as the
 * worker would.
 */

const LINK = 'id cityAId cityBId kind formality live platformRef summary { en ko } source asOf since enteredByUserId';
const LINKS = `query($cityId: ID!) { cityLinks(cityId: $cityId) { ${LINK} } }`;
const PROPOSE = `mutation($input: ProposeTwinningInput!) { proposeTwinning(input: $input) { id status } }`;
const RESPOND = `mutation($input: RespondToTwinningProposalInput!) { respondToTwinningProposal(input: $input) { id status workspaceId activeSince } }`;
const WITHDRAW = `mutation($input: WithdrawTwinningProposalInput!) { withdrawTwinningProposal(input: $input) { id status } }`;
const CHANGE_STATUS = `mutation($input: ChangeTwinningStatusInput!) { changeTwinningStatus(input: $input) { id status } }`;
const CREATE_PROJECT = `mutation($input: CreateProjectInput!) { createProject(input: $input) { id version } }`;
const STAGE = `mutation($input: ChangeProjectStageInput!) { changeProjectStage(input: $input) { id version } }`;
const CLOSE = `mutation($input: ProjectReasonInput!) { closeProject(input: $input) { id version } }`;
const REOPEN = `mutation($input: ProjectReasonInput!) { reopenProject(input: $input) { id version } }`;

interface Link {
  id: string;
  cityAId: string;
  cityBId: string;
  kind: string;
  formality: number;
  live: boolean;
  platformRef: string | null;
  summary: { en: string | null; ko: string | null };
  source: string;
  asOf: string;
  since: number | null;
  enteredByUserId: string | null;
}

describe('twinnings and joint projects as pairing evidence', () => {
  let app: TestApp;
  const t: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const { recomputeVersions, bumped, auditCount, lastAudit, refused } = evidenceChecks(() => app);

  // Signed in: who entered a link is for signed-in readers only.
  const busanLinks = async (): Promise<Link[]> => (await app.gqlOk<{ cityLinks: Link[] }>(LINKS, { cityId: 'busan' }, { token: t.admin })).cityLinks;
  const linkOf = async (ref: string): Promise<Link | undefined> => (await busanLinks()).find((l) => l.platformRef === ref);
  const today = () => app.clock.now().toISOString().slice(0, 10);
  const year = () => app.clock.now().getUTCFullYear();
  /** Busan–Liverpool's stored relationship pillar once the worker has scored the two cities again. */
  const storedRelationship = async (): Promise<number> => {
    await app.api.get(PairingComputeService).recomputeCities(['busan', 'liverpool']);
    return (await app.dataSource.query(`SELECT relationship FROM pair_score WHERE pair_key = 'busan~liverpool'`))[0].relationship;
  };
  const propose = async (): Promise<string> =>
    (await app.gqlOk<{ proposeTwinning: { id: string } }>(PROPOSE, { input: { cityId: 'liverpool', partnerCityId: 'busan', message: 'Private: shall we twin?' } }, { token: t.liverpool }))
      .proposeTwinning.id;

  let before: number;
  let declinedId: string;
  let twinningId: string;
  let workspaceId: string;
  let project: { id: string; version: number };

  beforeAll(async () => {
    app = await startTestApp({ worker: false });
    await app.signInDemo(t, ids, ['admin', 'liverpool', 'busan']);
    before = await storedRelationship();
  });
  afterAll(() => app.close());

  it('starts with no link between Busan and Liverpool', async () => {
    expect(before).toBe(0);
    expect((await busanLinks()).filter((l) => l.cityAId === 'liverpool' || l.cityBId === 'liverpool')).toEqual([]);
  });

  it("proposing a twinning records a live link of formality 1 for the pair, audited, and asks for both cities' pairs to be scored again", async () => {
    const versions = await recomputeVersions();
    declinedId = await propose();
    const link = (await linkOf(`twinning:${declinedId}`))!;
    expect(link).toMatchObject({
      cityAId: 'liverpool',
      cityBId: 'busan',
      kind: 'city-to-city',
      formality: 1,
      live: true,
      since: year(),
      asOf: today(),
      enteredByUserId: ids.liverpool,
      source: `Innovation Twins platform: twinning proposed ${today()}`,
      summary: {
        en: 'A twinning of Liverpool and Busan was proposed on the Innovation Twins platform and awaits an answer.',
        ko: '이노베이션 트윈스 플랫폼에서 리버풀과 부산의 자매결연이 제안되어 답변을 기다리고 있습니다.',
      },
    });
    // A Korean reader reads the platform's source in Korean.
    const [year_, month, day] = today().split('-').map(Number);
    const korean = (await app.gqlOk<{ cityLinks: Link[] }>(LINKS, { cityId: 'busan' }, { token: t.admin, headers: { 'accept-language': 'ko' } })).cityLinks;
    expect(korean.find((l) => l.id === link.id)!.source).toBe(`이노베이션 트윈스 플랫폼: ${year_}년 ${month}월 ${day}일 자매결연 제안`);
    expect(bumped(versions, await recomputeVersions())).toEqual(['busan', 'liverpool']);
    expect(await lastAudit()).toMatchObject({ action: 'link.platform', entity_id: link.id, actor_user_id: ids.liverpool, city_ids: ['liverpool', 'busan'], before: null });
    expect(await storedRelationship()).toBe(0.25);
  });

  it('says what happened without naming who proposed, and keeps the reference to the proposal from anyone but admins', async () => {
    const anonymous = (await app.gqlOk<{ cityLinks: Link[] }>(LINKS, { cityId: 'busan' })).cityLinks.filter((l) => l.cityBId === 'liverpool' || l.cityAId === 'liverpool');
    expect(anonymous.length).toBeGreaterThan(0);
    for (const l of anonymous) {
      expect(l.platformRef).toBeNull();
      expect(JSON.stringify(l.summary)).not.toMatch(/Liverpool proposed|Busan proposed|리버풀이 제안|부산이 제안/);
    }
    const officer = (await app.gqlOk<{ cityLinks: Link[] }>(LINKS, { cityId: 'busan' }, { token: t.busan })).cityLinks;
    expect(officer.every((l) => l.platformRef === null)).toBe(true);
    expect((await busanLinks()).some((l) => l.platformRef?.startsWith('twinning:'))).toBe(true);
  });

  it('declining keeps the link as history: shown with its last status, given to the engine with live: false', async () => {
    const versions = await recomputeVersions();
    await app.gqlOk(RESPOND, { input: { id: declinedId, accept: false, reason: 'Private: not this year' } }, { token: t.busan });
    const link = (await linkOf(`twinning:${declinedId}`))!;
    expect(link).toMatchObject({
      formality: 1,
      live: false,
      enteredByUserId: ids.busan,
      source: `Innovation Twins platform: twinning declined ${today()}`,
      summary: { en: 'A proposal to twin Liverpool and Busan on the Innovation Twins platform was declined.' },
    });
    // Anyone reads links: neither the proposal's message nor the reason is in them.
    expect(JSON.stringify(await busanLinks())).not.toMatch(/Private/);
    expect(bumped(versions, await recomputeVersions())).toEqual(['busan', 'liverpool']);
    const evidence = await app.api.get(EvidenceService).loadCityEvidence(['busan', 'liverpool']);
    for (const [city, other] of [['busan', 'liverpool'], ['liverpool', 'busan']]) {
      expect(evidence.get(city)!.links.filter((l) => l.otherCityId === other)).toEqual([expect.objectContaining({ id: link.id, formality: 1, live: false })]);
    }
  });

  // History (live === false) is shown but never scored (METHOD.md, choice 5).
  it("once declined, the pair's stored relationship pillar drops back to what it was before the proposal", async () => {
    expect(await storedRelationship()).toBe(before);
  });

  it('proposing again and accepting makes a new link of formality 4; the declined one stays, listed after the live ones', async () => {
    twinningId = await propose();
    const versions = await recomputeVersions();
    const res = await app.gqlOk<{ respondToTwinningProposal: { workspaceId: string; activeSince: string } }>(
      RESPOND,
      { input: { id: twinningId, accept: true, reason: 'Yes' } },
      { token: t.busan },
    );
    workspaceId = res.respondToTwinningProposal.workspaceId;
    expect(await linkOf(`twinning:${twinningId}`)).toMatchObject({
      formality: 4,
      live: true,
      since: new Date(res.respondToTwinningProposal.activeSince).getUTCFullYear(),
      source: `Innovation Twins platform: twinning accepted ${today()}`,
      summary: { en: 'Liverpool and Busan are twinned on the Innovation Twins platform and work together in a twin workspace.' },
    });
    expect(bumped(versions, await recomputeVersions())).toEqual(['busan', 'liverpool']);
    const links = await busanLinks();
    expect(links.find((l) => l.platformRef === `twinning:${declinedId}`)).toMatchObject({ live: false });
    expect(links.map((l) => l.live)).toEqual([...links.map((l) => l.live)].sort((a, b) => Number(b) - Number(a)));
    expect(await storedRelationship()).toBe(1);
  });

  it('a joint project adds a live link of formality 3; closing it makes it history, reopening live again; its stage alone changes nothing', async () => {
    let versions = await recomputeVersions();
    project = (
      await app.gqlOk<{ createProject: { id: string; version: number } }>(
        CREATE_PROJECT,
        {
          input: {
            workspaceId,
            title: { en: 'Private quay sensors', ko: '부두 센서' },
            summary: { en: 'Sensors on quays.', ko: '부두의 센서.' },
            sectors: ['iot'],
            type: 'PROOF_OF_CONCEPT',
            stage: 'FEASIBILITY',
            cityALeadUserId: ids.liverpool,
            cityBLeadUserId: ids.busan,
            startDate: '2027-01-01',
          },
        },
        { token: t.liverpool },
      )
    ).createProject;
    const ref = `project:${project.id}`;
    expect(await linkOf(ref)).toMatchObject({
      cityAId: 'liverpool',
      cityBId: 'busan',
      kind: 'joint-project',
      formality: 3,
      live: true,
      since: year(),
      enteredByUserId: ids.liverpool,
      source: `Innovation Twins platform: joint project started ${today()}`,
      summary: { en: 'A joint project of Liverpool and Busan in their twin workspace on the Innovation Twins platform.' },
    });
    expect(bumped(versions, await recomputeVersions())).toEqual(['busan', 'liverpool']);

    versions = await recomputeVersions();
    const audits = await auditCount();
    project = (await app.gqlOk<{ changeProjectStage: typeof project }>(STAGE, { input: { ...project, stage: 'DEMONSTRATOR', reason: 'Built' } }, { token: t.liverpool })).changeProjectStage;
    expect(await recomputeVersions()).toEqual(versions);
    expect(await auditCount()).toBe(audits);

    project = (await app.gqlOk<{ closeProject: typeof project }>(CLOSE, { input: { ...project, reason: 'Paused' } }, { token: t.busan })).closeProject;
    expect(await linkOf(ref)).toMatchObject({
      formality: 3,
      live: false,
      enteredByUserId: ids.busan,
      source: `Innovation Twins platform: joint project closed ${today()}`,
      summary: { en: 'A joint project of Liverpool and Busan in their twin workspace on the Innovation Twins platform; it is closed.' },
    });
    expect(bumped(versions, await recomputeVersions())).toEqual(['busan', 'liverpool']);

    versions = await recomputeVersions();
    project = (await app.gqlOk<{ reopenProject: typeof project }>(REOPEN, { input: { ...project, reason: 'Resumed' } }, { token: t.busan })).reopenProject;
    expect(await linkOf(ref)).toMatchObject({ formality: 3, live: true, source: `Innovation Twins platform: joint project reopened ${today()}` });
    expect(bumped(versions, await recomputeVersions())).toEqual(['busan', 'liverpool']);
    expect(JSON.stringify(await busanLinks())).not.toMatch(/Private/);
  });

  it('the link mutations refuse to change or delete a link the platform keeps: CONFLICT, reason PLATFORM_LINK; links people entered stay theirs', async () => {
    for (const ref of [`twinning:${twinningId}`, `project:${project.id}`]) {
      const link = (await linkOf(ref))!;
      for (const token of [t.admin, t.busan]) {
        const update = await refused(() => app.gql(UPDATE_LINK, { input: { id: link.id, formality: 0, summary: { en: 'Edited by hand' } } }, { token }));
        expect(update.extensions).toMatchObject({ code: 'CONFLICT', reason: 'PLATFORM_LINK', platformRef: ref });
        // Each in their language: the admin's is English, Busan's officer's account reads Korean.
        expect(update.message).toMatch(token === t.admin ? /kept by the Innovation Twins platform/ : /^이 연계는 플랫폼이 관리하며 (자매결연|공동 프로젝트)\(.*(자매결연이|공동 프로젝트가) 바뀌면 함께 바뀝니다/);
        const deletion = await refused(() => app.gql(DELETE_LINK, { id: link.id }, { token }));
        expect(deletion.extensions).toMatchObject({ code: 'CONFLICT', reason: 'PLATFORM_LINK', platformRef: ref });
      }
      expect(await linkOf(ref)).toEqual(link);
    }
    const input = { cityAId: 'liverpool', cityBId: 'busan', kind: 'research', formality: 2, summary: { en: 'Port research' }, source: 'Officer note, 2026' };
    const entered = (await app.gqlOk<{ createCityLink: Link }>(CREATE_LINK, { input }, { token: t.admin })).createCityLink;
    expect((await busanLinks()).find((l) => l.id === entered.id)).toMatchObject({ live: true, platformRef: null });
    expect(codeOf(await app.gql(UPDATE_LINK, { input: { id: entered.id, formality: 1 } }, { token: t.admin }))).toBe('OK');
    expect(codeOf(await app.gql(DELETE_LINK, { id: entered.id }, { token: t.admin }))).toBe('OK');
  });

  it("a twinning or project change that fails leaves its link as it was: the link is written in the change's transaction", async () => {
    // The feed entry each of these writes after the link, refused.
    await app.asOwner(`CREATE FUNCTION test_refuse_activity() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION 'refused by the test'; END $$ LANGUAGE plpgsql`);
    await app.asOwner(`CREATE TRIGGER test_refuse_activity BEFORE INSERT ON workspace_activity FOR EACH ROW
      WHEN (NEW.verb IN ('TWINNING_STATUS_CHANGED', 'PROJECT_CLOSED')) EXECUTE FUNCTION test_refuse_activity()`);
    try {
      const links = await busanLinks();
      const [audits, versions] = [await auditCount(), await recomputeVersions()];
      const dormant = await app.gql(CHANGE_STATUS, { input: { id: twinningId, status: 'DORMANT', reason: 'Quiet year' } }, { token: t.liverpool });
      expect(codeOf(dormant)).toBe('INTERNAL_SERVER_ERROR');
      const close = await app.gql(CLOSE, { input: { ...project, reason: 'Done' } }, { token: t.liverpool });
      expect(codeOf(close)).toBe('INTERNAL_SERVER_ERROR');
      expect(await busanLinks()).toEqual(links);
      expect(await auditCount()).toBe(audits);
      expect(await recomputeVersions()).toEqual(versions);
    } finally {
      await app.asOwner(`DROP TRIGGER test_refuse_activity ON workspace_activity`);
      await app.asOwner(`DROP FUNCTION test_refuse_activity()`);
    }
  });

  it('a dormant twinning is formality 2, active again 4, and closed it is history; so is a withdrawn proposal', async () => {
    const ref = `twinning:${twinningId}`;
    const change = async (status: string) => {
      const versions = await recomputeVersions();
      await app.gqlOk(CHANGE_STATUS, { input: { id: twinningId, status, reason: 'Private reason' } }, { token: t.liverpool });
      expect(bumped(versions, await recomputeVersions())).toEqual(['busan', 'liverpool']);
      return (await linkOf(ref))!;
    };
    expect(await change('DORMANT')).toMatchObject({
      formality: 2,
      live: true,
      source: `Innovation Twins platform: twinning dormant ${today()}`,
      summary: { en: 'Liverpool and Busan are twinned on the Innovation Twins platform; the twinning is dormant, with little activity.' },
    });
    expect(await change('ACTIVE')).toMatchObject({ formality: 4, live: true, source: `Innovation Twins platform: twinning active again ${today()}` });
    expect(await change('CLOSED')).toMatchObject({
      formality: 4,
      live: false,
      source: `Innovation Twins platform: twinning closed ${today()}`,
      summary: { en: 'Liverpool and Busan were twinned on the Innovation Twins platform; the twinning is closed.' },
    });

    const withdrawnId = await propose();
    await app.gqlOk(WITHDRAW, { input: { id: withdrawnId, reason: 'Private: too soon' } }, { token: t.liverpool });
    expect(await linkOf(`twinning:${withdrawnId}`)).toMatchObject({
      formality: 1,
      live: false,
      source: `Innovation Twins platform: twinning proposal withdrawn ${today()}`,
      summary: { en: 'A proposal to twin Liverpool and Busan on the Innovation Twins platform was withdrawn.' },
    });
    const links = await busanLinks();
    expect(JSON.stringify(links)).not.toMatch(/Private/);
    // Live links come first: the open project (3) before the closed twinning (4).
    expect(links.map((l) => l.live)).toEqual([...links.map((l) => l.live)].sort((a, b) => Number(b) - Number(a)));

    // What the engine is given: every link of the pair, history marked.
    const evidence = await app.api.get(EvidenceService).loadCityEvidence(['busan']);
    const byRef = new Map((await busanLinks()).map((l) => [l.id, l.platformRef]));
    expect(
      evidence
        .get('busan')!
        .links.filter((l) => l.otherCityId === 'liverpool')
        .map((l) => [byRef.get(l.id), l.live])
        .sort(),
    ).toEqual(
      [
        [`twinning:${declinedId}`, false],
        [`twinning:${twinningId}`, false],
        [`project:${project.id}`, true],
        [`twinning:${withdrawnId}`, false],
      ].sort(),
    );
  });

  it('a proposal that fails writes no link', async () => {
    const count = async () => (await app.dataSource.query(`SELECT count(*)::int AS n FROM city_link WHERE platform_ref IS NOT NULL`))[0].n as number;
    const [links, audits, versions] = [await count(), await auditCount(), await recomputeVersions()];
    // Busan's officers are emailed about the proposal after its link is written: that email is refused.
    await app.asOwner(`CREATE FUNCTION test_refuse_email() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$ LANGUAGE plpgsql`);
    await app.asOwner(`CREATE TRIGGER test_refuse_email BEFORE INSERT ON outbox_message FOR EACH ROW EXECUTE FUNCTION test_refuse_email()`);
    try {
      const res = await app.gql(PROPOSE, { input: { cityId: 'liverpool', partnerCityId: 'busan', message: 'Once more?' } }, { token: t.liverpool });
      expect(codeOf(res)).toBe('INTERNAL_SERVER_ERROR');
    } finally {
      await app.asOwner(`DROP TRIGGER test_refuse_email ON outbox_message`);
      await app.asOwner(`DROP FUNCTION test_refuse_email()`);
    }
    expect(await count()).toBe(links);
    expect(await auditCount()).toBe(audits);
    expect(await recomputeVersions()).toEqual(versions);
  });

  it("the migrations' backfills, for twinnings and projects made before these links, write the links the services write, in both languages", async () => {
    const rows = () =>
      app.dataSource.query(
        `SELECT platform_ref, city_a_id, city_b_id, other_place, kind, partners, since, formality, live, summary_en, summary_ko, source, source_ko, as_of,
                entered_by_user_id, seed_key, deleted_at
           FROM city_link WHERE platform_ref IS NOT NULL ORDER BY platform_ref`,
      );
    const written = await rows();
    expect(written).toHaveLength(4);
    expect(written.every((row: { summary_ko: string | null; source_ko: string | null }) => row.summary_ko && row.source_ko)).toBe(true);
    await app.asOwner(`DELETE FROM city_link WHERE platform_ref IS NOT NULL`);
    const versions = await recomputeVersions();
    // PlatformLinks wrote the one summary the table had then, which CityLinkLanguages made the English one.
    const backfill = async () => {
      for (const statement of PLATFORM_LINKS_BACKFILL) await app.asOwner(statement.replace('live, summary, source', 'live, summary_en, source'));
      await app.asOwner(BACKFILL_PLATFORM_LINKS);
    };
    await backfill();
    expect(await rows()).toEqual(written);
    expect(bumped(versions, await recomputeVersions())).toEqual(['busan', 'liverpool']);
    // Run again, it adds nothing.
    await backfill();
    expect(await rows()).toEqual(written);
  });
});
