import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { looksLikeEmail } from '@app/rules';
import { fieldProblems, problemOf } from '../../../api/errors';
import { ErrorNotice, Loading } from '../../../components/ErrorNotice';
import { Field } from '../../../components/Field';
import { usePageTitle } from '../../../components/Layout';
import { MoreButton, Paged } from '../../../components/Paged';
import { StatusBadge } from '../../../components/StatusBadge';
import { Time } from '../../../components/Time';
import type { AdminOutboxMessagesQuery, OutboxStatus, PlatformService, ServiceState } from '../../../gql/graphql';
import { useDebounced } from '../../../hooks/useDebounced';
import { useMessages, type TranslateOf } from '../../../i18n';
import { OutboxMessagesQuery, PlatformHealthQuery, RetryOutboxMessage, SendTestEmail } from './documents';
import { operationsMessages } from './messages';
import './operations.css';

const PAGE = 20;
const STATUSES: OutboxStatus[] = ['PENDING', 'SENDING', 'SENT', 'FAILED', 'DEAD'];
/** What the outbox shows: those that need someone (the default), every email, or one status. */
type Shown = 'attention' | 'all' | OutboxStatus;
const ATTENTION: OutboxStatus[] = ['FAILED', 'DEAD'];

/** /admin/operations: the services' health, a test email, and the email outbox with its failed and parked emails. */
export default function OperationsPage() {
  const { t } = useMessages(operationsMessages);
  usePageTitle(t('title'));
  // A test email just sent shows in the outbox: the list asks again.
  const [sent, setSent] = useState(0);
  return (
    <div className="page operations">
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <ServicesHealth />
      <TestEmailForm onSent={() => setSent((n) => n + 1)} />
      <Outbox refresh={sent} />
    </div>
  );
}

function ServicesHealth() {
  const { t } = useMessages(operationsMessages);
  const [{ data, error, fetching }, reexecute] = useQuery({ query: PlatformHealthQuery, requestPolicy: 'network-only' });
  const [status, setStatus] = useState('');
  const health = data?.platformHealth;
  return (
    <section aria-labelledby="services-heading">
      <h2 id="services-heading">{t('health.title')}</h2>
      <ErrorNotice error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      {fetching && !health && <Loading />}
      {health && (
        <>
          <ul className="list operations__services">
            {health.services.map((service) => (
              <li key={service.service} data-service={service.service}>
                <h3>{t(`health.service.${service.service}`)}</h3>
                <StatusBadge kind="service-state" status={service.state} data-state={service.state}>
                  {t(`health.state.${service.state}`)}
                </StatusBadge>
                <p>{explanation(t, service.service, service.state, service.workers)}</p>
                {service.detail && (
                  <p className="notice__detail">
                    {t('health.detail')}: <span lang="en">{service.detail}</span>
                  </p>
                )}
              </li>
            ))}
          </ul>
          <p>
            {t('health.checkedAt')}: <Time value={health.checkedAt} />
          </p>
        </>
      )}
      <button
        type="button"
        className="button button--secondary"
        disabled={fetching}
        onClick={() => {
          setStatus('');
          reexecute({ requestPolicy: 'network-only' });
          setStatus(t('health.rechecked'));
        }}
      >
        {t('health.recheck')}
      </button>
      <p role="status" className="form__status">
        {fetching ? '' : status}
      </p>
    </section>
  );
}

type OperationsT = TranslateOf<typeof operationsMessages>;

/** What a service's state means for the programme, in words. */
function explanation(t: OperationsT, service: PlatformService, state: ServiceState, workers: number | null | undefined): string {
  if (service === 'WORKER' && state === 'UP') return t('health.explain.WORKER.UP', { count: workers ?? 1 });
  return t(`health.explain.${service}.${state}` as 'health.explain.DATABASE.UP');
}

function TestEmailForm({ onSent }: { onSent: () => void }) {
  const { t } = useMessages(operationsMessages);
  const [to, setTo] = useState('');
  const [touched, setTouched] = useState(false);
  const [queuedTo, setQueuedTo] = useState<string | null>(null);
  const [result, send] = useMutation(SendTestEmail);
  const local = to.trim() && !looksLikeEmail(to) ? t('test.invalid') : null;
  const server = fieldProblems(problemOf(result.error)).to ?? null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    setQueuedTo(null);
    if (local) return;
    const { data } = await send({ to: to.trim() || undefined });
    if (data) {
      setQueuedTo(data.sendTestEmail.to);
      setTo('');
      setTouched(false);
      onSent();
    }
  }

  return (
    <section aria-labelledby="test-email-heading">
      <h2 id="test-email-heading">{t('test.title')}</h2>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <p className="field__hint">{t('test.intro')}</p>
        <Field
          label={t('test.to')}
          hint={t('test.toHint')}
          type="email"
          autoComplete="off"
          value={to}
          onChange={(e) => setTo(e.target.value)}
          onBlur={() => to && setTouched(true)}
          problem={(touched && local) || (server ? t('test.invalid') : null)}
        />
        <ErrorNotice error={result.error} />
        <div>
          <button type="submit" className="button button--primary" disabled={result.fetching}>
            {t('test.submit')}
          </button>
        </div>
        <p role="status" className="form__status">
          {queuedTo ? t('test.queued', { to: queuedTo }) : ''}
        </p>
      </form>
    </section>
  );
}

