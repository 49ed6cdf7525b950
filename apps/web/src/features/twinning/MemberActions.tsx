import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation, type CombinedError } from 'urql';
import { extensionsOf, problemOf } from '../../api/errors';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { useMessages } from '../../i18n';
import { cityName } from '../../i18n/cities';
import { ConfirmGroup } from '../../components/Confirm';
import { ChangeMemberRole, LeaveWorkspace, RemoveMember, type City } from './documents';
import { twinningMessages } from './messages';
import { ROLES, type Role } from './roles';

/** The city a refusal names when it would leave that city without a lead (CONFLICT, reason LAST_LEAD), else null. */
function lastLeadCity(error: CombinedError | undefined, cities: City[]): City | null {
  if (problemOf(error)?.reason !== 'LAST_LEAD') return null;
  const cityId = extensionsOf(error).cityId;
  return cities.find((c) => c.id === cityId) ?? null;
}

/** A refusal in the page's language: the last-lead rule in its own words, anything else as the API's errors are shown. */
function Refusal({ error, cities, lastLead }: { error: CombinedError | undefined; cities: City[]; lastLead: (city: string) => string }) {
  const { language } = useMessages(twinningMessages);
  const city = lastLeadCity(error, cities);
  if (city) {
    return (
      <p className="notice notice--error" role="alert" data-error-code="CONFLICT">
        {lastLead(cityName(city, language))}
      </p>
    );
  }
  return <ErrorNotice error={error} />;
}

interface Member {
  role: string;
  user: { id: string; displayName: string };
}

/** A lead changes a member's role, or removes them after confirming. */
export function MemberActions({ workspaceId, member, cities, onDone }: { workspaceId: string; member: Member; cities: City[]; onDone: (message: string) => void }) {
  const { t } = useMessages(twinningMessages);
  const name = member.user.displayName;
  const [role, setRole] = useState<Role>(member.role as Role);
  const [confirming, setConfirming] = useState(false);
  const [changed, changeRole] = useMutation(ChangeMemberRole);
  const [removed, remove] = useMutation(RemoveMember);
  const ref = { workspaceId, userId: member.user.id };
  return (
    <div className="member-actions">
      <div className="inline-form">
        <Field
          label={t('workspace.members.newRole', { name })}
          render={(control) => (
            <select {...control} value={role} onChange={(e) => setRole(e.target.value as Role)}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`role.${r}`)}
                </option>
              ))}
            </select>
          )}
        />
        <div className="row-actions">
          <button
            type="button"
            className="button button--secondary button--small"
            disabled={changed.fetching || role === member.role}
            onClick={async () => {
              const { data } = await changeRole({ input: { ...ref, role } });
              if (data) onDone(t('workspace.members.roleChanged', { name, role: t(`role.${role}`) }));
            }}
          >
            {t('workspace.members.changeRole')}
            <span className="visually-hidden">: {name}</span>
          </button>
          {!confirming && (
            <button type="button" className="button button--ghost button--small" onClick={() => setConfirming(true)}>
              {t('workspace.members.remove')}
              <span className="visually-hidden">: {name}</span>
            </button>
          )}
        </div>
      </div>
      <Refusal error={changed.error ?? removed.error} cities={cities} lastLead={(city) => t('workspace.members.lastLead', { city })} />
      {confirming && (
        <ConfirmGroup
          label={`${t('workspace.members.remove')}: ${name}`}
          confirm={t('workspace.members.removeConfirm')}
          confirmClass="button--danger"
          cancel={t('workspace.members.keep')}
          busy={removed.fetching}
          onConfirm={async () => {
            const { data } = await remove({ input: ref });
            setConfirming(false);
            if (data) onDone(t('workspace.members.removed', { name }));
          }}
          onCancel={() => setConfirming(false)}
        >
          <p>{t('workspace.members.removeWarning', { name })}</p>
        </ConfirmGroup>
      )}
    </div>
  );
}

/** A member leaves the workspace after confirming; a city's only lead is told first what to do instead. */
export function LeaveWorkspacePanel({
  workspaceId,
  myCity,
  onlyLeadOfCity,
  cities,
  onLeft,
}: {
  workspaceId: string;
  myCity: City | undefined;
  onlyLeadOfCity: boolean;
  cities: City[];
  onLeft: () => void;
}) {
  const { t, language } = useMessages(twinningMessages);
  const [confirming, setConfirming] = useState(false);
  const [result, leave] = useMutation(LeaveWorkspace);
  return (
    <section aria-labelledby="leave-heading">
      <h2 id="leave-heading">{t('workspace.leave.title')}</h2>
      <p>{t('workspace.leave.intro')}</p>
      {onlyLeadOfCity && myCity && <p className="notice notice--info">{t('workspace.leave.lastLeadNote', { city: cityName(myCity, language) })}</p>}
      <Refusal error={result.error} cities={cities} lastLead={(city) => t('workspace.leave.lastLead', { city })} />
      {confirming ? (
        <ConfirmGroup
          label={t('workspace.leave.open')}
          confirm={t('workspace.leave.confirm')}
          confirmClass="button--danger"
          cancel={t('workspace.leave.keep')}
          busy={result.fetching}
          onConfirm={async () => {
            const { data } = await leave({ workspaceId });
            setConfirming(false);
            if (data) onLeft();
          }}
          onCancel={() => setConfirming(false)}
        >
          <p>{t('workspace.leave.warning')}</p>
        </ConfirmGroup>
      ) : (
        <button type="button" className="button button--secondary" onClick={() => setConfirming(true)}>
          {t('workspace.leave.open')}
        </button>
      )}
    </section>
  );
}

/** What the page shows once the person has left: they no longer see the workspace. */
export function LeftWorkspace({ twinningId }: { twinningId: string }) {
  const { t } = useMessages(twinningMessages);
  return (
    <>
      <p className="notice notice--success" role="status">
        {t('workspace.leave.done')}
      </p>
      <p>
        <Link to={`/twinnings/${twinningId}`}>{t('workspace.leave.toTwinning')}</Link>
      </p>
    </>
  );
}
