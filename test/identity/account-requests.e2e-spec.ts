import { PasswordHasher } from '@app/identity';
import { eventually, GqlResponse, startTestApp, TestApp } from '../support/harness';
import { linkIn, tokenFrom } from '../support/smtp-sink';

const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { ok message } }`;
const RESET = `mutation($email: String!) { requestPasswordReset(input: { email: $email }) { ok message } }`;
const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { accessToken } }`;
const CONFIRM = `mutation($token: String!) { confirmEmail(input: { token: $token }) { ok } }`;
const RESEND = `mutation($email: String!) { resendEmailConfirmation(input: { email: $email }) { ok message } }`;
const PASSWORD = 'a long enough password';

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
    const input = (email: string) => ({ input: { email, displayName: 'Someone New', password: PASSWORD, preferredLanguage: 'ko', timeZone: 'Asia/Seoul' } });
    const existing = await footprint(() => app.gqlOk(SIGN_UP, input(EXISTING_SIGN_UP)));
    const fresh = await footprint(() => app.gqlOk(SIGN_UP, input(NEW_SIGN_UP)));
    expect(existing.added).toEqual({ account_request: 1 });
    expect(existing.statements.some((q) => /user_account/.test(q))).toBe(false);
    expect(fresh.answer).toEqual(existing.answer);
    expect(fresh.statements).toEqual(existing.statements);
    expect(fresh.added).toEqual(existing.added);
  });

  it('the worker then sends what each address calls for; a new address has an account only once its link is confirmed', async () => {
    await app.startWorker();
    const pending = async () => (await app.dataSource.query(`SELECT count(*)::int AS n FROM account_request WHERE processed_at IS NULL`))[0].n as number;
    await eventually(async () => (await pending()) === 0, 15_000, 'the account requests to be processed');

    // A reset link for the account; nothing for the disabled account or the unknown address.
    const reset = await app.mail.waitFor((m) => m.to === KNOWN && /reset/i.test(m.subject));
    expect(linkIn(reset, `${app.url}/reset-password?token=`)).toMatch(/&lang=en$/);
    // "You already have an account" to the owner of the address signed up with again, in the owner's language.
    const exists = await app.mail.waitFor((m) => m.to === EXISTING_SIGN_UP && /already/.test(m.subject));
    expect(exists.text).toContain(`${app.url}/forgot-password?lang=en`);
    // A confirmation link for the new address, in the language it chose; no account until it is confirmed.
    const confirm = await app.mail.waitFor((m) => m.to === NEW_SIGN_UP && m.subject.includes('이메일'));
    expect(linkIn(confirm, `${app.url}/confirm-email?token=`)).toMatch(/&lang=ko$/);
    expect(await app.dataSource.query(`SELECT id FROM user_account WHERE email = $1`, [NEW_SIGN_UP])).toEqual([]);

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

    // Reset requests keep nothing; each sign-up, whichever the address, keeps only what its confirmation (or a sign-in
    // with its password) needs, until it expires like its link.
    const kept: Array<{ kind: string; keys: string[] }> = await app.dataSource.query(
      `SELECT kind, ARRAY(SELECT jsonb_object_keys(payload) ORDER BY 1) AS keys FROM account_request ORDER BY kind::text, email`,
    );
    const signUpKeys = ['displayName', 'passwordHash', 'preferredLanguage', 'timeZone'];
    expect(kept).toEqual([
      ...Array(3).fill({ kind: 'PASSWORD_RESET', keys: [] }),
      { kind: 'SIGN_UP', keys: signUpKeys },
      { kind: 'SIGN_UP', keys: signUpKeys },
    ]);
  });

  it('signing in with a sign-up\'s password answers alike, after the same work, whether or not the address had an account', async () => {
    // The worker waits meanwhile, so that nothing it does mixes with what the API does.
    await app.stopWorker();
    const verify = jest.spyOn(app.api.get(PasswordHasher), 'verify');
    const attempt = async (email: string, password: string) => {
      verify.mockClear();
      const result = await footprint(() => app.gql(SIGN_IN, { input: { email, password } }));
      return { ...result, answer: result.answer as GqlResponse<unknown>, passwordChecks: verify.mock.calls.length };
    };
    try {
      const existing = await attempt(EXISTING_SIGN_UP, PASSWORD);
      const fresh = await attempt(NEW_SIGN_UP, PASSWORD);
      expect(existing.answer.errors?.[0]).toMatchObject({
        message: expect.stringMatching(/^Please confirm your email address first:/),
        extensions: { code: 'UNAUTHENTICATED', reason: 'EMAIL_NOT_CONFIRMED' },
      });
      expect(fresh.answer).toEqual(existing.answer);
      // Nothing is sent: the link already in the inbox stays the one to open.
      expect(existing.added).toEqual({});
      expect(fresh.added).toEqual(existing.added);
      expect(fresh.statements).toEqual(existing.statements);
      expect(existing.statements.some((q) => /outbox|one_time_token/.test(q))).toBe(false);
      expect(fresh.passwordChecks).toBe(existing.passwordChecks);

      // Any other password: the usual refusal for both, after the same work again.
      const existingWrong = await attempt(EXISTING_SIGN_UP, 'not the password given');
      const freshWrong = await attempt(NEW_SIGN_UP, 'not the password given');
      expect(existingWrong.answer.errors?.[0].message).toMatch(/email or password is not right/);
      expect(freshWrong.answer).toEqual(existingWrong.answer);
      expect(freshWrong.statements).toEqual(existingWrong.statements);
      expect(freshWrong.passwordChecks).toBe(existingWrong.passwordChecks);
    } finally {
      verify.mockRestore();
    }

    // Asking for the link again does the same work for both addresses; then the worker emails each what it needs:
    // its owner that it has an account, the new address a new link.
    const resendExisting = await footprint(() => app.gqlOk(RESEND, { email: EXISTING_SIGN_UP }));
    const resendFresh = await footprint(() => app.gqlOk(RESEND, { email: NEW_SIGN_UP }));
    expect(resendExisting.added).toEqual({ account_request: 1 });
    expect(resendFresh).toEqual(resendExisting);
    await app.startWorker();
    await app.mail.waitFor(() => app.mail.to(EXISTING_SIGN_UP).filter((m) => /already/.test(m.subject)).length >= 2);
    await app.mail.waitFor(() => app.mail.to(NEW_SIGN_UP).filter((m) => m.subject.includes('이메일')).length >= 2);
  });

  it('the link creates the account the sign-up asked for; passwords of sign-ups are forgotten when they expire', async () => {
    // The first link still works after a second was sent; using it uses the second too.
    const [first, second] = app.mail.to(NEW_SIGN_UP).map((m) => tokenFrom(linkIn(m, `${app.url}/confirm-email?token=`)));
    expect(second).not.toBe(first);
    await app.gqlOk(CONFIRM, { token: first });
    const again = await app.gql(CONFIRM, { token: second });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'LINK_USED' });
    const [account] = await app.dataSource.query(
      `SELECT display_name, preferred_language, time_zone, email_confirmed_at IS NOT NULL AS confirmed FROM user_account WHERE email = $1`,
      [NEW_SIGN_UP],
    );
    expect(account).toEqual({ display_name: 'Someone New', preferred_language: 'ko', time_zone: 'Asia/Seoul', confirmed: true });
    expect(await app.signIn(NEW_SIGN_UP, PASSWORD)).toBeTruthy();
    // Its password hash is the account's now: the sign-up keeps none.
    const [newSignUp] = await app.dataSource.query(`SELECT payload FROM account_request WHERE kind = 'SIGN_UP' AND email = $1`, [NEW_SIGN_UP]);
    expect(newSignUp.payload).toEqual({});

    // Once a link would have expired, a sign-up's password is recognised no more, and the worker empties it.
    const later = (app.config.EMAIL_CONFIRMATION_TTL_HOURS + 1) * 3600_000;
    app.clock.advance(later);
    app.workerClock!.advance(later);
    try {
      const res = await app.gql(SIGN_IN, { input: { email: EXISTING_SIGN_UP, password: PASSWORD } });
      expect(res.errors?.[0].message).toMatch(/email or password is not right/);
      const kept = async () => (await app.dataSource.query(`SELECT count(*)::int AS n FROM account_request WHERE payload <> '{}'::jsonb`))[0].n as number;
      await eventually(async () => (await kept()) === 0, 15_000, 'expired sign-ups to be emptied');
    } finally {
      app.clock.reset();
      app.workerClock?.reset();
    }
  });
});

