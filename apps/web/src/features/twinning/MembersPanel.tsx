import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { fieldProblems, problemOf } from '../../api/errors';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { Time } from '../../components/Time';
import { useDraft } from '../../hooks/useDraft';
import { useMessages } from '../../i18n';
import { cityName } from '../../i18n/cities';
import { formMessages } from '../../i18n/forms';
import { twinningMessages } from './messages';
import { ROLES } from './roles';
import { DecideJoinRequest, InviteToWorkspace, RevokeInvitation, type City } from './documents';
import { looksLikeEmail } from '@app/rules';


/** A lead invites someone by email, with a role. */
export function InviteForm({ workspaceId, onDone }: { workspaceId: string; onDone: () => void }) {
  const { t } = useMessages(twinningMessages);
  const { t: tForm } = useMessages(formMessages);
  const [draft, update, clear] = useDraft(`officer.invite.${workspaceId}`, { email: '', role: 'MEMBER' as (typeof ROLES)[number] });
  const [touched, setTouched] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [result, invite] = useMutation(InviteToWorkspace);
  const server = fieldProblems(problemOf(result.error));
  const emailProblem = touched && !looksLikeEmail(draft.email) ? tForm('validation.email') : (server.email ?? null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    setSentTo(null);
    if (!looksLikeEmail(draft.email)) return;
    const { data } = await invite({ input: { workspaceId, email: draft.email.trim(), role: draft.role } });
    if (data) {
      setSentTo(data.inviteToWorkspace.email);
      setTouched(false);
      clear();
      onDone();
    }
  }

  return (
    <form className="form panel officer-form" onSubmit={submit} noValidate aria-labelledby="invite-heading">
      <h3 id="invite-heading">{t('workspace.invite.title')}</h3>
      <p className="field__hint">{t('workspace.invite.intro')}</p>
      <Field
        label={t('workspace.invite.email')}
        type="email"
        autoComplete="off"
        value={draft.email}
        onChange={(e) => update({ email: e.target.value })}
        onBlur={() => draft.email && setTouched(true)}
        problem={emailProblem}
      />
      <Field
        label={t('workspace.invite.role')}
        render={(control) => (
          <select {...control} value={draft.role} onChange={(e) => update({ role: e.target.value as (typeof ROLES)[number] })}>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`role.${role}`)}
              </option>
            ))}
          </select>
        )}
      />
      <ErrorNotice error={result.error} />
      <div>
        <button type="submit" className="button button--primary" disabled={result.fetching}>
          {t('workspace.invite.submit')}
        </button>
      </div>
      <p role="status" className="form__status">
        {sentTo ? t('workspace.invite.sent', { email: sentTo }) : ''}
      </p>
    </form>
  );
}

/** Invitations not yet answered, each of which a lead may withdraw. */
export function Invitations({ invitations, onDone }: { invitations: Array<{ id: string; email: string; role: string; expiresAt: string }>; onDone: () => void }) {
  const { t } = useMessages(twinningMessages);
  const [result, revoke] = useMutation(RevokeInvitation);
  const [status, setStatus] = useState('');
  return (
    <section aria-labelledby="invitations-heading">
      <h3 id="invitations-heading">{t('workspace.invitations.title')}</h3>
      <ErrorNotice error={result.error} />
      {invitations.length === 0 ? (
        <p>{t('workspace.invitations.none')}</p>
      ) : (
        <ul className="list">
          {invitations.map((invitation) => (
            <li key={invitation.id}>
              <strong>{invitation.email}</strong> <span className="badge">{t(`role.${invitation.role}` as 'role.LEAD')}</span>
              <br />
              <small>
                {t('workspace.invitations.expires')}: <Time value={invitation.expiresAt} />
              </small>
              <div>
                <button
                  type="button"
                  className="button button--ghost button--small"
                  disabled={result.fetching}
                  onClick={async () => {
                    const { data } = await revoke({ id: invitation.id });
                    if (data) {
                      setStatus(t('workspace.invitations.revoked', { email: invitation.email }));
                      onDone();
                    }
                  }}
                >
                  {t('workspace.invitations.revoke')}
                  <span className="visually-hidden">: {invitation.email}</span>
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <p role="status" className="form__status">
        {status}
      </p>
    </section>
  );
}

/** Requests to join the workspace, which a lead approves (with a role) or declines. */
export function JoinRequests({
  requests,
  cities,
  onDone,
}: {
  requests: Array<{ id: string; cityId: string; message: string; createdAt: string; user: { displayName: string } }>;
  cities: City[];
  onDone: () => void;
}) {
  const { t, language } = useMessages(twinningMessages);
  const [result, decide] = useMutation(DecideJoinRequest);
  const [roles, setRoles] = useState<Record<string, string>>({});
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [status, setStatus] = useState('');
  async function act(id: string, approve: boolean) {
    const reason = reasons[id]?.trim();
    const { data } = await decide({
      input: { id, approve, role: approve ? ((roles[id] ?? 'MEMBER') as (typeof ROLES)[number]) : undefined, reason: reason || undefined },
    });
    if (data) {
      setStatus(approve ? t('workspace.joinRequests.approved') : t('workspace.joinRequests.declined'));
      onDone();
    }
  }
  return (
    <section aria-labelledby="join-heading">
      <h3 id="join-heading">{t('workspace.joinRequests.title')}</h3>
      <ErrorNotice error={result.error} />
      {requests.length === 0 ? (
        <p>{t('workspace.joinRequests.none')}</p>
      ) : (
        <ul className="list">
          {requests.map((request) => (
            <li key={request.id}>
              <strong>{request.user.displayName}</strong> ·{' '}
              {t('workspace.joinRequests.from', { city: cityName(cities.find((c) => c.id === request.cityId), language) })} ·{' '}
              <Time value={request.createdAt} />
              <p>{request.message}</p>
              <div className="inline-form">
                <Field
                  label={t('workspace.joinRequests.role')}
                  render={(control) => (
                    <select {...control} value={roles[request.id] ?? 'MEMBER'} onChange={(e) => setRoles({ ...roles, [request.id]: e.target.value })}>
                      {ROLES.map((role) => (
                        <option key={role} value={role}>
                          {t(`role.${role}`)}
                        </option>
                      ))}
                    </select>
                  )}
                />
                <Field label={t('workspace.joinRequests.reason')} value={reasons[request.id] ?? ''} onChange={(e) => setReasons({ ...reasons, [request.id]: e.target.value })} />
                <div className="row-actions">
                  <button type="button" className="button button--primary" disabled={result.fetching} onClick={() => void act(request.id, true)}>
                    {t('workspace.joinRequests.approve')}
                  </button>
                  <button type="button" className="button button--ghost" disabled={result.fetching} onClick={() => void act(request.id, false)}>
                    {t('workspace.joinRequests.decline')}
                  </button>
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
      <p role="status" className="form__status">
        {status}
      </p>
    </section>
  );
}
