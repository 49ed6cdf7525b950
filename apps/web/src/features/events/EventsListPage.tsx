import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { useAuth } from '../../auth/AuthProvider';
import { ErrorNotice, Loading } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { usePageTitle } from '../../components/Layout';
import type { EventFilter, EventKind } from '../../gql/graphql';
import { useMessages } from '../../i18n';
import { common } from '../../i18n/common';
import { formatNumber } from '../../i18n/format';
import { EventsList } from './documents';
import { EventCard } from './EventParts';
import { calendarIn, KINDS } from './eventRules';
import { eventsMessages } from './messages';

const PAGE = 12;
type View = 'upcoming' | 'past' | 'mine';

/** Now, rounded down to the minute: the query (and its cache key) stays the same between renders. */
const startOfMinute = () => new Date(Math.floor(Date.now() / 60_000) * 60_000).toISOString();

/** Public list of events: upcoming (soonest first), past, and an organiser's own (drafts too); filters kept in the URL. */
export default function EventsListPage() {
  const { t, language } = useMessages(eventsMessages);
  const { hasRole, user } = useAuth();
  const [params, setParams] = useSearchParams();
  const organiser = hasRole('EVENT_ORGANISER') || hasRole('ADMIN');
  const view: View = params.get('mine') === '1' && user ? 'mine' : params.get('past') === '1' ? 'past' : 'upcoming';
  const kindParam = params.get('kind');
  const kind = KINDS.includes(kindParam as EventKind) ? (kindParam as EventKind) : null;
  const words = params.get('q') ?? '';
  const [typed, setTyped] = useState(words);
  const [now] = useState(startOfMinute);
  usePageTitle(t(`list.title.${view}`));

  const filter: EventFilter = {
    ...(view === 'upcoming' ? { from: now } : {}),
    ...(view === 'past' ? { to: now } : {}),
    ...(view === 'mine' ? { mine: true, statuses: ['DRAFT', 'PUBLISHED', 'CANCELLED'] } : {}),
    ...(kind ? { kind } : {}),
    ...(words ? { search: words } : {}),
  };
  const filterKey = JSON.stringify(filter);

  const change = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(patch)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };
  const search = (event: FormEvent) => {
    event.preventDefault();
    change({ q: typed.trim() || null });
  };
  const viewLink = (v: View) => {
    const next = new URLSearchParams(params);
    next.delete('past');
    next.delete('mine');
    if (v === 'past') next.set('past', '1');
    if (v === 'mine') next.set('mine', '1');
    const query = next.toString();
    return query ? `/events?${query}` : '/events';
  };

  return (
    <div className="page">
      <h1>{t(`list.title.${view}`)}</h1>
      <p className="lead">{t('list.lead')}</p>
      <p className="events-actions">
        <a className="button button--secondary" href={calendarIn('/calendars/programme.ics', language)}>
          {t('list.programmeCalendar')}
        </a>
        {organiser && (
          <Link className="button button--primary" to="/events/new">
            {t('list.newEvent')}
          </Link>
        )}
        {user && <Link to="/me/events">{t('list.myRegistrations')}</Link>}
      </p>
      <p className="field__hint">{t('list.programmeCalendarHint')}</p>

      <nav aria-label={t('list.views')}>
        <ul className="events-tabs">
          {(['upcoming', 'past', ...(organiser ? (['mine'] as const) : [])] as View[]).map((v) => (
            <li key={v}>
              <Link to={viewLink(v)} aria-current={v === view ? 'page' : undefined}>
                {t(`list.view.${v}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <form className="toolbar events-toolbar" role="search" aria-label={t('list.filters')} onSubmit={search}>
        <Field
          label={t('list.kind')}
          render={(control) => (
            <select {...control} value={kind ?? ''} onChange={(e) => change({ kind: e.target.value || null })}>
              <option value="">{t('list.allKinds')}</option>
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`kind.${k}`)}
                </option>
              ))}
            </select>
          )}
        />
        <Field label={t('list.words')} hint={t('list.wordsHint')} type="search" value={typed} onChange={(e) => setTyped(e.target.value)} />
        <button type="submit" className="button button--primary">
          {t('list.search')}
        </button>
        {(kind || words) && (
          <button
            type="button"
            className="button button--ghost"
            onClick={() => {
              setTyped('');
              change({ kind: null, q: null });
            }}
          >
            {t('list.clear')}
          </button>
        )}
      </form>

      <Results key={filterKey} filter={filter} view={view} filtered={!!(kind || words)} />
    </div>
  );
}

/** The pages of results shown so far; "Show more" adds the next. */
function Results({ filter, view, filtered }: { filter: EventFilter; view: View; filtered: boolean }) {
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  return (
    <section aria-live="polite">
      {cursors.map((after, index) => (
        <ResultPage
          key={after ?? 'first'}
          filter={filter}
          after={after}
          first={index === 0}
          view={view}
          filtered={filtered}
          onMore={index === cursors.length - 1 ? (cursor) => setCursors((all) => [...all, cursor]) : undefined}
        />
      ))}
    </section>
  );
}

function ResultPage({
  filter,
  after,
  first,
  view,
  filtered,
  onMore,
}: {
  filter: EventFilter;
  after: string | null;
  first: boolean;
  view: View;
  filtered: boolean;
  onMore?: (cursor: string) => void;
}) {
  const { t, language } = useMessages(eventsMessages);
  const { t: tc } = useMessages(common);
  const [{ data, error, fetching }, reexecute] = useQuery({ query: EventsList, variables: { filter, after, first: PAGE } });
  const events = data?.events;
  return (
    <>
      <ErrorNotice error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      {fetching && !data && <Loading />}
      {events && first && (
        <p role="status" className="muted">
          {t('list.count', { count: events.totalCount, n: formatNumber(events.totalCount, language) })}
        </p>
      )}
      {events && first && events.totalCount === 0 && <p className="events-panel">{t(filtered ? 'list.noneFiltered' : `list.none.${view}`)}</p>}
      {events && events.nodes.length > 0 && (
        <ul className="cards events-cards">
          {events.nodes.map((event) => (
            <EventCard key={event.id} event={event} />
          ))}
        </ul>
      )}
      {events?.pageInfo.hasNextPage && onMore && (
        <p>
          <button type="button" className="button button--secondary" onClick={() => onMore(events.pageInfo.endCursor!)}>
            {tc('more')}
          </button>
        </p>
      )}
    </>
  );
}
