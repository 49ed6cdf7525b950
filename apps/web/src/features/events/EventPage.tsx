import { useState, type FormEvent } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { problemOf } from '../../api/errors';
import { useAuth } from '../../auth/AuthProvider';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { usePageTitle } from '../../components/Layout';
import { PageFrame } from '../../components/PageFrame';
import { LocalText, TypedText } from '../../components/LocalText';
import { Time } from '../../components/Time';
import type { EventFollowInput, EventsDetailQuery } from '../../gql/graphql';
import { useMessages } from '../../i18n';
import { common } from '../../i18n/common';
import { formatNumber, pickText } from '../../i18n/format';
import {
  EventsCancelEvent,
  EventsCancelRegistration,
  EventsDetail,
  EventsMyFollows,
  EventsPublish,
  EventsRegister,
} from './documents';
import { eventZones, Fact, Places, StatusBadge } from './EventParts';
import { calendarIn } from './eventRules';
import { FollowToggle } from './FollowToggle';
import { useNow } from '../../hooks/useNow';
import { useSectorNames } from '../../hooks/useSectorNames';
import { eventsMessages } from './messages';

type Detail = EventsDetailQuery['event'];

/** An event's public page (every email links here): details, times in zones, registration, follows, and the organiser's actions. */
export default function EventPage() {
  const { id = '' } = useParams();
  const { t, language } = useMessages(eventsMessages);
  const { t: tc } = useMessages(common);
  const [{ data, error, fetching }, reexecute] = useQuery({ query: EventsDetail, variables: { id } });
  const event = data?.event;
  const notFound = problemOf(error)?.code === 'NOT_FOUND';
  usePageTitle(event ? pickText(event.title, language).text : notFound ? tc('notFound.title') : t('event.title'));
  const refresh = () => reexecute({ requestPolicy: 'network-only' });

  const back = { to: '/events', label: t('event.backToList') };
  return (
    <PageFrame data={event} error={error} fetching={fetching} onRetry={refresh} back={back} notFound={{ title: tc('notFound.title'), message: t('event.notFound'), back }}>
      {(event) => <EventDetails event={event} refresh={refresh} />}
    </PageFrame>
  );
}

function EventDetails({ event, refresh }: { event: Detail; refresh: () => void }) {
  const { t, language } = useMessages(eventsMessages);
  const { user, hasRole } = useAuth();
  const manages = !!user && (user.id === event.organiserUserId || hasRole('ADMIN'));
  const zones = eventZones(event);
  const sectorName = useSectorNames(language, { pause: event.sectors.length === 0 });

  return (
    <article>
      <LocalText as="h1" value={event.title} />
      <p className="events-card__badges">
        <span className="badge">{t(`kind.${event.kind}`)}</span> <span className="badge">{t(`format.${event.format}`)}</span> <StatusBadge status={event.status} />
      </p>
      {event.status === 'CANCELLED' && (
        <div className="notice notice--error">
          <p className="notice__title">{t('event.cancelled')}</p>
          {event.cancelReason && <p>{t('event.cancelReason', { reason: event.cancelReason })}</p>}
        </div>
      )}
      {event.status === 'DRAFT' && (
        <div className="notice notice--info">
          <p>{t('event.draftNotice')}</p>
        </div>
      )}
      <div className="events-layout">
        <div>
          <dl className="events-facts">
            <Fact label={t('facts.starts')}>
              <Time value={event.startsAt} also={zones} />
            </Fact>
            <Fact label={t('facts.ends')}>
              <Time value={event.endsAt} also={zones} />
            </Fact>
            {event.venue && (
              <Fact label={t('facts.venue')}>
                <TypedText text={event.venue} />
              </Fact>
            )}
            {event.format !== 'IN_PERSON' && (
              <Fact label={t('facts.online')}>
                {event.joinUrl ? (
                  <a href={event.joinUrl} rel="noopener noreferrer" target="_blank">
                    {t('event.join')}
                  </a>
                ) : (
                  t('event.joinHidden')
                )}
              </Fact>
            )}
            <Fact label={t('facts.capacity')}>{event.capacity == null ? t('places.noLimit') : formatNumber(event.capacity, language)}</Fact>
            <Fact label={t('facts.places')}>
              <Places event={event} />
            </Fact>
            <Fact label={t('facts.registration')}>
              <RegistrationWindow event={event} zones={zones} />
            </Fact>
            <Fact label={t('facts.organiser')}>
              <TypedText text={event.organiserName} />
            </Fact>
            {/* Sectors by their names, once known: a key (hydrogen) is no word of either language. */}
            {event.sectors.length > 0 && (
              <Fact label={t('facts.sectors')}>{event.sectors.map(sectorName).join(', ')}</Fact>
            )}
          </dl>
          <h2>{t('event.about')}</h2>
          {event.description.en || event.description.ko ? (
            <LocalText as="p" className="events-description" value={event.description} />
          ) : (
            <p className="muted">{t('event.noDescription')}</p>
          )}
          {event.calendarUrl && (
            <p>
              <a className="button button--secondary" href={calendarIn(event.calendarUrl, language)} download={`event-${event.id}.ics`}>
                {t('event.addToCalendar')}
              </a>
            </p>
          )}
        </div>
        <div>
          {manages && <OrganiserPanel event={event} refresh={refresh} />}
          <RegistrationPanel event={event} refresh={refresh} />
          {user && event.status === 'PUBLISHED' && <FollowPanel event={event} sectorName={sectorName} />}
        </div>
      </div>
    </article>
  );
}

