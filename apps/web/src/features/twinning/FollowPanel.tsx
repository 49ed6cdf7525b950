import { useState } from 'react';
import { useMutation } from 'urql';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { Time } from '../../components/Time';
import { useMessages } from '../../i18n';
import { twinningMessages } from './messages';
import { FollowWorkspace, UnfollowWorkspace } from './documents';

/** The member's email digest of the workspace: follow, how often, stop. */
export function FollowPanel({ workspaceId, follow }: { workspaceId: string; follow: { frequency: string; nextDigestAt: string } | null }) {
  const { t } = useMessages(twinningMessages);
  const [frequency, setFrequency] = useState<'DAILY' | 'WEEKLY'>((follow?.frequency as 'DAILY' | 'WEEKLY') ?? 'WEEKLY');
  const [followed, followWorkspace] = useMutation(FollowWorkspace);
  const [unfollowed, unfollowWorkspace] = useMutation(UnfollowWorkspace);
  // What this page last did, over what the workspace query said.
  const [override, setOverride] = useState<{ value: { frequency: string; nextDigestAt: string } | null } | null>(null);
  const current = override ? override.value : follow;
  const setCurrent = (value: { frequency: string; nextDigestAt: string } | null) => setOverride({ value });
  const [status, setStatus] = useState('');
  const busy = followed.fetching || unfollowed.fetching;
  return (
    <section aria-labelledby="follow-heading" className="panel">
      <h2 id="follow-heading">{t('workspace.follow.title')}</h2>
      {current ? (
        <p>
          {t('workspace.follow.following', { frequency: t(`frequency.${current.frequency}` as 'frequency.DAILY') })} <Time value={current.nextDigestAt} />
        </p>
      ) : (
        <p>{t('workspace.follow.notFollowing')}</p>
      )}
      <div className="inline-form">
        <Field
          label={t('workspace.follow.frequency')}
          render={(control) => (
            <select {...control} value={frequency} onChange={(e) => setFrequency(e.target.value as 'DAILY' | 'WEEKLY')}>
              <option value="WEEKLY">{t('frequency.WEEKLY')}</option>
              <option value="DAILY">{t('frequency.DAILY')}</option>
            </select>
          )}
        />
        <button
          type="button"
          className="button button--secondary"
          disabled={busy}
          onClick={async () => {
            const { data } = await followWorkspace({ workspaceId, frequency });
            if (data) {
              setCurrent(data.followWorkspace);
              setStatus(t('workspace.follow.followedStatus'));
            }
          }}
        >
          {current ? t('workspace.follow.change') : t('workspace.follow.follow')}
        </button>
        {current && (
          <button
            type="button"
            className="button button--ghost"
            disabled={busy}
            onClick={async () => {
              const { data } = await unfollowWorkspace({ workspaceId });
              if (data) {
                setCurrent(null);
                setStatus(t('workspace.follow.unfollowedStatus'));
              }
            }}
          >
            {t('workspace.follow.unfollow')}
          </button>
        )}
      </div>
      <ErrorNotice error={followed.error ?? unfollowed.error} />
      <p role="status" className="form__status">
        {status}
      </p>
    </section>
  );
}