function Outbox({ refresh }: { refresh: number }) {
  const { t } = useMessages(operationsMessages);
  const [shown, setShown] = useState<Shown>('attention');
  const [search, setSearch] = useState('');
  const query = useDebounced(search.trim(), 300);
  const [done, setDone] = useState('');
  const status = shown === 'all' ? undefined : shown === 'attention' ? ATTENTION : [shown];
  return (
    <section aria-labelledby="outbox-heading">
      <h2 id="outbox-heading">{t('outbox.title')}</h2>
      <p>{t('outbox.intro')}</p>
      <div className="operations__filters">
        <Field
          label={t('outbox.status')}
          render={(control) => (
            <select {...control} value={shown} onChange={(e) => setShown(e.target.value as Shown)}>
              <option value="attention">{t('outbox.filter.attention')}</option>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`outbox.statusName.${s}`)}
                </option>
              ))}
              <option value="all">{t('outbox.filter.all')}</option>
            </select>
          )}
        />
        <Field label={t('outbox.search')} type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
      </div>
      <p role="status" className="form__status">
        {done}
      </p>
      <Paged
        key={`${shown}:${query}:${refresh}`}
        renderPage={(after, isLast, onMore) => (
          <OutboxPage key={after ?? 'first'} status={status} search={query} after={after} isLast={isLast} onMore={onMore} onRetried={setDone} />
        )}
      />
    </section>
  );
}

function OutboxPage({
  status,
  search,
  after,
  isLast,
  onMore,
  onRetried,
}: {
  status: OutboxStatus[] | undefined;
  search: string;
  after: string | null;
  isLast: boolean;
  onMore: (cursor: string) => void;
  onRetried: (text: string) => void;
}) {
  const { t } = useMessages(operationsMessages);
  const [{ data, error, fetching }, reexecute] = useQuery({
    query: OutboxMessagesQuery,
    variables: { status, search: search || undefined, first: PAGE, after },
    requestPolicy: 'cache-and-network',
  });
  const reload = () => reexecute({ requestPolicy: 'network-only' });
  const outbox = data?.outboxMessages;
  return (
    <>
      <ErrorNotice error={error} onRetry={reload} />
      {fetching && !outbox && <Loading />}
      {outbox && after === null && <p aria-live="polite">{outbox.totalCount === 0 ? t('outbox.none') : t('outbox.count', { count: outbox.totalCount })}</p>}
      {outbox && outbox.nodes.length > 0 && (
        <ul className="list operations__outbox">
          {outbox.nodes.map((message) => (
            <OutboxItem key={message.id} message={message} onRetried={onRetried} onStale={reload} />
          ))}
        </ul>
      )}
      {outbox && isLast && (
        <MoreButton pageInfo={outbox.pageInfo} onMore={onMore}>
          {t('outbox.more')}
        </MoreButton>
      )}
    </>
  );
}

type Message = AdminOutboxMessagesQuery['outboxMessages']['nodes'][number];

function OutboxItem({ message, onRetried, onStale }: { message: Message; onRetried: (text: string) => void; onStale: () => void }) {
  const { t } = useMessages(operationsMessages);
  const [result, retry] = useMutation(RetryOutboxMessage);
  const problem = problemOf(result.error);
  const headingId = `outbox-${message.id}`;
  const canRetry = message.status === 'FAILED' || message.status === 'DEAD';

  async function retryIt() {
    const { data, error } = await retry({ id: message.id });
    if (data) onRetried(t('outbox.retried', { to: message.recipientEmail }));
    else if (problemOf(error)?.code === 'CONFLICT') onStale();
  }

  return (
    <li>
      <article aria-labelledby={headingId}>
        <h3 id={headingId} className="operations__recipient">
          {message.recipientEmail}{' '}
          <StatusBadge kind="outbox-status" status={message.status} data-status={message.status}>
            {t(`outbox.statusName.${message.status}`)}
          </StatusBadge>
        </h3>
        <dl className="operations__facts">
          <dt>{t('outbox.subject')}</dt>
          {/* The subject as the recipient reads it, in their language. */}
          <dd lang={message.subject ? (message.language === 'ko' ? 'ko' : 'en') : undefined}>{message.subject ?? t('outbox.notRendered')}</dd>
          <dt>{t('outbox.language')}</dt>
          <dd>{t(`outbox.languageName.${message.language === 'ko' ? 'ko' : 'en'}`)}</dd>
          <dt>{t('outbox.attempts')}</dt>
          <dd>{message.attempts}</dd>
          <dt>{t('outbox.created')}</dt>
          <dd>
            <Time value={message.createdAt} />
          </dd>
          {message.sentAt && (
            <>
              <dt>{t('outbox.sent')}</dt>
              <dd>
                <Time value={message.sentAt} />
              </dd>
            </>
          )}
          {message.lastError && (
            <>
              <dt>{t('outbox.error')}</dt>
              <dd lang="en">{message.lastError}</dd>
            </>
          )}
        </dl>
        {problem?.code === 'CONFLICT' ? (
          <p className="notice notice--info" role="alert">
            {t('outbox.alreadyMoved')}
          </p>
        ) : (
          <ErrorNotice error={result.error} />
        )}
        {canRetry && (
          <button type="button" className="button button--secondary" disabled={result.fetching} onClick={() => void retryIt()}>
            {t('outbox.retry')}
            <span className="visually-hidden">: {message.recipientEmail}</span>
          </button>
        )}
      </article>
    </li>
  );
}
