import { Client } from 'pg';
import type { QueryRunner } from 'typeorm';
import { FundAuditFacts1796660180029 } from '../../migrations/1796660180029-FundAuditFacts';
import { DEMO_PEOPLE } from '../support/constants';
import { startTestApp, TestApp } from '../support/harness';

const APPLICATION = '00000000-0000-4000-8000-0000000000a1';

/**
 * The migration that turned the audit log's English sentences into facts:
 * back to sentences (its down), a few lines written as the platform wrote
 * them before, and forward again. Each line read back says what happened in
 * both languages, a person's own words come apart, the sentence that cannot
 * be read back stays as recorded, and the log is append-only again after.
 */
describe('the audit log’s English sentences become facts', () => {
  let app: TestApp;
  let owner: Client;

  beforeAll(async () => {
    app = await startTestApp({ worker: false });
    owner = new Client({ connectionString: app.ownerUrl });
    await owner.connect();
  });
  afterAll(async () => {
    await owner.end();
    await app.close();
  });

  it('reads each old sentence back into facts, in one transaction, and leaves the log append-only', async () => {
    const runner = { query: async (sql: string, parameters?: unknown[]) => (await owner.query(sql, parameters)).rows } as unknown as QueryRunner;
    const migration = new FundAuditFacts1796660180029();
    const [{ fund_id: fundId, member_id: memberId }] = (await owner.query(`SELECT fund_id, id AS member_id FROM board_member ORDER BY appointed_at LIMIT 1`)).rows;
    const old: Array<[string, string, string, object]> = [
      ['ledger.contributed', 'Recorded a contribution of £250,000.00 from GB.', fundId, { currency: 'GBP', amountMinor: '25000000', countryCode: 'GB', note: 'Second tranche' }],
      ['board.rules-updated', 'Quorum now needs at least 2 voter(s) from each country.', fundId, { quorumMinPerCountry: 2 }],
      ['board.member-ended', 'Ended a board membership: 다른 부서로 옮겼습니다.', memberId, { reason: '다른 부서로 옮겼습니다.' }],
      ['application.startReview', 'ELIGIBILITY_CHECKED → UNDER_REVIEW: 2 reviewer(s) assigned.', APPLICATION, { from: 'ELIGIBILITY_CHECKED', to: 'UNDER_REVIEW', reason: '2 reviewer(s) assigned.' }],
      ['application.returnToApplicant', 'SUBMITTED → DRAFT: Add a Korean summary', APPLICATION, { from: 'SUBMITTED', to: 'DRAFT', reason: 'Add a Korean summary' }],
      ['vote.cast', '김지현 voted AGAINST.', APPLICATION, { choice: 'AGAINST' }],
      ['decision.recorded', `Recorded APPROVED for £20,000 and ₩34,000,000 (2 for, 1 against, 0 abstaining), superseding ${APPLICATION}.`, APPLICATION, { applicationId: APPLICATION, amounts: { GBP: '2000000', KRW: '34000000' }, supersedes: APPLICATION }],
      ['review.unassigned', 'A reviewer went away.', APPLICATION, {}],
    ];
    await owner.query('BEGIN');
    await migration.down(runner);
    for (const [action, summary, subjectId, detail] of old) {
      await owner.query(`INSERT INTO fund_audit_entry (fund_id, action, subject_type, subject_id, summary, detail, at) VALUES ($1, $2, 'application', $3, $4, $5, now())`, [fundId, action, subjectId, summary, JSON.stringify(detail)]);
    }
    await migration.up(runner);
    await owner.query('COMMIT');

    const token = await app.signIn(DEMO_PEOPLE.admin);
    type Entry = { action: string; summary: string; summaryLang: string; reason: string | null };
    const read = async (language: string) =>
      (await app.gqlOk<{ fund: { auditLog: { nodes: Entry[] } } }>(`query($id: ID!) { fund(id: $id) { auditLog(first: 100) { nodes { action summary summaryLang reason } } } }`, { id: fundId }, { token, headers: { 'accept-language': language } }))
        .fund.auditLog.nodes.slice(0, old.length)
        .reverse();
    expect((await read('en')).map((e) => [e.summary, e.summaryLang, e.reason])).toEqual([
      ['Recorded a contribution of £250,000 from the United Kingdom.', 'en', 'Second tranche'],
      ['A quorum now needs at least 2 voters from each country.', 'en', null],
      [expect.stringMatching(/^Ended .+’s seat on the board\.$/), 'en', '다른 부서로 옮겼습니다.'],
      ['2 reviewers assigned.', 'en', null],
      ['Returned to its applicants.', 'en', 'Add a Korean summary'],
      ['김지현 voted against.', 'en', null],
      ['Recorded the decision: approved, awarding £20,000 and ₩34,000,000 (2 for, 1 against, 0 abstaining). It supersedes the earlier decision.', 'en', null],
      ['A reviewer went away.', 'en', null],
    ]);
    expect((await read('ko')).map((e) => [e.summary, e.summaryLang])).toEqual([
      ['영국의 출연금 납입을 기록했습니다: £250,000.', 'ko'],
      ['이제 정족수를 채우려면 나라마다 2명 이상 투표해야 합니다.', 'ko'],
      [expect.stringMatching(/^.+ 님의 운영위원 임기를 끝냈습니다\.$/), 'ko'],
      ['심사위원 2명을 배정했습니다.', 'ko'],
      ['신청자에게 돌려보냈습니다.', 'ko'],
      ['김지현 님이 반대했습니다.', 'ko'],
      ['결정을 기록했습니다: 승인, 지원금 £20,000 및 ₩34,000,000(찬성 2, 반대 1, 기권 0). 이전 결정을 대신합니다.', 'ko'],
      // What cannot be read back is shown as it was recorded, marked English.
      ['A reviewer went away.', 'en'],
    ]);
    // The seed's own lines went back to sentences and came forward again whole.
    expect((await owner.query(`SELECT count(*)::int AS n FROM fund_audit_entry WHERE facts IS NULL`)).rows[0].n).toBe(1);
    // The trigger paused for the rewrite alone.
    expect((await owner.query(`SELECT tgenabled FROM pg_trigger WHERE tgname = 'fund_audit_entry_append_only'`)).rows).toEqual([{ tgenabled: 'O' }]);
    await expect(owner.query(`UPDATE fund_audit_entry SET reason = 'changed'`)).rejects.toThrow('append-only');
  });
});
