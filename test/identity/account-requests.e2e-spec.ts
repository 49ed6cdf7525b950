import { eventually, startTestApp, TestApp } from '../support/harness';
import { linkIn } from '../support/smtp-sink';

const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { ok message } }`;
const RESET = `mutation($email: String!) { requestPasswordReset(input: { email: $email }) { ok message } }`;

const KNOWN = 'participant@demo.twins.test';
const DISABLED = 'organiser@demo.twins.test';
const UNKNOWN = 'nobody.at.all@example.org';
const EXISTING_SIGN_UP = 'officer.liverpool@demo.twins.test';
const NEW_SIGN_UP = 'brand.new.person@example.org';

/**
 * Whether an address has an account must not show in what sign-up and
 * password reset answer, nor in the work they do before answering: both only
 * write an account request, the same way for every address, and the worker
 * does the rest after the answer has gone.
 */
describe('sign-up and password reset reveal nothing about an address', () => {
  let app: TestApp;
  beforeAll(async () => {
    // No worker at first: what the request itself does is all there is to see.
    app = await startTestApp({ worker: false });
    await app.dataSource.query(`UPDATE user_account SET disabled_at = now() WHERE email = $1`, [DISABLED]);
  });
  afterAll(() => app.close());

  /** The number of rows in every table of the database. */
  const rowCounts = async (): Promise<Record<string, number>> => {
    const tables: Array<{ name: string }> = await app.dataSource.query(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
    );
    const rows: Array<{ name: string; n: number }> = await app.dataSource.query(tables.map((t) => `SELECT '${t.name}' AS name, count(*)::int AS n FROM "${t.name}"`).join(' UNION ALL '));
    return Object.fromEntries(rows.map((r) => [r.name, r.n]));
  };

  /** What one request did to the database: the SQL statements the API ran (without their values) and the rows it added per table. */
  const footprint = async (request: () => Promise<unknown>) => {
    const before = await rowCounts();
    const statements: string[] = [];
    const logger = app.dataSource.logger;
    const original = logger.logQuery.bind(logger);
    logger.logQuery = (query, parameters, runner) => {
      statements.push(query);
      return original(query, parameters, runner);
    };
    let answer: unknown;
    try {
      answer = await request();
    } finally {
      logger.logQuery = original;
    }
    const after = await rowCounts();
    const added = Object.fromEntries(Object.keys(after).filter((t) => after[t] !== before[t]).map((t) => [t, after[t] - before[t]]));
    return { answer, statements, added };
  };

  it('a password reset does the same work for an account, a disabled account and an unknown address', async () => {
    const known = await footprint(() => app.gqlOk(RESET, { email: KNOWN }));
    const disabled = await footprint(() => app.gqlOk(RESET, { email: DISABLED }));
    const unknown = await footprint(() => app.gqlOk(RESET, { email: UNKNOWN }));
    expect(known.added).toEqual({ account_request: 1 });
    expect(known.statements.length).toBeGreaterThan(0);
    expect(known.statements.some((q) => /user_account/.test(q))).toBe(false);
    for (const other of [disabled, unknown]) {
      expect(other.answer).toEqual(known.answer);
      expect(other.statements).toEqual(known.statements);
      expect(other.added).toEqual(known.added);
    }
  });

  it('a sign-up does the same work whether or not the address has an account', async () => {
    const input = (email: string) => ({ input: { email, displayName: 'Someone New', password: 'a long enough password', preferredLanguage: 'ko', timeZone: 'Asia/Seoul' } });
    const existing = await footprint(() => app.gqlOk(SIGN_UP, input(EXISTING_SIGN_UP)));
    const fresh = await footprint(() => app.gqlOk(SIGN_UP, input(NEW_SIGN_UP)));
    expect(existing.added).toEqual({ account_request: 1 });
    expect(existing.statements.some((q) => /user_account/.test(q))).toBe(false);
    expect(fresh.answer).toEqual(existing.answer);
    expect(fresh.statements).toEqual(existing.statements);
    expect(fresh.added).toEqual(existing.added);
  });

  it('the worker then sends what each address calls for, and keeps no password hash', async () => {
    await app.startWorker();
    const pending = async () => (await app.dataSource.query(`SELECT count(*)::int AS n FROM account_request WHERE processed_at IS NULL`))[0].n as number;
    await eventually(async () => (await pending()) === 0, 15_000, 'the account requests to be processed');

    // A reset link for the account; nothing for the disabled account or the unknown address.
    const reset = await app.mail.waitFor((m) => m.to === KNOWN && /reset/i.test(m.subject));
    expect(linkIn(reset, `${app.url}/account/reset-password?token=`)).toBeTruthy();
    // "You already have an account" to the owner of the address signed up with again, in the owner's language.
    const exists = await app.mail.waitFor((m) => m.to === EXISTING_SIGN_UP && /already/.test(m.subject));
    expect(exists.text).toContain(`${app.url}/account/forgot-password`);
    // A confirmation link for the new address, in the language it chose; the account exists now.
    const confirm = await app.mail.waitFor((m) => m.to === NEW_SIGN_UP && m.subject.includes('이메일'));
    expect(linkIn(confirm, `${app.url}/account/confirm-email?token=`)).toBeTruthy();
    const [account] = await app.dataSource.query(`SELECT display_name, preferred_language, time_zone, password_hash IS NOT NULL AS has_password FROM user_account WHERE email = $1`, [NEW_SIGN_UP]);
    expect(account).toEqual({ display_name: 'Someone New', preferred_language: 'ko', time_zone: 'Asia/Seoul', has_password: true });

    // Everything due is in the outbox once the requests are processed: nothing for the other two, ever.
    const outbox: Array<{ recipient_email: string; template: string }> = await app.dataSource.query(
      `SELECT recipient_email, template FROM outbox_message WHERE recipient_email = ANY($1) ORDER BY recipient_email`,
      [[KNOWN, DISABLED, UNKNOWN, EXISTING_SIGN_UP, NEW_SIGN_UP]],
    );
    expect(outbox).toEqual([
      { recipient_email: NEW_SIGN_UP, template: 'identity.confirm-email' },
      { recipient_email: EXISTING_SIGN_UP, template: 'identity.account-exists' },
      { recipient_email: KNOWN, template: 'identity.password-reset' },
    ]);
    expect(app.mail.to(DISABLED)).toEqual([]);
    expect(app.mail.to(UNKNOWN)).toEqual([]);

    // Processed requests keep no secret: the password hashes are gone.
    const payloads: Array<{ payload: unknown }> = await app.dataSource.query(`SELECT payload FROM account_request`);
    expect(payloads).toHaveLength(5);
    expect(payloads.every((p) => JSON.stringify(p.payload) === '{}')).toBe(true);
  });
});
