import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { fieldProblems, problemOf } from '../../api/errors';
import { sessionStore } from '../../auth/session';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { graphql } from '../../gql';
import { useMessages } from '../../i18n';
import { accountMessages } from './messages';
import { PASSWORD_LENGTH } from '@app/rules';

const ChangePassword = graphql(`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input) {
      ok
    }
  }
`);

/** Tells the sign-in page to say the password was changed. */
export const PASSWORD_CHANGED_KEY = 'twins.passwordChanged';

/**
 * The signed-in person changes their password. The API then ends every
 * session, this one included, so success leads to signing in again.
 */
export function ChangePasswordForm() {
  const { t } = useMessages(accountMessages);
  const navigate = useNavigate();
  // Passwords never leave memory (no draft).
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [result, change] = useMutation(ChangePassword);
  const problem = problemOf(result.error);
  const server = fieldProblems(problem);

  const lengthProblem =
    next.length < PASSWORD_LENGTH.min
      ? t('password.tooShort', { min: PASSWORD_LENGTH.min })
      : next.length > PASSWORD_LENGTH.max
        ? t('password.tooLong', { max: PASSWORD_LENGTH.max })
        : null;
  const problems = {
    current: !current ? t('password.required') : null,
    // Checked as typed: the rule shows once something is typed.
    next: lengthProblem,
    again: again !== next ? t('password.mismatch') : null,
  };
  // The server's field problems, in the page's language (its own words are English).
  const serverCurrent = server.currentPassword ? t('password.wrongCurrent') : null;
  const serverNext = server.newPassword ? t('password.weak', { min: PASSWORD_LENGTH.min }) : null;
  const fieldsExplained = problem?.code === 'BAD_USER_INPUT' && (serverCurrent || serverNext);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (problems.current || problems.next || problems.again) return;
    const { data } = await change({ input: { currentPassword: current, newPassword: next } });
    if (data?.changePassword.ok) {
      // Every session has ended on the server, this one too: sign in again with the new password.
      // Kept for the sign-in page, which may open after this page has already redirected there.
      sessionStorage.setItem(PASSWORD_CHANGED_KEY, '1');
      sessionStore.set(null);
      navigate('/sign-in', { replace: true, state: { from: '/me' } });
    }
  }

  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="change-password-heading">
      <h2 id="change-password-heading">{t('password.title')}</h2>
      <p className="field__hint">{t('password.signsOut')}</p>
      <Field
        label={t('password.current')}
        type="password"
        autoComplete="current-password"
        value={current}
        onChange={(e) => setCurrent(e.target.value)}
        problem={(submitted && problems.current) || serverCurrent}
      />
      <Field
        label={t('password.new')}
        hint={t('password.hint', { min: PASSWORD_LENGTH.min })}
        type="password"
        autoComplete="new-password"
        value={next}
        onChange={(e) => setNext(e.target.value)}
        problem={((submitted || next.length > 0) && problems.next) || serverNext}
      />
      <Field
        label={t('password.again')}
        type="password"
        autoComplete="new-password"
        value={again}
        onChange={(e) => setAgain(e.target.value)}
        problem={submitted || (again.length > 0 && again.length >= next.length) ? problems.again : null}
      />
      {!fieldsExplained && <ErrorNotice error={result.error} />}
      <div>
        <button type="submit" className="button button--primary" disabled={result.fetching}>
          {result.fetching ? t('password.working') : t('password.submit')}
        </button>
      </div>
    </form>
  );
}