function RegistrationWindow({ event, zones }: { event: Detail; zones: string[] }) {
  const { t } = useMessages(eventsMessages);
  const now = useNow();
  if (event.status !== 'PUBLISHED') return <>{t('registration.notPublished')}</>;
  const opensLater = event.registrationOpensAt && Date.parse(event.registrationOpensAt) > now;
  if (opensLater) {
    return (
      <>
        {t('registration.opensAt')} <Time value={event.registrationOpensAt!} also={zones} />
      </>
    );
  }
  if (!event.registrationOpen) return <>{t('registration.closed')}</>;
  return (
    <>
      {t('registration.openUntil')} <Time value={event.registrationClosesAt ?? event.startsAt} also={zones} />
    </>
  );
}

/** Register, join the waiting list or cancel; the person's status and place, and what happens next. */
function RegistrationPanel({ event, refresh }: { event: Detail; refresh: () => void }) {
  const { t, language } = useMessages(eventsMessages);
  const { user } = useAuth();
  const location = useLocation();
  const [registered, register] = useMutation(EventsRegister);
  const [cancelled, cancel] = useMutation(EventsCancelRegistration);
  const [confirming, setConfirming] = useState(false);
  const [announce, setAnnounce] = useState('');
  const mine = event.myRegistration && event.myRegistration.status !== 'CANCELLED' ? event.myRegistration : null;
  const now = useNow();
  const started = Date.parse(event.startsAt) <= now;
  const full = event.capacity != null && ((event.spacesLeft ?? 0) <= 0 || event.waitlistCount > 0);

  async function doRegister() {
    const result = await register({ input: { eventId: event.id } });
    if (result.data) {
      setAnnounce(result.data.registerForEvent.status === 'WAITLISTED' ? t('registration.joinedWaitlist') : t('registration.gotPlace'));
      refresh();
    }
  }
  async function doCancel() {
    const result = await cancel({ input: { eventId: event.id } });
    if (result.data) {
      setConfirming(false);
      setAnnounce(t('registration.cancelledDone'));
      refresh();
    }
  }

  return (
    <section className="events-panel" aria-labelledby="events-registration">
      <h2 id="events-registration">{t('registration.title')}</h2>
      <p role="status" className="events-status">
        {announce}
      </p>
      {mine?.status === 'REGISTERED' && (
        <div className="notice notice--success" data-registration-status="REGISTERED">
          <p className="notice__title">{t('registration.youHaveAPlace')}</p>
          {mine.promotedAt && <p>{t('registration.promotedFrom')}</p>}
          <p>{t('registration.placeNext')}</p>
        </div>
      )}
      {mine?.status === 'WAITLISTED' && (
        <div className="notice notice--info" data-registration-status="WAITLISTED">
          <p className="notice__title">
            {t('registration.youAreWaiting', { position: formatNumber(mine.waitlistPosition ?? 0, language) })}
          </p>
          <p>{t('registration.waitingNext')}</p>
        </div>
      )}
      {event.myRegistration?.status === 'CANCELLED' && <p>{t('registration.youCancelled')}</p>}

      {!user && event.status === 'PUBLISHED' && event.registrationOpen && (
        <p>
          <Link className="button button--primary" to="/sign-in" state={{ from: location.pathname }}>
            {t('registration.signInToRegister')}
          </Link>
        </p>
      )}
      {user && !mine && event.status === 'PUBLISHED' && event.registrationOpen && (
        <>
          {full && <p>{t('registration.fullExplain')}</p>}
          <button type="button" className="button button--primary" disabled={registered.fetching} onClick={() => void doRegister()}>
            {full ? t('registration.joinWaitlist') : t('registration.register')}
          </button>
        </>
      )}
      {event.status === 'PUBLISHED' && !event.registrationOpen && !mine && <p>{t('registration.notOpenNow')}</p>}
      {mine && !started && event.status === 'PUBLISHED' && (
        <>
          {!confirming ? (
            <button type="button" className="button button--secondary" onClick={() => setConfirming(true)}>
              {mine.status === 'WAITLISTED' ? t('registration.leaveWaitlist') : t('registration.cancel')}
            </button>
          ) : (
            <div role="group" aria-label={t('registration.confirmCancelLabel')}>
              <p>{mine.status === 'REGISTERED' ? t('registration.confirmCancelPlace') : t('registration.confirmCancelWaiting')}</p>
              <div className="events-actions">
                <button type="button" className="button button--danger" disabled={cancelled.fetching} onClick={() => void doCancel()}>
                  {t('registration.confirmCancel')}
                </button>
                <button type="button" className="button button--ghost" onClick={() => setConfirming(false)}>
                  {t('registration.keep')}
                </button>
              </div>
            </div>
          )}
        </>
      )}
      <ErrorNotice error={registered.error ?? cancelled.error} />
      {user && (
        <p>
          <Link to="/me/events">{t('registration.allMine')}</Link>
        </p>
      )}
    </section>
  );
}

