import { startTestApp, TestApp } from '../support/harness';
import { codeOf, CRITERIA, F, reasonOf } from './funding-support';

/**
 * A call's rules (stages, awards, ratio, rates, criteria, scale, reviews) may
 * be corrected until it opens, checked as a new call's are; from its opening
 * they are fixed, as applicants may be relying on them.
 */
describe('seed fund: editing a call’s rules before it opens', () => {
  let app: TestApp;
  const t: Record<string, string> = {};
  const id: Record<string, string> = {};
  let fundId: string;
  let openCallId: string;
  let callId: string;
  const DAY = 86_400_000;
  const CALL = `query($id: ID!) { fundCall(id: $id) { allowedStages matchRatioPercent reviewersPerApplication scoreScaleMax referenceCurrency
    maxAward { currency amountMinor } exchangeRates { currency unitsPerReference } criteria { key weight title { en ko } } } }`;
  type Call = {
    allowedStages: string[];
    matchRatioPercent: number;
    reviewersPerApplication: number;
    scoreScaleMax: number;
    referenceCurrency: string;
    maxAward: Array<{ currency: string; amountMinor: string }>;
    exchangeRates: Array<{ currency: string; unitsPerReference: number }>;
    criteria: Array<{ key: string; weight: number; title: { en: string; ko: string } }>;
  };
  const read = async (callId: string) => (await app.gqlOk<{ fundCall: Call }>(CALL, { id: callId })).fundCall;

  beforeAll(async () => {
    app = await startTestApp();
    await app.signInDemo(t, id, ['admin', 'liverpool']);
    const funds = await app.gqlOk<{ funds: { nodes: Array<{ id: string; name: { en: string }; calls: { nodes: Array<{ id: string }> } }> } }>(F.FUNDS);
    const demo = funds.funds.nodes.find((f) => f.name.en === 'UK–Korea Innovation Twins Seed Fund')!;
    fundId = demo.id;
    openCallId = demo.calls.nodes[0].id;
    const created = await app.gqlOk<{ createFundCall: { id: string } }>(
      F.CREATE_CALL,
      {
        input: {
          fundId,
          title: { en: 'Spring call', ko: '봄 공모' },
          guidance: { en: 'Apply as a pair.', ko: '두 도시가 함께 신청하세요.' },
          opensAt: new Date(Date.now() + 10 * DAY).toISOString(),
          closesAt: new Date(Date.now() + 40 * DAY).toISOString(),
          allowedStages: ['FEASIBILITY'],
          maxAward: [
            { currency: 'GBP', amountMinor: '2000000' },
            { currency: 'KRW', amountMinor: '34000000' },
          ],
          referenceCurrency: 'GBP',
          exchangeRates: [{ currency: 'KRW', unitsPerReference: 1700 }],
          criteria: CRITERIA,
        },
      },
      { token: t.admin },
    );
    callId = created.createFundCall.id;
  });
  afterAll(() => app.close());

  it('before it opens, an admin changes its rules; the rest stays, and the audit log names what changed', async () => {
    const updated = await app.gql(
      F.UPDATE_CALL,
      {
        input: {
          id: callId,
          allowedStages: ['DISCOVERY', 'FEASIBILITY'],
          maxAward: [
            { currency: 'GBP', amountMinor: '3000000' },
            { currency: 'KRW', amountMinor: '51000000' },
          ],
          matchRatioPercent: 80,
          criteria: [
            { key: 'impact', title: { en: 'Impact', ko: '영향' }, weight: 60 },
            { key: 'partnership', title: { en: 'Partnership', ko: '파트너십' }, weight: 40 },
          ],
          reviewersPerApplication: 3,
        },
      },
      { token: t.admin },
    );
    expect(codeOf(updated)).toBe('OK');
    const call = await read(callId);
    expect(call.allowedStages).toEqual(['DISCOVERY', 'FEASIBILITY']);
    expect(call.maxAward).toEqual([
      { currency: 'GBP', amountMinor: '3000000' },
      { currency: 'KRW', amountMinor: '51000000' },
    ]);
    expect(call.matchRatioPercent).toBe(80);
    expect(call.reviewersPerApplication).toBe(3);
    expect(call.criteria.map((c) => [c.key, c.weight])).toEqual([
      ['impact', 60],
      ['partnership', 40],
    ]);
    // Left out, so kept.
    expect(call.scoreScaleMax).toBe(5);
    expect(call.referenceCurrency).toBe('GBP');
    expect(call.exchangeRates).toEqual([{ currency: 'KRW', unitsPerReference: 1700 }]);

    // The log says what changed in the reader's language, naming the call by its title in that language.
    const logIn = async (language: string) =>
      (
        await app.gqlOk<{ fund: { auditLog: { nodes: Array<{ summary: string; summaryLang: string }> } } }>(
          `query($id: ID!, $subjectId: String) { fund(id: $id) { auditLog(filter: { action: "call.updated", subjectId: $subjectId }) { nodes { summary summaryLang } } } }`,
          { id: fundId, subjectId: callId },
          { token: t.admin, headers: { 'accept-language': language } },
        )
      ).fund.auditLog.nodes[0];
    expect(await logIn('en')).toEqual({ summary: 'Edited the call “Spring call”: its stages that may apply, largest award, match ratio, criteria and reviews needed.', summaryLang: 'en' });
    expect(await logIn('ko')).toEqual({ summary: '공모 “봄 공모”의 신청할 수 있는 단계, 최대 지원금, 매칭 비율, 심사 기준, 필요한 심사 수를 고쳤습니다.', summaryLang: 'ko' });
  });

  it('rules that do not hold together are refused as a new call’s would be, and nothing changes', async () => {
    const oneCurrency = await app.gql(F.UPDATE_CALL, { input: { id: callId, maxAward: [{ currency: 'GBP', amountMinor: '100' }] } }, { token: t.admin });
    expect(codeOf(oneCurrency)).toBe('BAD_USER_INPUT');
    const twiceTheKey = await app.gql(
      F.UPDATE_CALL,
      {
        input: {
          id: callId,
          criteria: [
            { key: 'impact', title: { en: 'Impact' }, weight: 50 },
            { key: 'impact', title: { en: 'Impact again' }, weight: 50 },
          ],
        },
      },
      { token: t.admin },
    );
    expect(codeOf(twiceTheKey)).toBe('BAD_USER_INPUT');
    const call = await read(callId);
    expect(call.maxAward.map((a) => a.amountMinor)).toEqual(['3000000', '51000000']);
    expect(call.criteria).toHaveLength(2);
  });

  it('once a call has opened its rules are fixed (CONFLICT CALL_OPEN); its texts and close may still change', async () => {
    const before = await read(openCallId);
    const refused = await app.gql(F.UPDATE_CALL, { input: { id: openCallId, reviewersPerApplication: before.reviewersPerApplication + 1 } }, { token: t.admin });
    expect(codeOf(refused)).toBe('CONFLICT');
    expect(reasonOf(refused)).toBe('CALL_OPEN');
    expect((await read(openCallId)).reviewersPerApplication).toBe(before.reviewersPerApplication);
    expect(codeOf(await app.gql(F.UPDATE_CALL, { input: { id: openCallId, title: { en: 'Renamed open call', ko: '이름을 바꾼 공모' } } }, { token: t.admin }))).toBe('OK');
  });

  it('only admins change a call’s rules', async () => {
    const officer = await app.gql(F.UPDATE_CALL, { input: { id: callId, matchRatioPercent: 10 } }, { token: t.liverpool });
    expect(codeOf(officer)).toBe('FORBIDDEN');
    expect((await read(callId)).matchRatioPercent).toBe(80);
  });
});
