import { useState } from 'react';
import { useMutation } from 'urql';
import { problemOf } from '../../api/errors';
import { sessionStore } from '../../auth/session';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Time } from '../../components/Time';
import { graphql } from '../../gql';
import { useMessages } from '../../i18n';
import { ConfirmGroup } from '../../components/Confirm';
import { accountMessages } from './messages';

const SignOutEverywhere = graphql(`
  mutation SignOutEverywhere {
    signOutEverywhere {
      ok
    }
  }
`);

const RevokeMySession = graphql(`
  mutation RevokeMySession($id: ID!) {
    revokeMySession(id: $id) {
      ok
    }
  }
`);

interface SessionRow {
  id: string;
  current: boolean;
  lastUsedAt: string;
  userAgent?: string | null;
}

/** Where the person is signed in: this browser marked, any other signed out on its own (confirmed), or all of them at once. */
export function SessionsPanel({ sessions, onChanged }: { sessions: SessionRow[]; onChanged: () => void }) {
  const { t } = useMessages(accountMessages);
  const [everywhere, signOutEverywhere] = useMutation(SignOutEverywhere);
  const [revoked, revoke] = useMutation(RevokeMySession);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [done, setDone] = useState('');
  const gone = problemOf(revoked.error)?.code === 'NOT_FOUND';
  return (
    <section aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">{t('sessions.title')}</h2>
      <ul className="list">
        {sessions.map((session) => {
          // A browser's own description of itself is a code, shown as it is (translate="no"): no language of ours.
          const device = session.userAgent ? <span translate="no">{session.userAgent}</span> : t('sessions.unknownDevice');
          const deviceText = session.userAgent ?? t('sessions.unknownDevice');
          return (
            <li key={session.id} data-current={session.current || undefined}>
              {device} {session.current && <strong className="badge">{t('sessions.thisDevice')}</strong>}
              <br />
              <small>
                {t('sessions.lastUsed')}: <Time value={session.lastUsedAt} />
              </small>
              {!session.current && confirming !== session.id && (
                <div>
                  <button type="button" className="button button--ghost button--small" onClick={() => setConfirming(session.id)}>
                    {t('sessions.end')}
                    <span className="visually-hidden">: {device}</span>
                  </button>
                </div>
              )}
              {confirming === session.id && (
                <ConfirmGroup
                  label={`${t('sessions.end')}: ${deviceText}`}
                  confirm={t('sessions.endConfirm')}
                  confirmClass="button--danger"
                  cancel={t('sessions.keep')}
                  busy={revoked.fetching}
                  onConfirm={async () => {
                    const { data, error } = await revoke({ id: session.id });
                    setConfirming(null);
                    if (data) setDone(t('sessions.ended'));
                    if (data || problemOf(error)?.code === 'NOT_FOUND') onChanged();
                  }}
                  onCancel={() => setConfirming(null)}
                >
                  <p>{t('sessions.endWarning')}</p>
                </ConfirmGroup>
              )}
            </li>
          );
        })}
      </ul>
      <p role="status" className="form__status">
        {done}
      </p>
      {gone ? (
        <p className="notice notice--info" role="alert">
          {t('sessions.gone')}
        </p>
      ) : (
        <ErrorNotice error={revoked.error} />
      )}
      <ErrorNotice error={everywhere.error} />
      <button
        type="button"
        className="button button--secondary"
        disabled={everywhere.fetching}
        onClick={async () => {
          // Signed out here only once the server ended the sessions; otherwise the notice says why.
          const { error: failed } = await signOutEverywhere({});
          if (!failed) sessionStore.set(null);
        }}
      >
        {t('sessions.signOutEverywhere')}
      </button>
    </section>
  );
}
