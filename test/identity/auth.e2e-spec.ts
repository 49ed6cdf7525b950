import { randomUUID } from 'node:crypto';
import { PasswordHasher } from '@app/identity';
import { linkIn, ReceivedMail, tokenFrom } from '../support/smtp-sink';
import { startTestApp, TestApp } from '../support/harness';

const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { ok message } }`;
const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { accessToken refreshToken user { id email displayName } } }`;
const REFRESH = `mutation($input: RefreshSessionInput!) { refreshSession(input: $input) { accessToken refreshToken } }`;
const ME = `query { me { id email displayName preferredLanguage timeZone roles } }`;

describe('accounts and sessions', () => {
  let app: TestApp;
  beforeAll(async () => {
    // Low sign-in limits, the per-(address, account) one below the per-account one as the configuration requires.
    app = await startTestApp({ env: { SIGNIN_MAX_PER_ACCOUNT: '4', SIGNIN_MAX_PER_ADDRESS_ACCOUNT: '3', SIGNIN_MAX_PER_ADDRESS: '1000' } });
  });
  afterAll(() => app.close());

  it('signs up, confirms by the emailed link, then signs in', async () => {
    const email = 'Min-Ji.Kim@Example.org';
    const res = await app.gqlOk(SIGN_UP, {
      input: { email, displayName: '김민지', password: 'correct horse battery', preferredLanguage: 'ko', timeZone: 'Asia/Seoul' },
    });
    expect(res).toEqual({ signUp: { ok: true, message: expect.stringContaining('inbox') } });

    // The worker creates the account and emails the link: in Korean, to the lower-cased address.
    const mails = await app.mail.waitFor((m) => m.to === 'min-ji.kim@example.org' && m.subject.includes('이메일'));
    expect(mails.text).toContain('김민지');

    // Not confirmed yet: sign-in says so, by its reason, and sends nothing.
    const early = await app.gql(SIGN_IN, { input: { email, password: 'correct horse battery' } });
    expect(early.errors?.[0]).toMatchObject({ message: expect.stringMatching(/confirm your email/i), extensions: { code: 'UNAUTHENTICATED', reason: 'EMAIL_NOT_CONFIRMED' } });
    // Asked for, a second link comes; the first keeps working meanwhile.
    await app.gqlOk(`mutation { resendEmailConfirmation(input: { email: "${email}" }) { ok } }`);
    await app.mail.waitFor(() => app.mail.to('min-ji.kim@example.org').length >= 2);
    expect(app.mail.to('min-ji.kim@example.org')).toHaveLength(2);
    const [first, second] = app.mail.to('min-ji.kim@example.org').map((m) => linkIn(m, `${app.url}/confirm-email`));
    const LINK = `query($token: String!) { emailedLink(token: $token) { purpose state email hasAccount } }`;
    const stateOf = async (link: string) => (await app.gqlOk<{ emailedLink: { state: string } | null }>(LINK, { token: tokenFrom(link) })).emailedLink;
    expect(await stateOf(first)).toEqual({ purpose: 'EMAIL_CONFIRMATION', state: 'VALID', email: 'min-ji.kim@example.org', hasAccount: false });
    expect(await stateOf(second)).toMatchObject({ state: 'VALID' });
    // A token the platform never sent tells nothing.
    expect((await app.gqlOk<{ emailedLink: unknown }>(LINK, { token: `${randomUUID()}.not-the-secret` })).emailedLink).toBeNull();
    // The link opens the web app's page, in the email's language; the address emails used to link to sends there too.
    expect(new URL(first).pathname).toBe('/confirm-email');
    expect(new URL(first).searchParams.get('lang')).toBe('ko');
    const old = await fetch(`${app.url}/account/confirm-email?token=${encodeURIComponent(tokenFrom(first))}`, { redirect: 'manual' });
    expect(old.status).toBe(302);
    expect(old.headers.get('location')).toBe(`/confirm-email?token=${encodeURIComponent(tokenFrom(first))}`);
    // Opening a page confirms nothing (a mail scanner following the link); the button's mutation does, once.
    const CONFIRM = `mutation($token: String!) { confirmEmail(input: { token: $token }) { ok } }`;
    expect(await stateOf(first)).toMatchObject({ state: 'VALID' });
    await app.gqlOk(CONFIRM, { token: tokenFrom(first) });
    expect(await stateOf(first)).toMatchObject({ state: 'LINK_USED', hasAccount: true });
    // The other link has nothing left to do: used, with words and a reason saying so.
    const again = await app.gql(CONFIRM, { token: tokenFrom(second) });
    expect(again.errors?.[0]).toMatchObject({ message: expect.stringMatching(/already been used/), extensions: { code: 'BAD_USER_INPUT', reason: 'LINK_USED' } });

    const signIn = await app.gqlOk<{ signIn: { accessToken: string; user: { email: string } } }>(SIGN_IN, {
      input: { email: 'MIN-JI.KIM@EXAMPLE.ORG', password: 'correct horse battery' },
    });
    expect(signIn.signIn.user.email).toBe('min-ji.kim@example.org');
    const me = await app.gqlOk<{ me: { roles: string[]; preferredLanguage: string } }>(ME, {}, { token: signIn.signIn.accessToken });
    expect(me.me).toMatchObject({ roles: [], preferredLanguage: 'ko', timeZone: 'Asia/Seoul' });
  });

  it('a second sign-up with an address leaves the first one\'s link working: whoever opens their own link gets the account', async () => {
    const email = 'new.starter@example.org';
    const confirmations = () => app.mail.to(email).filter((m) => /Confirm/.test(m.subject));
    const linkOf = (mail: ReceivedMail) => tokenFrom(linkIn(mail, `${app.url}/confirm-email`));
    // The owner signs up; someone else signs up with the same address a moment later, with their own password.
    await app.gqlOk(SIGN_UP, { input: { email, displayName: 'New Starter', password: 'the owners own password' } });
    await app.mail.waitFor(() => confirmations().length >= 1);
    await app.gqlOk(SIGN_UP, { input: { email, displayName: 'New Starter', password: 'someone elses password' } });
    await app.mail.waitFor(() => confirmations().length >= 2);
    const [owners, others] = confirmations();
    const CONFIRM = `mutation($token: String!) { confirmEmail(input: { token: $token }) { ok } }`;
    // The owner's link still works and creates the account with the owner's password.
    await app.gqlOk(CONFIRM, { token: linkOf(owners) });
    expect(await app.signIn(email, 'the owners own password')).toBeTruthy();
    // The other link then creates nothing, and the other password opens nothing.
    expect((await app.gql(CONFIRM, { token: linkOf(others) })).errors?.[0].extensions.code).toBe('CONFLICT');
    expect((await app.gql(SIGN_IN, { input: { email, password: 'someone elses password' } })).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('someone who lost the confirmation link gets it again by asking for a password reset', async () => {
    const email = 'lost.link@example.org';
    const confirmations = () => app.mail.to(email).filter((m) => /Confirm/.test(m.subject));
    await app.gqlOk(SIGN_UP, { input: { email, displayName: 'Lost Link', password: 'a password for lost link' } });
    await app.mail.waitFor(() => confirmations().length >= 1);
    // No account yet, so no reset link: the sign-up's confirmation link instead, which creates the account.
    await app.gqlOk(`mutation { requestPasswordReset(input: { email: "${email}" }) { ok } }`);
    await app.mail.waitFor(() => confirmations().length >= 2);
    expect(app.mail.to(email).map((m) => m.subject).filter((subject) => /reset/i.test(subject))).toEqual([]);
    await app.gqlOk(`mutation($token: String!) { confirmEmail(input: { token: $token }) { ok } }`, {
      token: tokenFrom(linkIn(confirmations().at(-1)!, `${app.url}/confirm-email`)),
    });
    expect(await app.signIn(email, 'a password for lost link')).toBeTruthy();
  });

  it('signing up with an address that has an account answers the same and emails its owner', async () => {
    const res = await app.gqlOk(SIGN_UP, { input: { email: 'participant@demo.twins.test', displayName: 'X', password: 'another password 1' } });
    expect(res).toEqual({ signUp: { ok: true, message: expect.stringContaining('inbox') } });
    const mail = await app.mail.waitFor((m) => m.to === 'participant@demo.twins.test' && /already/.test(m.subject));
    expect(mail.text).toContain('/forgot-password?lang=en');
  });

  it('rejects bad sign-up input field by field', async () => {
    const res = await app.gql(SIGN_UP, { input: { email: 'not-an-email', displayName: '', password: 'short', timeZone: 'Mars/Olympus' } });
    expect(res.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    const fields = res.errors?.[0].extensions.fields?.map((f) => f.field).sort();
    expect(fields).toEqual(['displayName', 'email', 'password', 'timeZone']);
    expect(res.errors?.[0].extensions.fields?.find((f) => f.field === 'timeZone')?.message).toMatch(/IANA time zone/);
  });

  it('says refusals, field problems and what happens next in Korean when the request asks for it, with the same codes and reasons', async () => {
    const ko = { headers: { 'accept-language': 'ko' } };
    const wrong = await app.gql(SIGN_IN, { input: { email: 'nobody.ko@example.org', password: 'whatever-it-is' } }, ko);
    expect(wrong.errors?.[0]).toMatchObject({ message: '이메일 주소나 비밀번호가 맞지 않습니다. 확인한 뒤 다시 시도해 주세요.', extensions: { code: 'UNAUTHENTICATED' } });
    // Decorators' own Korean, with the limits they declare.
    const bad = await app.gql(SIGN_UP, { input: { email: 'not-an-email', displayName: 'Kim', password: 'short' } }, ko);
    expect(bad.errors?.[0].extensions.fields).toEqual([
      { field: 'email', message: 'name@example.org 같은 이메일 주소여야 합니다.' },
      { field: 'password', message: expect.stringMatching(/^\d+~\d+자로 정해 주세요\.$/) },
    ]);
    const signedUp = await app.gql<{ signUp: { message: string } }>(SIGN_UP, { input: { email: 'ko.signup@example.org', displayName: '이서연', password: 'a-long-enough-password' } }, ko);
    expect(signedUp.errors).toBeUndefined();
    expect(signedUp.data?.signUp.message).toBe('받은편지함을 확인해 주세요. 이메일 주소를 확인할 링크를 보내 드렸습니다.');
    const forged = await app.gql(`mutation($input: TokenInput!) { confirmEmail(input: $input) { ok } }`, { input: { token: `${randomUUID()}.a-forged-secret` } }, ko);
    expect(forged.errors?.[0].extensions.fields).toEqual([
      { field: 'token', message: '유효하지 않은 이메일 확인 링크입니다. 링크 전체를 복사했는지 확인하거나 새 링크를 요청해 주세요.' },
    ]);
    const admin = await app.signIn('admin@demo.twins.test');
    const { me } = await app.gqlOk<{ me: { id: string } }>(ME, {}, { token: admin });
    const own = await app.gql(`mutation($input: SetUserDisabledInput!) { setUserDisabled(input: $input) { id } }`, { input: { userId: me.id, disabled: true } }, { token: admin, ...ko });
    expect(own.errors?.[0]).toMatchObject({ message: '자신의 계정은 비활성화할 수 없습니다.', extensions: { code: 'CONFLICT', reason: 'OWN_ACCOUNT' } });
    const expired = await app.gql(ME, {}, { token: 'not-a-token', ...ko });
    expect(expired.errors?.[0]).toMatchObject({ message: '로그인 상태가 유효하지 않습니다(액세스 토큰이 올바르지 않습니다). 다시 로그인해 주세요.', extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('never reveals whether an email exists when sign-in fails', async () => {
    const unknown = await app.gql(SIGN_IN, { input: { email: 'nobody@example.org', password: 'whatever-it-is' } });
    const wrong = await app.gql(SIGN_IN, { input: { email: 'officer.busan@demo.twins.test', password: 'whatever-it-is' } });
    expect(unknown.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(wrong.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(unknown.errors?.[0].message).toBe(wrong.errors?.[0].message);
  });

  it('rate-limits failed sign-ins to an account from one address, whether or not it exists, and a success resets the count', async () => {
    const tryIt = (email: string, password: string) => app.gql(SIGN_IN, { input: { email, password } });
    for (const email of ['board.uk@demo.twins.test', 'ghost@example.org']) {
      for (let i = 0; i < 3; i++) expect((await tryIt(email, 'wrong password!')).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
      const limited = await tryIt(email, 'wrong password!');
      expect(limited.errors?.[0].extensions.code).toBe('RATE_LIMITED');
      expect(limited.errors?.[0].extensions.retryAfterSeconds).toBeGreaterThan(0);
    }
    // Even the right password waits out the window.
    const right = await tryIt('board.uk@demo.twins.test', app.env.DEMO_PASSWORD);
    expect(right.errors?.[0].extensions.code).toBe('RATE_LIMITED');
    // Another account is unaffected, and two failures then a success start from zero.
    const other = 'organiser@demo.twins.test';
    await tryIt(other, 'wrong password!');
    await tryIt(other, 'wrong password!');
    expect((await tryIt(other, app.env.DEMO_PASSWORD)).errors).toBeUndefined();
    await tryIt(other, 'wrong password!');
    await tryIt(other, 'wrong password!');
    expect((await tryIt(other, app.env.DEMO_PASSWORD)).errors).toBeUndefined();
  });

  it('rotates refresh tokens and revokes the session when a used one comes back', async () => {
    const first = await app.signInTokens('officer.liverpool@demo.twins.test');
    const second = (await app.gqlOk<{ refreshSession: { accessToken: string; refreshToken: string } }>(REFRESH, { input: { refreshToken: first.refreshToken } })).refreshSession;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect((await app.gql(ME, {}, { token: second.accessToken })).data).toBeTruthy();

    // The old token again, after the grace for a lost answer: reuse. The whole session ends, including the newest tokens.
    app.clock.advance((app.config.REFRESH_REUSE_GRACE_SECONDS + 1) * 1000);
    const reuse = await app.gql(REFRESH, { input: { refreshToken: first.refreshToken } });
    expect(reuse.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(reuse.errors?.[0].message).toMatch(/used again/);
    expect((await app.gql(REFRESH, { input: { refreshToken: second.refreshToken } })).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    const me = await app.gql(ME, {}, { token: second.accessToken });
    expect(me.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(me.errors?.[0].message).toMatch(/signed out/);
    app.clock.reset();
  });

  it('refuses a refresh token that is malformed or forged', async () => {
    const { refreshToken } = await app.signInTokens('officer.liverpool@demo.twins.test');
    const [id] = refreshToken.split('.');
    for (const token of ['garbage-token-value', `${id}.forged-secret-value`]) {
      const res = await app.gql(REFRESH, { input: { refreshToken: token } });
      expect(res.errors?.[0].extensions.code).toMatch(/UNAUTHENTICATED|BAD_USER_INPUT/);
    }
    // The genuine one still works: a forgery does not burn it.
    expect((await app.gql(REFRESH, { input: { refreshToken } })).errors).toBeUndefined();
  });

  it('signs out: the access token and refresh token stop working', async () => {
    const tokens = await app.signInTokens('participant@demo.twins.test');
    await app.gqlOk(`mutation { signOut { ok } }`, {}, { token: tokens.accessToken });
    expect((await app.gql(ME, {}, { token: tokens.accessToken })).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await app.gql(REFRESH, { input: { refreshToken: tokens.refreshToken } })).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('lists where you are signed in, marks this session, and ends another one alone', async () => {
    const here = await app.signInTokens('participant@demo.twins.test');
    const there = await app.signInTokens('participant@demo.twins.test');
    const SESSIONS = `query { mySessions { id current } }`;
    const mine = (await app.gqlOk<{ mySessions: Array<{ id: string; current: boolean }> }>(SESSIONS, {}, { token: here.accessToken })).mySessions;
    const current = mine.filter((s) => s.current);
    expect(current).toHaveLength(1);
    const other = (await app.gqlOk<{ mySessions: Array<{ id: string; current: boolean }> }>(SESSIONS, {}, { token: there.accessToken })).mySessions.find((s) => s.current)!;
    expect(other.id).not.toBe(current[0].id);

    const REVOKE = `mutation($id: ID!) { revokeMySession(id: $id) { ok } }`;
    expect(await app.gqlOk(REVOKE, { id: other.id }, { token: here.accessToken })).toEqual({ revokeMySession: { ok: true } });
    expect((await app.gql(REFRESH, { input: { refreshToken: there.refreshToken } })).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await app.gqlOk<{ me: { id: string } }>(ME, {}, { token: here.accessToken })).me.id).toBeTruthy();
    // Someone else's session, or one already ended, is not found.
    const admin = await app.signIn('admin@demo.twins.test');
    expect((await app.gql(REVOKE, { id: current[0].id }, { token: admin })).errors?.[0].extensions.code).toBe('NOT_FOUND');
    expect((await app.gql(REVOKE, { id: other.id }, { token: here.accessToken })).errors?.[0].extensions.code).toBe('NOT_FOUND');
  });

  it('resets a password by emailed link: single use, expiring, and it ends other sessions', async () => {
    const email = 'officer.busan@demo.twins.test';
    const before = await app.signInTokens(email);
    const request = `mutation($email: String!) { requestPasswordReset(input: { email: $email }) { ok message } }`;
    const reset = `mutation($token: String!, $pw: String!) { resetPassword(input: { token: $token, newPassword: $pw }) { ok } }`;

    // Unknown addresses get the same answer and no email.
    const unknown = await app.gqlOk<{ requestPasswordReset: { message: string } }>(request, { email: 'nobody@example.org' });
    const known = await app.gqlOk<{ requestPasswordReset: { message: string } }>(request, { email });
    expect(unknown).toEqual(known);

    const mail = await app.mail.waitFor((m) => m.to === email && m.subject.includes('비밀번호 재설정'));
    const token = tokenFrom(linkIn(mail, `${app.url}/reset-password`));
    // The address older emails linked to opens the web app's page, which the link names itself now.
    const old = await fetch(`${app.url}/account/reset-password?token=${encodeURIComponent(token)}`, { redirect: 'manual' });
    expect([old.status, old.headers.get('location')]).toEqual([302, `/reset-password?token=${encodeURIComponent(token)}`]);

    await app.gqlOk(reset, { token, pw: 'a brand new password' });
    const again = await app.gql(reset, { token, pw: 'yet another password' });
    expect(again.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'token', message: expect.stringMatching(/already been used/) }] } });

    expect((await app.gql(ME, {}, { token: before.accessToken })).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(await app.signIn(email, 'a brand new password')).toBeTruthy();
    await app.mail.waitFor((m) => m.to === email && m.subject.includes('변경'));

    // A second link, used after it expires, is refused.
    await app.gqlOk(request, { email });
    await app.mail.waitFor((m) => m.to === email && app.mail.to(email).filter((x) => x.subject.includes('재설정')).length >= 2);
    const latest = app.mail.to(email).filter((x) => x.subject.includes('재설정')).pop()!;
    app.clock.advance(61 * 60_000);
    try {
      const late = await app.gql(reset, { token: tokenFrom(linkIn(latest, `${app.url}/reset-password`)), pw: 'too late password' });
      expect(late.errors?.[0].extensions).toMatchObject({ reason: 'LINK_EXPIRED', fields: [{ message: expect.stringMatching(/expired/) }] });
    } finally {
      app.clock.reset();
    }
  });

  it('refuses a reset link that is not current before hashing the new password, and a real one works once, even twice at once', async () => {
    const email = 'board.uk2@demo.twins.test';
    const reset = `mutation($token: String!, $pw: String!) { resetPassword(input: { token: $token, newPassword: $pw }) { ok } }`;
    const viaForm = (token: string, newPassword: string) =>
      fetch(`${app.url}/account/reset-password`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token, newPassword }).toString(),
      });
    await app.gqlOk(`mutation { requestPasswordReset(input: { email: "${email}" }) { ok } }`);
    const mail = await app.mail.waitFor((m) => m.to === email && /reset/i.test(m.subject));
    const token = tokenFrom(linkIn(mail, `${app.url}/reset-password`));
    const [id] = token.split('.');

    // Every hash the API computes goes through PasswordHasher (argon2, about 130 ms each): count them.
    const hashes = jest.spyOn(app.api.get(PasswordHasher), 'hash');
    try {
      const forged = [`${id}.a-forged-secret-of-some-length`, `${randomUUID()}.${token.split('.')[1]}`];
      for (const bad of forged) {
        const res = await app.gql(reset, { token: bad, pw: 'an attackers password' });
        expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'token' }] });
        const page = await viaForm(bad, 'an attackers password');
        expect(page.status).toBe(400);
        expect(await page.text()).toContain('is not valid');
      }
      expect(hashes).not.toHaveBeenCalled();

      // The genuine link, sent twice at once: exactly one request sets its password.
      const answers = await Promise.all([
        app.gql(reset, { token, pw: 'first of two passwords' }),
        app.gql(reset, { token, pw: 'second of two passwords' }),
      ]);
      expect(answers.filter((a) => !a.errors)).toHaveLength(1);
      const refused = answers.find((a) => a.errors)!;
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'token', message: expect.stringMatching(/already been used/) }] });
      const winner = answers[0].errors ? 'second of two passwords' : 'first of two passwords';
      const loser = answers[0].errors ? 'first of two passwords' : 'second of two passwords';
      expect(await app.signIn(email, winner)).toBeTruthy();
      expect((await app.gql(SIGN_IN, { input: { email, password: loser } })).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');

      // Used now: refused again without a hash, by the mutation and by the form.
      hashes.mockClear();
      expect((await app.gql(reset, { token, pw: 'a third password here' })).errors?.[0].extensions.fields?.[0].message).toMatch(/already been used/);
      expect((await viaForm(token, 'a third password here')).status).toBe(400);
      expect(hashes).not.toHaveBeenCalled();
    } finally {
      hashes.mockRestore();
    }
  });

  it('resets a password through the form the link opens', async () => {
    const email = 'board.kr@demo.twins.test';
    await app.gqlOk(`mutation { requestPasswordReset(input: { email: "${email}" }) { ok } }`);
    const mail = await app.mail.waitFor((m) => m.to === email && m.subject.includes('재설정'));
    const token = tokenFrom(linkIn(mail, `${app.url}/reset-password`));
    const post = (newPassword: string) =>
      fetch(`${app.url}/account/reset-password`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token, newPassword }).toString(),
      });
    const short = await post('short');
    expect(short.status).toBe(400);
    expect(await short.text()).toContain('The new password must be 10 to 200 characters long');
    const res = await post('password from the form');
    expect(res.status).toBe(200);
    expect(await app.signIn(email, 'password from the form')).toBeTruthy();
  });

  it('an admin invites someone; accepting creates a confirmed account with the roles', async () => {
    const admin = await app.signIn('admin@demo.twins.test');
    const invite = `mutation($input: InviteUserInput!) { inviteUser(input: $input) { ok } }`;
    await app.gqlOk(invite, { input: { email: 'new.organiser@example.org', roles: ['EVENT_ORGANISER'], language: 'ko' } }, { token: admin });
    const mail = await app.mail.waitFor((m) => m.to === 'new.organiser@example.org');
    expect(mail.subject).toContain('초대');
    const token = tokenFrom(linkIn(mail, `${app.url}/accept-invitation`));

    const accept = `mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { email accountCreated } }`;
    const missing = await app.gql(accept, { input: { token } });
    expect(missing.errors?.[0].extensions.fields?.[0].field).toBe('displayName');
    // The failed attempt rolled back: the token still works.
    const ok = await app.gqlOk(accept, { input: { token, displayName: 'New Organiser', password: 'organiser password 1' } });
    expect(ok).toEqual({ acceptInvitation: { email: 'new.organiser@example.org', accountCreated: true } });
    expect((await app.gql(accept, { input: { token, displayName: 'x', password: 'organiser password 1' } })).errors?.[0].extensions.code).toBe('BAD_USER_INPUT');

    const access = await app.signIn('new.organiser@example.org', 'organiser password 1');
    const me = await app.gqlOk<{ me: { roles: string[] } }>(ME, {}, { token: access });
    expect(me.me.roles).toEqual(['EVENT_ORGANISER']);
  });

  it('refuses an invitation token that is not current before hashing the password offered with it', async () => {
    const accept = `mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { accountCreated } }`;
    const hashes = jest.spyOn(app.api.get(PasswordHasher), 'hash');
    try {
      const res = await app.gql(accept, { input: { token: `${randomUUID()}.a-forged-secret-value`, displayName: 'Nobody', password: 'a password to hash' } });
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'token', message: expect.stringMatching(/not valid/) }] });
      expect(hashes).not.toHaveBeenCalled();
    } finally {
      hashes.mockRestore();
    }
  });

  it('signing up with someone else\'s address gives no account: an invitation to it creates the invitee\'s, and the sign-up\'s link no longer works', async () => {
    const email = 'future.admin@example.org';
    const confirmations = () => app.mail.to(email).filter((m) => /Confirm/.test(m.subject));
    // Someone registers the address first, with their own password, and cannot confirm it.
    await app.gqlOk(SIGN_UP, { input: { email, displayName: 'Squatter', password: 'squatters password' } });
    await app.mail.waitFor((m) => m.to === email && /Confirm/.test(m.subject));
    const squatter = await app.gql(SIGN_IN, { input: { email, password: 'squatters password' } });
    expect(squatter.errors?.[0]).toMatchObject({ message: expect.stringMatching(/confirm your email/i), extensions: { code: 'UNAUTHENTICATED', reason: 'EMAIL_NOT_CONFIRMED' } });
    await app.gqlOk(`mutation { resendEmailConfirmation(input: { email: "${email}" }) { ok } }`);
    await app.mail.waitFor(() => confirmations().length >= 2);
    // The address has no account: the sign-up waits for a confirmation only the address's owner can give.
    expect(await app.dataSource.query(`SELECT id FROM user_account WHERE email = $1`, [email])).toEqual([]);

    const admin = await app.signIn('admin@demo.twins.test');
    await app.gqlOk(`mutation { inviteUser(input: { email: "${email}", roles: [ADMIN] }) { ok } }`, {}, { token: admin });
    const mail = await app.mail.waitFor((m) => m.to === email && /invited/.test(m.subject));
    const token = tokenFrom(linkIn(mail, `${app.url}/accept-invitation`));
    const accept = `mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { accountCreated } }`;
    expect((await app.gql(accept, { input: { token } })).errors?.[0].extensions.fields?.[0].field).toBe('displayName');
    expect(await app.gqlOk(accept, { input: { token, displayName: 'Rightful Owner', password: 'the owners password' } })).toEqual({ acceptInvitation: { accountCreated: true } });

    // The squatter's password opens nothing; the invitee's does, with the role.
    expect((await app.gql(SIGN_IN, { input: { email, password: 'squatters password' } })).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    const owner = await app.signIn(email, 'the owners password');
    expect((await app.gqlOk<{ me: { roles: string[]; displayName: string } }>(ME, {}, { token: owner })).me).toMatchObject({ roles: ['ADMIN'], displayName: 'Rightful Owner' });
    // The sign-up's link, opened now, creates nothing: the address has its account.
    const late = await app.gql(`mutation($token: String!) { confirmEmail(input: { token: $token }) { ok } }`, {
      token: tokenFrom(linkIn(confirmations().at(-1)!, `${app.url}/confirm-email`)),
    });
    expect(late.errors?.[0]).toMatchObject({ message: expect.stringMatching(/already has an account/), extensions: { code: 'CONFLICT' } });
    expect(await app.signIn(email, 'the owners password')).toBeTruthy();
  });

  it('an invitation to an address whose account an earlier version left unconfirmed gives the account to the invitee', async () => {
    // Sign-ups used to create the account at once, unconfirmed, with the password of whoever signed up.
    const email = 'earlier.squatter@example.org';
    const hash = await app.api.get(PasswordHasher).hash('squatters password');
    await app.dataSource.query(`INSERT INTO user_account (email, display_name, password_hash) VALUES ($1, 'Squatter', $2)`, [email, hash]);
    const squatter = await app.gql(SIGN_IN, { input: { email, password: 'squatters password' } });
    expect(squatter.errors?.[0]).toMatchObject({ message: expect.stringMatching(/confirm your email/i), extensions: { reason: 'EMAIL_NOT_CONFIRMED' } });
    // Asked for, its confirmation link is emailed again, as before.
    await app.gqlOk(`mutation { resendEmailConfirmation(input: { email: "${email}" }) { ok } }`);
    await app.mail.waitFor((m) => m.to === email && /Confirm/.test(m.subject));

    const admin = await app.signIn('admin@demo.twins.test');
    await app.gqlOk(`mutation { inviteUser(input: { email: "${email}", roles: [ADMIN] }) { ok } }`, {}, { token: admin });
    const mail = await app.mail.waitFor((m) => m.to === email && /invited/.test(m.subject));
    const token = tokenFrom(linkIn(mail, `${app.url}/accept-invitation`));
    const accept = `mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { accountCreated } }`;
    const withoutPassword = await app.gql(accept, { input: { token } });
    expect(withoutPassword.errors?.[0].extensions.fields?.[0].field).toBe('password');
    await app.gqlOk(accept, { input: { token, displayName: 'Rightful Owner', password: 'the owners password' } });

    // The squatter's password no longer opens it; the invitee's does, with the role.
    expect((await app.gql(SIGN_IN, { input: { email, password: 'squatters password' } })).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    const owner = await app.signIn(email, 'the owners password');
    expect((await app.gqlOk<{ me: { roles: string[]; displayName: string } }>(ME, {}, { token: owner })).me).toMatchObject({ roles: ['ADMIN'], displayName: 'Rightful Owner' });
  });

  it('admins grant and revoke roles; others may not, and see only what is theirs to see', async () => {
    const admin = await app.signIn('admin@demo.twins.test');
    const officer = await app.signIn('officer.liverpool@demo.twins.test');
    const { users } = await app.gqlOk<{ users: { nodes: Array<{ id: string; email: string }> } }>(
      `query { users(filter: { search: "participant" }) { nodes { id email } } }`, {}, { token: admin });
    const participant = users.nodes[0];
    expect(participant.email).toBe('participant@demo.twins.test');

    const grant = `mutation($input: UserRoleInput!) { grantRole(input: $input) { roles } }`;
    expect((await app.gql(grant, { input: { userId: participant.id, role: 'BOARD_MEMBER' } }, { token: officer })).errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect((await app.gql(grant, { input: { userId: participant.id, role: 'BOARD_MEMBER' } })).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await app.gqlOk<{ grantRole: { roles: string[] } }>(grant, { input: { userId: participant.id, role: 'BOARD_MEMBER' } }, { token: admin })).grantRole.roles).toEqual(['BOARD_MEMBER']);
    const revoked = await app.gqlOk<{ revokeRole: { roles: string[] } }>(`mutation($input: UserRoleInput!) { revokeRole(input: $input) { roles } }`, { input: { userId: participant.id, role: 'BOARD_MEMBER' } }, { token: admin });
    expect(revoked.revokeRole.roles).toEqual([]);

    // A non-admin reads another person's public name but not their email or roles.
    expect((await app.gql(`query { users { totalCount } }`, {}, { token: officer })).errors?.[0].extensions.code).toBe('FORBIDDEN');
  });

  it('updates the profile with validation', async () => {
    const token = await app.signIn('participant@demo.twins.test');
    const update = `mutation($input: UpdateProfileInput!) { updateMyProfile(input: $input) { preferredLanguage timeZone displayName } }`;
    const ok = await app.gqlOk(update, { input: { preferredLanguage: 'ko', timeZone: 'Asia/Seoul' } }, { token });
    expect(ok).toEqual({ updateMyProfile: { preferredLanguage: 'ko', timeZone: 'Asia/Seoul', displayName: 'Jordan Lee' } });
    // The account now reads Korean: a request that names no language is answered in it.
    const bad = await app.gql(update, { input: { preferredLanguage: 'fr' } }, { token });
    expect(bad.errors?.[0].extensions.fields).toEqual([{ field: 'preferredLanguage', message: 'en 또는 ko여야 합니다.' }]);
    const english = await app.gql(update, { input: { preferredLanguage: 'fr' } }, { token, headers: { 'accept-language': 'en' } });
    expect(english.errors?.[0].extensions.fields).toEqual([{ field: 'preferredLanguage', message: 'must be en or ko' }]);
  });

  it('keeps the name in English and in Korean, and answers displayName in the request’s language', async () => {
    const token = await app.signIn('officer.liverpool@demo.twins.test');
    const admin = await app.signIn('admin@demo.twins.test');
    const update = `mutation($input: UpdateProfileInput!) { updateMyProfile(input: $input) { id displayName nameAsWritten nameEn nameKo } }`;
    const set = await app.gqlOk<{ updateMyProfile: { id: string } }>(update, { input: { nameEn: '  Samantha Taylor ', nameKo: ' 서맨사 테일러 ' } }, { token, headers: { 'accept-language': 'en' } });
    expect(set.updateMyProfile).toMatchObject({ displayName: 'Samantha Taylor', nameAsWritten: 'Sam Taylor', nameEn: 'Samantha Taylor', nameKo: '서맨사 테일러' });
    const userId = set.updateMyProfile.id;

    // An admin reads the name in the request's language, and its versions for editing.
    const READ = `query($id: ID!) { user(id: $id) { displayName nameEn nameKo nameAsWritten } }`;
    const asKorean = await app.gqlOk(READ, { id: userId }, { token: admin, headers: { 'accept-language': 'ko' } });
    expect(asKorean).toEqual({ user: { displayName: '서맨사 테일러', nameEn: 'Samantha Taylor', nameKo: '서맨사 테일러', nameAsWritten: 'Sam Taylor' } });
    const asEnglish = await app.gqlOk(READ, { id: userId }, { token: admin, headers: { 'accept-language': 'en' } });
    expect(asEnglish).toMatchObject({ user: { displayName: 'Samantha Taylor' } });
    // Admins find people by any version of their name.
    const found = await app.gqlOk<{ users: { nodes: Array<{ id: string }> } }>(`query { users(filter: { search: "서맨사" }) { nodes { id } } }`, {}, { token: admin });
    expect(found.users.nodes.map((u) => u.id)).toEqual([userId]);
    expect(await app.gqlOk(`query { me { displayName } }`, {}, { token, headers: { 'accept-language': 'ko' } })).toEqual({ me: { displayName: '서맨사 테일러' } });

    // Too long is refused; empty clears a version, and pages fall back to the name as written.
    const long = await app.gql(update, { input: { nameKo: '가'.repeat(101) } }, { token, headers: { 'accept-language': 'en' } });
    expect(long.errors?.[0].extensions.fields).toEqual([{ field: 'nameKo', message: 'must be 1 to 100 characters long, or empty to clear it' }]);
    const cleared = await app.gqlOk(update, { input: { nameEn: '   ', nameKo: '' } }, { token, headers: { 'accept-language': 'ko' } });
    expect(cleared).toEqual({ updateMyProfile: { id: userId, displayName: 'Sam Taylor', nameAsWritten: 'Sam Taylor', nameEn: null, nameKo: null } });
  });
});
