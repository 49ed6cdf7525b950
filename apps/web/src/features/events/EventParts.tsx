import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Time } from '../../components/Time';
import { LocalText, TypedText } from '../../components/LocalText';
import type { EventsCardFieldsFragment } from '../../gql/graphql';
import { useMessages } from '../../i18n';
import { formatNumber, KR_ZONE, UK_ZONE } from '../../i18n/format';
import { eventsMessages } from './messages';
import './events.css';
import { StatusBadge as Badge } from '../../components/StatusBadge';

type Card = EventsCardFieldsFragment;

/** The zones an event's time shows in besides the viewer's: its own, then both countries' (its twinned cities'). */
export function eventZones(event: { timeZone: string; startsAtLocal: ReadonlyArray<{ timeZone: string }> }): string[] {
  const zones = [event.timeZone, ...event.startsAtLocal.map((l) => l.timeZone)];
  if (!zones.includes(UK_ZONE) && !zones.includes(KR_ZONE)) zones.push(UK_ZONE, KR_ZONE);
  return [...new Set(zones)];
}

/** Places left, or the waiting list when full, or no limit. */
export function Places({ event }: { event: Pick<Card, 'capacity' | 'spacesLeft' | 'registeredCount' | 'waitlistCount'> }) {
  const { t, language } = useMessages(eventsMessages);
  const n = (v: number) => formatNumber(v, language);
  if (event.capacity == null) return <span>{t('places.unlimited', { taken: n(event.registeredCount) })}</span>;
  if ((event.spacesLeft ?? 0) > 0) {
    return <span>{t('places.left', { count: event.spacesLeft ?? 0, left: n(event.spacesLeft ?? 0), capacity: n(event.capacity) })}</span>;
  }
  return (
    <span>
      <strong>{t('places.full')}</strong>{' '}
      {event.waitlistCount > 0 ? t('places.waiting', { count: event.waitlistCount, waiting: n(event.waitlistCount) }) : t('places.waitingNone')}
    </span>
  );
}

/** One fact of an event in its facts list: a term and what it says. */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function StatusBadge({ status }: { status: Card['status'] }) {
  const { t } = useMessages(eventsMessages);
  if (status === 'PUBLISHED') return null;
  return (
    <Badge kind="events-badge" status={status}>
      {t(`status.${status}`)}
    </Badge>
  );
}

/** One event in a list: title, kind, format, start in the viewer's zone and the event's, places, organiser. */
export function EventCard({ event, headingLevel = 3 }: { event: Card; headingLevel?: 2 | 3 }) {
  const { t } = useMessages(eventsMessages);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <li className="card events-card" data-event-id={event.id}>
      <Heading className="events-card__title">
        <Link to={`/events/${event.id}`}>
          <LocalText value={event.title} />
        </Link>
      </Heading>
      <p className="events-card__badges">
        <span className="badge">{t(`kind.${event.kind}`)}</span> <span className="badge">{t(`format.${event.format}`)}</span> <StatusBadge status={event.status} />
      </p>
      <dl className="events-facts">
        <Fact label={t('facts.starts')}>
          <Time value={event.startsAt} also={eventZones(event)} />
        </Fact>
        {event.venue && (
          <Fact label={t('facts.venue')}>
            <TypedText text={event.venue} />
          </Fact>
        )}
        <Fact label={t('facts.places')}>
          <Places event={event} />
        </Fact>
        <Fact label={t('facts.organiser')}>
          <TypedText text={event.organiserName} />
        </Fact>
      </dl>
    </li>
  );
}
