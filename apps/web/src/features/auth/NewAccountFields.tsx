import { useState, type ChangeEvent } from 'react';
import { Field } from '../../components/Field';
import { useMessages } from '../../i18n';
import { browserZone } from '../../i18n/format';
import { authMessages } from './messages';
import { PASSWORD_LENGTH } from '@app/rules';

/** What is wrong with a new password, in the reader's words, or null. */
export function usePasswordProblem(password: string): string | null {
  const { t } = useMessages(authMessages);
  if (password.length < PASSWORD_LENGTH.min) return t('validation.passwordLength');
  return password.length > PASSWORD_LENGTH.max ? t('validation.tooLong', { max: PASSWORD_LENGTH.max }) : null;
}

/** A new password's field, with its hint and its problem. */
export function NewPasswordField({ label, value, onChange, onBlur, problem }: { label: string; value: string; onChange: (e: ChangeEvent<HTMLInputElement>) => void; onBlur?: () => void; problem: string | null }) {
  const { t } = useMessages(authMessages);
  return <Field label={label} hint={t('signUp.passwordHint')} type="password" autoComplete="new-password" required value={value} onChange={onChange} onBlur={onBlur} problem={problem} />;
}

/**
 * The account an invitation creates for a newcomer: a name, a password and
 * the language of emails (the page's at first), checked as the API checks
 * them. `input` is what the accept mutation takes besides the token.
 */
export function useNewAccount(wanted: boolean) {
  const { t, language } = useMessages(authMessages);
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [emailLanguage, setEmailLanguage] = useState<string>(language);
  const passwordProblem = usePasswordProblem(password);
  const problems = { displayName: wanted && !name.trim() ? t('validation.required') : null, password: wanted ? passwordProblem : null };

  /** The fields; `shown` says which problems to show (after a first try), `server` the API's own, by field. */
  function fields(shown: boolean, server: Record<string, string | undefined>) {
    if (!wanted) return null;
    return (
      <>
        <Field label={t('signUp.displayName')} autoComplete="name" required value={name} onChange={(e) => setName(e.target.value)} problem={(shown ? problems.displayName : null) ?? server.displayName ?? null} />
        <NewPasswordField label={t('signIn.password')} value={password} onChange={(e) => setPassword(e.target.value)} problem={(shown ? problems.password : null) ?? (server.password ? t('validation.passwordLength') : null)} />
        <Field
          label={t('invitation.language')}
          render={(control) => (
            <select {...control} value={emailLanguage} onChange={(e) => setEmailLanguage(e.target.value)}>
              {/* Each language named in itself, and marked so. */}
              <option value="en" lang="en">
                English
              </option>
              <option value="ko" lang="ko">
                한국어
              </option>
            </select>
          )}
        />
      </>
    );
  }

  return {
    valid: !problems.displayName && !problems.password,
    input: wanted ? { displayName: name.trim(), password, preferredLanguage: emailLanguage, timeZone: browserZone() } : {},
    fields,
  };
}
