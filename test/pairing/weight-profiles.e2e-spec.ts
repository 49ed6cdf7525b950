import { startTestApp, TestApp } from '../support/harness';
import { DELETE_PROFILE, evidenceChecks, Profile, PROFILES, SAVE_PROFILE, signInEvidenceUsers } from './evidence-support';

describe('pairing evidence', () => {
  let app: TestApp;
  let admin: string;
  let busanOfficer: string;
  let participant: string;
  let participantId: string;

  beforeAll(async () => {
    app = await startTestApp({ worker: false });
    ({ admin, busanOfficer, participant, participantId } = await signInEvidenceUsers(app));
  });
  afterAll(() => app.close());

  const { lastAudit, refused } = evidenceChecks(() => app);

  describe('weight profiles', () => {
    const profileInput = (extra: Record<string, unknown> = {}) => ({
      name: 'Innovation first',
      description: 'Synergy counts double.',
      pillars: { similarity: 1, internationalisation: 1, synergy: 2, relationship: 0.5 },
      indicators: [
        { key: 'metroPopulationMillions', weight: 1 },
        { key: 'startupHqIndex', weight: 1 },
      ],
      starThresholds: [0.4, 0.7],
      ...extra,
    });
    let mine: Profile;
    let builtIn: Profile;

    it('lists the built-in report-default to everyone', async () => {
      const res = await app.gqlOk<{ weightProfiles: Profile[] }>(PROFILES);
      expect(res.weightProfiles).toHaveLength(1);
      builtIn = res.weightProfiles[0];
      expect(builtIn).toMatchObject({
        name: 'report-default',
        builtIn: true,
        ownerUserId: null,
        pillars: { similarity: 1, internationalisation: 1, synergy: 1, relationship: 1 },
      });
      expect(builtIn.indicators).toHaveLength(10);
      expect(builtIn.indicators.find((i) => i.key === 'gdpPerCapitaUsdPpp')?.weight).toBe(0.5);
      expect(builtIn.indicators.find((i) => i.key === 'coastal')?.weight).toBe(1);
      expect(builtIn.starThresholds[0]).toBeCloseTo(1 / 3);
      expect(builtIn.starThresholds[1]).toBeCloseTo(2 / 3);
    });

    it('lets any signed-in user save their own, listed only to them', async () => {
      const res = await app.gqlOk<{ saveWeightProfile: Profile }>(SAVE_PROFILE, { input: profileInput() }, { token: participant });
      mine = res.saveWeightProfile;
      expect(mine).toMatchObject({ name: 'Innovation first', builtIn: false, ownerUserId: participantId, starThresholds: [0.4, 0.7] });
      expect(mine.pillars.synergy).toBe(2);
      expect(await lastAudit()).toMatchObject({ action: 'weightProfile.save', entity_id: mine.id, actor_user_id: participantId, city_ids: [] });

      const asOwner = await app.gqlOk<{ weightProfiles: Profile[] }>(PROFILES, {}, { token: participant });
      expect(asOwner.weightProfiles.map((p) => p.name)).toEqual(['report-default', 'Innovation first']);
      const asOther = await app.gqlOk<{ weightProfiles: Profile[] }>(PROFILES, {}, { token: busanOfficer });
      expect(asOther.weightProfiles.map((p) => p.name)).toEqual(['report-default']);

      // Saving under the same name again changes that profile.
      const again = await app.gqlOk<{ saveWeightProfile: Profile }>(
        SAVE_PROFILE,
        { input: profileInput({ name: 'innovation FIRST', starThresholds: [0.3, 0.6] }) },
        { token: participant },
      );
      expect(again.saveWeightProfile).toMatchObject({ id: mine.id, name: 'innovation FIRST', starThresholds: [0.3, 0.6] });
    });

    it.each([
      ['all pillars at 0', { pillars: { similarity: 0, internationalisation: 0, synergy: 0, relationship: 0 } }, 'pillars', /at least one pillar/],
      ['a negative weight', { pillars: { similarity: -1, internationalisation: 1, synergy: 1, relationship: 1 } }, 'pillars.similarity', /0 to 100/],
      ['thresholds out of order', { starThresholds: [0.7, 0.3] }, 'starThresholds', /0 < t1 < t2 < 1/],
      ['a threshold of 1', { starThresholds: [0.5, 1] }, 'starThresholds', /0 < t1 < t2 < 1/],
      ['one threshold', { starThresholds: [0.5] }, 'starThresholds', /two numbers/],
      ['an unknown indicator', { indicators: [{ key: 'happiness', weight: 1 }] }, 'indicators.0.key', /no indicator "happiness"/],
      ['the built-in name', { name: 'Report-Default' }, 'name', /built-in/],
      ['an empty name', { name: '  ' }, 'name', /1 to 80/],
    ])('refuses %s as BAD_USER_INPUT', async (_what, change, field, message) => {
      const error = await refused(() => app.gql(SAVE_PROFILE, { input: profileInput({ name: 'Checked', ...change }) }, { token: participant }));
      expect(error.extensions.code).toBe('BAD_USER_INPUT');
      expect(error.extensions.fields).toContainEqual({ field, message: expect.stringMatching(message) });
    });

    it('keeps the built-in read-only and other people’s profiles out of reach', async () => {
      const del = await refused(() => app.gql(DELETE_PROFILE, { id: builtIn.id }, { token: admin }));
      expect(del.extensions.code).toBe('FORBIDDEN');
      expect(del.message).toMatch(/read-only/);
      const edit = await refused(() => app.gql(SAVE_PROFILE, { input: profileInput({ id: builtIn.id, name: 'mine now' }) }, { token: admin }));
      expect(edit.extensions.code).toBe('FORBIDDEN');
      expect((await refused(() => app.gql(DELETE_PROFILE, { id: mine.id }, { token: busanOfficer }))).extensions.code).toBe('NOT_FOUND');
      expect((await refused(() => app.gql(SAVE_PROFILE, { input: profileInput({ id: mine.id }) }, { token: busanOfficer }))).extensions.code).toBe('NOT_FOUND');
      expect((await refused(() => app.gql(SAVE_PROFILE, { input: profileInput() }))).extensions.code).toBe('UNAUTHENTICATED');
    });

    it('says its refusals in Korean when asked, with the same codes and fields', async () => {
      const ko = { 'accept-language': 'ko' };
      const save = (change: Record<string, unknown>) => refused(() => app.gql(SAVE_PROFILE, { input: profileInput({ name: 'Checked', ...change }) }, { token: participant, headers: ko }));
      const zero = await save({ pillars: { similarity: 0, internationalisation: 0, synergy: 0, relationship: 0 } });
      expect(zero.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'pillars', message: '평가 항목 가운데 하나 이상은 가중치가 0보다 커야 합니다. 그렇지 않으면 아무것도 평가되지 않습니다.' }],
      });
      // The input's own check, with its own Korean.
      const one = await save({ starThresholds: [0.5] });
      expect(one.extensions.fields).toContainEqual({ field: 'starThresholds', message: '0 < t1 < t2 < 1인 두 수 t1, t2여야 합니다(예: [0.333, 0.667]).' });
      const builtInName = await save({ name: 'Report-Default' });
      expect(builtInName.extensions.fields).toEqual([{ field: 'name', message: '"report-default"는 기본 제공 프로필의 이름입니다. 다른 이름을 골라 주세요.' }]);
      const del = await refused(() => app.gql(DELETE_PROFILE, { id: builtIn.id }, { token: admin, headers: ko }));
      expect(del).toMatchObject({ message: '기본 제공 프로필 "report-default"는 읽기 전용이라 지울 수 없습니다.', extensions: { code: 'FORBIDDEN' } });
    });

    it('lets the owner delete their profile, audited', async () => {
      const res = await app.gqlOk<{ deleteWeightProfile: boolean }>(DELETE_PROFILE, { id: mine.id }, { token: participant });
      expect(res.deleteWeightProfile).toBe(true);
      expect(await lastAudit()).toMatchObject({ action: 'weightProfile.delete', entity_id: mine.id, after: null });
      const list = await app.gqlOk<{ weightProfiles: Profile[] }>(PROFILES, {}, { token: participant });
      expect(list.weightProfiles.map((p) => p.name)).toEqual(['report-default']);
    });
  });

});
