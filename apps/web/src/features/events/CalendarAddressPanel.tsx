import { useState } from 'react';
import { useMutation, useQuery, type CombinedError } from 'urql';
import { problemOf } from '../../api/errors';
import { useAuth } from '../../auth/AuthProvider';
import { ErrorNotice } from '../../components/ErrorNotice';
import { graphql } from '../../gql';
import { useMessages } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { calendarAddressMessages } from './calendarAddressMessages';

const EventsCalendarAddress = graphql(`
  query EventsCalendarAddress {
    myCalendarAddress {
      createdAt
      lastUsedAt
    }
  }
`);

const EventsCreateCalendarAddress = graphql(`
  mutation EventsCreateCalendarAddress {
    createCalendarAddress {
      url
      createdAt
    }
  }
`);

const EventsRotateCalendarAddress = graphql(`
  mutation EventsRotateCalendarAddress {
    rotateCalendarAddress {
      url
      createdAt
    }
  }
`);

const EventsRemoveCalendarAddress = graphql(`
  mutation EventsRemoveCalendarAddress {
    removeCalendarAddress
  }
`);

/**
 * The personal calendar address: made here, shown once (only a hash of it is
 * kept), and replaced by a new one or stopped, each after a warning that the
 * current one stops working at once.
 */
export function CalendarAddressPanel() {
  const { t, language } = useMessages(calendarAddressMessages);
  const { timeZone } = useAuth();
  const [{ data, error }, reexecute] = useQuery({ query: EventsCalendarAddress, requestPolicy: 'cache-and-network' });
  const [created, create] = useMutation(EventsCreateCalendarAddress);
  const [rotated, rotate] = useMutation(EventsRotateCalendarAddress);
  const [removed, remove] = useMutation(EventsRemoveCalendarAddress);
  const [fresh, setFresh] = useState<string | null>(null);
  /** Which change that stops the current address waits for the person's yes. */
  const [confirming, setConfirming] = useState<'rotate' | 'remove' | null>(null);
  const [announce, setAnnounce] = useState('');
  /** The last change's failure: shown until a later change works. */
  const [failure, setFailure] = useState<CombinedError | null>(null);
  const address = data?.myCalendarAddress;
  const when = (iso: string) => formatDateTime(iso, language, timeZone);
  const reload = () => reexecute({ requestPolicy: 'network-only' });

  /**
   * How a change ends: its failure shown, or its news announced (an earlier
   * failure gone) and the address read again; read again too when it was
   * stopped meanwhile elsewhere (NOT_FOUND), so the panel shows what is.
   */
  function settle(failed: CombinedError | undefined, news: string) {
    setFailure(failed ?? null);
    const stoppedElsewhere = problemOf(failed)?.code === 'NOT_FOUND';
    if (failed && !stoppedElsewhere) return;
    if (stoppedElsewhere) setFresh(null);
    setConfirming(null);
    if (!failed) setAnnounce(news);
    reload();
  }

  async function makeFirst() {
    setAnnounce('');
    const { data: made, error: failed } = await create({});
    const problem = problemOf(failed);
    // Made meanwhile in another tab, window or device: this page shows it as made, which it is.
    if (problem?.code === 'CONFLICT' && problem.reason === 'CALENDAR_ADDRESS_EXISTS') return settle(undefined, t('madeElsewhere'));
    if (made) setFresh(made.createCalendarAddress.url);
    settle(failed, t('madeDone'));
  }

  async function makeNew() {
    setAnnounce('');
    const { data: made, error: failed } = await rotate({});
    if (made) setFresh(made.rotateCalendarAddress.url);
    settle(failed, t('rotatedDone'));
  }

  async function stop() {
    setAnnounce('');
    // False (there was none: stopped meanwhile elsewhere) ends the same way.
    const { error: failed } = await remove({});
    if (!failed) setFresh(null);
    settle(failed, t('removedDone'));
  }

  return (
    <section className="events-panel" aria-labelledby="events-mine-calendar">
      <h2 id="events-mine-calendar">{t('title')}</h2>
      <p>{t('lead')}</p>
      <ErrorNotice error={error} onRetry={reload} />
      <p role="status" className="events-status">
        {announce}
      </p>
      {fresh && (
        <>
          <div className="events-url">
            <label className="visually-hidden" htmlFor="events-calendar-url">
              {t('url')}
            </label>
            <input id="events-calendar-url" readOnly value={fresh} onFocus={(e) => e.target.select()} />
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                void navigator.clipboard?.writeText(fresh).then(() => setAnnounce(t('copied')));
              }}
            >
              {t('copy')}
            </button>
          </div>
          <p className="notice notice--info">{t('shownOnce')}</p>
        </>
      )}
      {data && !address && <p>{t('none')}</p>}
      {address && (
        <p>
          {t('made', { date: when(address.createdAt) })}{' '}
          {address.lastUsedAt ? t('lastUsed', { date: when(address.lastUsedAt) }) : t('neverUsed')}
          {!fresh && <> {t('hidden')}</>}
        </p>
      )}
      {data && !address && (
        <button type="button" className="button button--primary" disabled={created.fetching} onClick={() => void makeFirst()}>
          {t('create')}
        </button>
      )}
      {address && !confirming && (
        <div className="events-actions">
          <button type="button" className="button button--secondary" onClick={() => setConfirming('rotate')}>
            {t('rotate')}
          </button>
          <button type="button" className="button button--secondary" onClick={() => setConfirming('remove')}>
            {t('remove')}
          </button>
        </div>
      )}
      {address && confirming === 'rotate' && (
        <Confirm label={t('rotateLabel')} warning={t('rotateWarning')} yes={t('rotateConfirm')} no={t('keep')} busy={rotated.fetching} onYes={makeNew} onNo={() => setConfirming(null)} />
      )}
      {address && confirming === 'remove' && (
        <Confirm label={t('removeLabel')} warning={t('removeWarning')} yes={t('removeConfirm')} no={t('keep')} busy={removed.fetching} onYes={stop} onNo={() => setConfirming(null)} />
      )}
      <ErrorNotice error={failure} />
      <p className="field__hint">{t('private')}</p>
    </section>
  );
}

/** A change that stops the current address: its warning, then a yes or a no. */
function Confirm({ label, warning, yes, no, busy, onYes, onNo }: { label: string; warning: string; yes: string; no: string; busy: boolean; onYes: () => Promise<void>; onNo: () => void }) {
  return (
    <div role="group" aria-label={label}>
      <p>{warning}</p>
      <div className="events-actions">
        <button type="button" className="button button--danger" disabled={busy} onClick={() => void onYes()}>
          {yes}
        </button>
        <button type="button" className="button button--ghost" onClick={onNo}>
          {no}
        </button>
      </div>
    </div>
  );
}
