import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { usePageTitle } from '../../components/Layout';
import { graphql } from '../../gql';
import { useDraft } from '../../hooks/useDraft';
import { useMessages } from '../../i18n';
import { authMessages } from './messages';
import { looksLikeEmail } from '@app/rules';

const RequestPasswordReset = graphql(`
  mutation RequestPasswordReset($input: RequestPasswordResetInput!) {
    requestPasswordReset(input: $input) {
      ok
    }
  }
`);

export default function ForgotPasswordPage() {
  const { t } = useMessages(authMessages);
  usePageTitle(t('forgot.title'));
  const [draft, update] = useDraft('sign-in', { email: '' });
  const [touched, setTouched] = useState(false);
  const [result, request] = useMutation(RequestPasswordReset);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (!looksLikeEmail(draft.email)) return;
    await request({ input: { email: draft.email.trim() } });
  }

  return (
    <div className="page page--narrow">
      <h1>{t('forgot.title')}</h1>
      {result.data ? (
        <p className="notice notice--success" role="status">
          {t('forgot.sent')}
        </p>
      ) : (
        <>
          <p>{t('forgot.intro')}</p>
          <ErrorNotice error={result.error} />
          <form onSubmit={submit} noValidate className="form">
            <Field
              label={t('signIn.email')}
              type="email"
              autoComplete="email"
              required
              value={draft.email}
              onChange={(e) => update({ email: e.target.value })}
              onBlur={() => setTouched(true)}
              problem={touched && !looksLikeEmail(draft.email) ? t('validation.email') : null}
            />
            <button type="submit" className="button button--primary" disabled={result.fetching}>
              {t('forgot.submit')}
            </button>
          </form>
        </>
      )}
      <p>
        <Link to="/sign-in">{t('signIn.title')}</Link>
      </p>
    </div>
  );
}
