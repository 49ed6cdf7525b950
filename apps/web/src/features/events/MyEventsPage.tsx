import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { ErrorNotice, Loading } from '../../components/ErrorNotice';
import { usePageTitle } from '../../components/Layout';
import { LocalText } from '../../components/LocalText';
import { Time } from '../../components/Time';
import { graphql } from '../../gql';
import type { EventFollowInput } from '../../gql/graphql';
import { useMessages } from '../../i18n';
import { common } from '../../i18n/common';
import { formatNumber } from '../../i18n/format';
import { useSectorNames } from '../../hooks/useSectorNames';
import { CalendarAddressPanel } from './CalendarAddressPanel';
import { EventsMyFollows } from './documents';
import { eventZones, StatusBadge } from './EventParts';
import { FollowToggle } from './FollowToggle';
import { eventsMessages } from './messages';
import './events.css';

const EventsMine = graphql(`
  query EventsMine($upcoming: Boolean, $after: String) {
    myRegistrations(first: 20, after: $after, filter: { upcoming: $upcoming }) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        id
        status
        waitlistPosition
        registeredAt
        promotedAt
        event {
          id
          title {
            en
            ko
          }
          status
          startsAt
          timeZone
          startsAtLocal {
            timeZone
          }
          format
          kind
        }
      }
    }
  }
`);

/** `/me/events`: my registrations and waiting-list places, my personal calendar, and what announcements I follow. */
export default function MyEventsPage() {
  const { t } = useMessages(eventsMessages);
  usePageTitle(t('mine.title'));
  const [upcoming, setUpcoming] = useState(true);
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  return (
    <div className="page">
      <h1>{t('mine.title')}</h1>
      <p>
        <Link to="/events">{t('mine.browse')}</Link>
      </p>
      <section aria-labelledby="events-mine-registrations">
        <h2 id="events-mine-registrations">{t('mine.registrations')}</h2>
        <nav aria-label={t('mine.which')}>
          <ul className="events-tabs">
            {[true, false].map((value) => (
              <li key={String(value)}>
                <a
                  href={value ? '#upcoming' : '#past'}
                  aria-current={upcoming === value ? 'page' : undefined}
                  onClick={(e) => {
                    e.preventDefault();
                    setUpcoming(value);
                    setCursors([null]);
                  }}
                >
                  {value ? t('mine.upcoming') : t('mine.past')}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        {cursors.map((after, index) => (
          <RegistrationList key={`${String(upcoming)}-${after ?? 'first'}`} upcoming={upcoming} after={after} onMore={index === cursors.length - 1 ? (c) => setCursors((all) => [...all, c]) : undefined} />
        ))}
      </section>
      <CalendarAddressPanel />
      <FollowsPanel />
    </div>
  );
}

function RegistrationList({ upcoming, after, onMore }: { upcoming: boolean; after: string | null; onMore?: (cursor: string) => void }) {
  const { t, language } = useMessages(eventsMessages);
  const { t: tc } = useMessages(common);
  const [{ data, error, fetching }, reexecute] = useQuery({ query: EventsMine, variables: { upcoming, after }, requestPolicy: 'cache-and-network' });
  const list = data?.myRegistrations;
  return (
    <>
      <ErrorNotice error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      {fetching && !data && <Loading />}
      {list && after === null && list.totalCount === 0 && (
        <p className="events-panel">
          {upcoming ? t('mine.noneUpcoming') : t('mine.nonePast')} <Link to="/events">{t('mine.browse')}</Link>
        </p>
      )}
      {list && list.nodes.length > 0 && (
        <ul className="list">
          {list.nodes.map((r) => (
            <li key={r.id} data-registration-status={r.status}>
              <Link to={`/events/${r.event.id}`}>
                <LocalText value={r.event.title} />
              </Link>{' '}
              <StatusBadge status={r.event.status} />
              <br />
              <Time value={r.event.startsAt} also={eventZones(r.event)} />
              <br />
              <strong>
                {r.status === 'WAITLISTED'
                  ? t('registrations.waitingAt', { position: formatNumber(r.waitlistPosition ?? 0, language) })
                  : t(`regStatus.${r.status}`)}
              </strong>
              {r.status === 'WAITLISTED' && <> · {t('mine.waitingNext')}</>}
            </li>
          ))}
        </ul>
      )}
      {list?.pageInfo.hasNextPage && onMore && (
        <p>
          <button type="button" className="button button--secondary" onClick={() => onMore(list.pageInfo.endCursor!)}>
            {tc('more')}
          </button>
        </p>
      )}
    </>
  );
}

function FollowsPanel() {
  const { t, language } = useMessages(eventsMessages);
  const [{ data, error }, reexecute] = useQuery({ query: EventsMyFollows, requestPolicy: 'cache-and-network' });
  const sectorName = useSectorNames(language);
  const follows = data?.myEventFollows ?? [];
  const programmeFollowed = follows.some((f) => f.scope === 'PROGRAMME');
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  return (
    <section className="events-panel" aria-labelledby="events-mine-follows">
      <h2 id="events-mine-follows">{t('mine.follows')}</h2>
      <p>{t('mine.followsLead')}</p>
      <ErrorNotice error={error} onRetry={refresh} />
      {data && (
        <ul className="events-follows">
          {!programmeFollowed && <FollowToggle input={{ scope: 'PROGRAMME' }} label={t('follow.programme')} following={false} onChanged={refresh} />}
          {follows.map((f) => {
            const input: EventFollowInput = { scope: f.scope, ...(f.sector ? { sector: f.sector } : {}), ...(f.workspaceId ? { workspaceId: f.workspaceId } : {}) };
            const label =
              f.scope === 'PROGRAMME'
                ? t('follow.programme')
                : f.scope === 'SECTOR'
                  ? t('follow.sector', { sector: sectorName(f.sector ?? '') })
                  : f.viaWorkspaceDigest
                    ? t('follow.workspaceDigest')
                    : t('follow.workspace');
            return <FollowToggle key={`${f.scope}-${f.sector ?? ''}-${f.workspaceId ?? ''}`} input={input} label={label} following onChanged={refresh} />;
          })}
        </ul>
      )}
      {data && follows.length === 0 && <p className="muted">{t('mine.noFollows')}</p>}
    </section>
  );
}
