import { useMutation } from 'urql';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { EventFollowInput } from '../../gql/graphql';
import { useMessages } from '../../i18n';
import { EventsFollow, EventsUnfollow } from './documents';
import { eventsMessages } from './messages';

/** One kind of event announcement, followed or not, with the button that changes it. */
export function FollowToggle({ input, label, following, onChanged }: { input: EventFollowInput; label: string; following: boolean; onChanged: () => void }) {
  const { t } = useMessages(eventsMessages);
  const [followed, follow] = useMutation(EventsFollow);
  const [unfollowed, unfollow] = useMutation(EventsUnfollow);
  const busy = followed.fetching || unfollowed.fetching;
  return (
    <li>
      <span>
        {label}
        {following && (
          <>
            {' '}
            <span className="badge">{t('follow.following')}</span>
          </>
        )}
      </span>
      <button
        type="button"
        className={`button ${following ? 'button--ghost' : 'button--secondary'}`}
        aria-pressed={following}
        aria-label={`${following ? t('follow.unfollow') : t('follow.follow')}: ${label}`}
        disabled={busy}
        onClick={async () => {
          const result = following ? await unfollow({ input }) : await follow({ input });
          if (!result.error) onChanged();
        }}
      >
        {following ? t('follow.unfollow') : t('follow.follow')}
      </button>
      <ErrorNotice error={followed.error ?? unfollowed.error} />
    </li>
  );
}