describe('an account request the worker cannot answer', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('is tried again after a growing wait, not burnt through every attempt at once', async () => {
    // A reminder for a sign-up id that is no uuid fails in the database on every attempt.
    const [{ id }]: Array<{ id: string }> = await app.dataSource.query(
      `INSERT INTO account_request (kind, email, payload) VALUES ('CONFIRMATION_REMINDER', 'broken@example.org', '{"signUpId": "not-a-uuid"}') RETURNING id`,
    );
    const state = async () =>
      (await app.dataSource.query(`SELECT attempts, retry_at, last_error FROM account_request WHERE id = $1`, [id]))[0] as { attempts: number; retry_at: Date | null; last_error: string | null };
    await eventually(async () => (await state()).attempts >= 1, 10_000, 'a first failed attempt');
    // Many polls later (every 100 ms here) it still waits for its retry time.
    await new Promise((r) => setTimeout(r, 1500));
    const first = await state();
    expect(first.attempts).toBe(1);
    expect(first.last_error).toMatch(/uuid/);
    expect(first.retry_at!.getTime() - Date.now()).toBeGreaterThan(20_000);
    // Once its time has come, the next attempt, with a longer wait after it.
    app.workerClock!.advance(31_000);
    try {
      await eventually(async () => (await state()).attempts >= 2, 10_000, 'a second attempt');
      const second = await state();
      expect(second.attempts).toBe(2);
      expect(second.retry_at!.getTime() - first.retry_at!.getTime()).toBeGreaterThan(30_000);
    } finally {
      app.workerClock!.reset();
    }
  });
});