/** Follow or unfollow announcements of new events: the whole programme, and each of this event's sectors. */
function FollowPanel({ event, sectorName }: { event: Detail; sectorName: (key: string) => string }) {
  const { t } = useMessages(eventsMessages);
  const [{ data, error }, reexecute] = useQuery({ query: EventsMyFollows });
  const follows = data?.myEventFollows ?? [];
  const options: Array<{ input: EventFollowInput; label: string }> = [
    { input: { scope: 'PROGRAMME' }, label: t('follow.programme') },
    ...event.sectors.map((sector) => ({ input: { scope: 'SECTOR' as const, sector }, label: t('follow.sector', { sector: sectorName(sector) }) })),
    ...(event.workspaceId ? [{ input: { scope: 'WORKSPACE' as const, workspaceId: event.workspaceId }, label: t('follow.workspace') }] : []),
  ];
  const isFollowing = (input: EventFollowInput) =>
    follows.some((f) => f.scope === input.scope && (f.sector ?? null) === (input.sector ?? null) && (f.workspaceId ?? null) === (input.workspaceId ?? null));
  return (
    <section className="events-panel" aria-labelledby="events-follow">
      <h2 id="events-follow">{t('follow.title')}</h2>
      <p>{t('follow.lead')}</p>
      <ErrorNotice error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      {data && (
        <ul className="events-follows">
          {options.map((option) => (
            <FollowToggle
              key={`${option.input.scope}-${option.input.sector ?? ''}-${option.input.workspaceId ?? ''}`}
              input={option.input}
              label={option.label}
              following={isFollowing(option.input)}
              onChanged={() => reexecute({ requestPolicy: 'network-only' })}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

/** Edit, publish (announces it by email), cancel with a reason, and the registrations list. */
function OrganiserPanel({ event, refresh }: { event: Detail; refresh: () => void }) {
  const { t } = useMessages(eventsMessages);
  const [published, publish] = useMutation(EventsPublish);
  const [cancelled, cancelEvent] = useMutation(EventsCancelEvent);
  const [reason, setReason] = useState('');
  const [cancelTried, setCancelTried] = useState(false);
  const [cancelOpen, setCancelOpen] = useState(false);
  const [status, setStatus] = useState('');
  const now = useNow();
  const reasonProblem = cancelTried && !reason.trim() ? t('organise.reasonNeeded') : reason.length > 2000 ? t('organise.reasonTooLong') : null;

  async function doPublish() {
    const result = await publish({ input: { id: event.id, version: event.version } });
    if (result.data) {
      setStatus(t('organise.publishedDone'));
      refresh();
    }
  }
  async function doCancel(e: FormEvent) {
    e.preventDefault();
    setCancelTried(true);
    if (!reason.trim() || reason.length > 2000) return;
    const result = await cancelEvent({ input: { id: event.id, version: event.version, reason: reason.trim() } });
    if (result.data) {
      setStatus(t('organise.cancelledDone'));
      setCancelOpen(false);
      refresh();
    }
  }

  return (
    <section className="events-panel" aria-labelledby="events-organise">
      <h2 id="events-organise">{t('organise.title')}</h2>
      <p role="status" className="events-status">
        {status}
      </p>
      <div className="events-actions">
        {event.status !== 'CANCELLED' && (
          <Link className="button button--secondary" to={`/events/${event.id}/edit`}>
            {t('organise.edit')}
          </Link>
        )}
        <Link className="button button--secondary" to={`/events/${event.id}/registrations`}>
          {t('organise.registrations')}
        </Link>
      </div>
      {event.status === 'DRAFT' && (
        <>
          <p>{t('organise.publishExplain')}</p>
          <button type="button" className="button button--primary" disabled={published.fetching} onClick={() => void doPublish()}>
            {t('organise.publish')}
          </button>
          <ErrorNotice error={published.error} />
        </>
      )}
      {event.status !== 'CANCELLED' && Date.parse(event.endsAt) > now && (
        <>
          {!cancelOpen ? (
            <p>
              <button type="button" className="button button--ghost" onClick={() => setCancelOpen(true)}>
                {t('organise.cancelEvent')}
              </button>
            </p>
          ) : (
            <form className="form" onSubmit={doCancel} noValidate>
              <Field
                label={t('organise.reason')}
                hint={t('organise.reasonHint')}
                problem={reasonProblem}
                render={(control) => <textarea {...control} value={reason} onChange={(e) => setReason(e.target.value)} onBlur={() => setCancelTried(true)} rows={4} />}
              />
              <ErrorNotice error={cancelled.error} />
              <div className="events-actions">
                <button type="submit" className="button button--danger" disabled={cancelled.fetching}>
                  {t('organise.confirmCancelEvent')}
                </button>
                <button type="button" className="button button--ghost" onClick={() => setCancelOpen(false)}>
                  {t('organise.keepEvent')}
                </button>
              </div>
            </form>
          )}
        </>
      )}
    </section>
  );
}

