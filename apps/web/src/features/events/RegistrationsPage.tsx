import { useState } from 'react';
import { useParams } from 'react-router';
import { useQuery } from 'urql';
import { downloadWithSession } from '../../api/download';
import { usePageTitle } from '../../components/Layout';
import { PageFrame } from '../../components/PageFrame';
import { LocalText } from '../../components/LocalText';
import { Time } from '../../components/Time';
import { graphql } from '../../gql';
import type { RegistrationStatus } from '../../gql/graphql';
import { useMessages } from '../../i18n';
import { common } from '../../i18n/common';
import { formatNumber, pickText } from '../../i18n/format';
import { eventZones, Fact, Places } from './EventParts';
import { eventsMessages } from './messages';
import './events.css';

const EventsRegistrations = graphql(`
  query EventsRegistrations($id: ID!, $after: String, $statuses: [RegistrationStatus!]) {
    event(id: $id) {
      id
      title {
        en
        ko
      }
      startsAt
      timeZone
      startsAtLocal {
        timeZone
      }
      capacity
      spacesLeft
      registeredCount
      waitlistCount
      registrations(first: 100, after: $after, filter: { statuses: $statuses }) {
        totalCount
        pageInfo {
          endCursor
          hasNextPage
        }
        nodes {
          id
          queueOrder
          status
          waitlistPosition
          registeredAt
          promotedAt
          cancelledAt
          attendee {
            displayName
            email
            language
            timeZone
          }
        }
      }
    }
  }
`);

const ACTIVE: RegistrationStatus[] = ['REGISTERED', 'WAITLISTED'];
const ALL: RegistrationStatus[] = ['REGISTERED', 'WAITLISTED', 'CANCELLED'];

/** `/events/:id/registrations`: who holds a place and who waits, in arrival order; CSV export (organiser and admins). */
export default function RegistrationsPage() {
  const { id = '' } = useParams();
  const { t, language } = useMessages(eventsMessages);
  const { t: tc } = useMessages(common);
  const [withCancelled, setWithCancelled] = useState(false);
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const statuses = withCancelled ? ALL : ACTIVE;
  const [{ data, error, fetching }, reexecute] = useQuery({ query: EventsRegistrations, variables: { id, after: null, statuses }, requestPolicy: 'cache-and-network' });
  const event = data?.event;
  usePageTitle(event ? t('registrations.titleOf', { title: pickText(event.title, language).text }) : t('registrations.title'));
  const [exporting, setExporting] = useState<'idle' | 'busy' | 'done' | 'failed'>('idle');

  async function exportCsv() {
    setExporting('busy');
    try {
      await downloadWithSession(`/events/${encodeURIComponent(id)}/registrations.csv`, `event-${id}-registrations.csv`);
      setExporting('done');
    } catch {
      setExporting('failed');
    }
  }

  const back = { to: `/events/${id}`, label: t('registrations.backToEvent') };
  return (
    <PageFrame
      data={event}
      error={error}
      fetching={fetching}
      onRetry={() => reexecute({ requestPolicy: 'network-only' })}
      back={back}
      heading={<h1>{t('registrations.title')}</h1>}
      notFound={{ title: tc('notFound.title'), message: t('registrations.notFound'), back }}
    >
      {(event) => (
        <>
          <LocalText as="p" className="lead" value={event.title} />
          <dl className="events-facts">
            <Fact label={t('facts.starts')}>
              <Time value={event.startsAt} also={eventZones(event)} />
            </Fact>
            <Fact label={t('facts.places')}>
              <Places event={event} />
            </Fact>
          </dl>
          <div className="events-actions">
            <button type="button" className="button button--primary" disabled={exporting === 'busy'} onClick={() => void exportCsv()}>
              {t('registrations.export')}
            </button>
            <label>
              <input type="checkbox" checked={withCancelled} onChange={(e) => { setWithCancelled(e.target.checked); setCursors([null]); }} /> {t('registrations.withCancelled')}
            </label>
          </div>
          <p role="status" className="events-status">
            {exporting === 'done' ? t('registrations.exported') : ''}
          </p>
          {exporting === 'failed' && (
            <div className="notice notice--error" role="alert">
              <p>{t('registrations.exportFailed')}</p>
            </div>
          )}
          <p className="field__hint">{t('registrations.explain')}</p>
          {event.registrations && event.registrations.totalCount === 0 ? (
            <p className="events-panel">{t('registrations.none')}</p>
          ) : (
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">{t('registrations.caption', { count: event.registrations?.totalCount ?? 0, n: formatNumber(event.registrations?.totalCount ?? 0, language) })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('registrations.order')}</th>
                    <th scope="col">{t('registrations.name')}</th>
                    <th scope="col">{t('registrations.status')}</th>
                    <th scope="col">{t('registrations.registeredAt')}</th>
                  </tr>
                </thead>
                <tbody>
                  {cursors.map((after) => (
                    <Rows key={after ?? 'first'} id={id} after={after} statuses={statuses} first={after === null} initial={after === null ? event.registrations : null} onMore={(c) => setCursors((all) => [...all, c])} last={after === cursors[cursors.length - 1]} />
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </PageFrame>
  );
}

type Connection = NonNullable<NonNullable<ReturnType<typeof useRegistrations>>['registrations']>;

function useRegistrations(id: string, after: string | null, statuses: RegistrationStatus[], pause: boolean) {
  const [{ data }] = useQuery({ query: EventsRegistrations, variables: { id, after, statuses }, pause });
  return data?.event;
}

/** One page of rows: the first comes with the page's query; later ones ("Show more") load their own. */
function Rows({
  id,
  after,
  statuses,
  first,
  initial,
  onMore,
  last,
}: {
  id: string;
  after: string | null;
  statuses: RegistrationStatus[];
  first: boolean;
  initial: Connection | null | undefined;
  onMore: (cursor: string) => void;
  last: boolean;
}) {
  const { t, language } = useMessages(eventsMessages);
  const { t: tc } = useMessages(common);
  const loaded = useRegistrations(id, after, statuses, first);
  const connection = first ? initial : loaded?.registrations;
  if (!connection) return null;
  return (
    <>
      {connection.nodes.map((r) => (
        <tr key={r.id} data-status={r.status}>
          <td>{formatNumber(r.queueOrder, language)}</td>
          <td>
            {r.attendee?.displayName ?? '—'}
            {r.attendee && (
              <>
                <br />
                <small className="events-email">{r.attendee.email}</small>
              </>
            )}
          </td>
          <td>
            {r.status === 'WAITLISTED' ? t('registrations.waitingAt', { position: formatNumber(r.waitlistPosition ?? 0, language) }) : t(`regStatus.${r.status}`)}
            {r.promotedAt && (
              <>
                <br />
                <small>
                  {t('registrations.promoted')} <Time value={r.promotedAt} />
                </small>
              </>
            )}
          </td>
          <td>
            <Time value={r.registeredAt} />
          </td>
        </tr>
      ))}
      {last && connection.pageInfo.hasNextPage && (
        <tr>
          <td colSpan={4}>
            <button type="button" className="button button--secondary" onClick={() => onMore(connection.pageInfo.endCursor!)}>
              {tc('more')}
            </button>
          </td>
        </tr>
      )}
    </>
  );
}
