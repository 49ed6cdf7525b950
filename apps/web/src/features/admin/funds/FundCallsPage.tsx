import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { ErrorNotice, Loading } from '../../../components/ErrorNotice';
import { Field } from '../../../components/Field';
import { LocalText } from '../../../components/LocalText';
import { MoreButton, Paged } from '../../../components/Paged';
import { StatusBadge } from '../../../components/StatusBadge';
import { Time } from '../../../components/Time';
import { useNow } from '../../../hooks/useNow';
import { useMessages } from '../../../i18n';
import { pickText } from '../../../i18n/format';
import { moneyText } from '../../../i18n/money';
import { AdminFundCalls } from './documents';
import { adminFundMessages } from './messages';
import { useFund, ZONES } from './shared';

/** Where a call stands now: before its opening, taking submissions, or closed. */
export function callState(call: { opensAt: string; closesAt: string }, now: number): 'upcoming' | 'open' | 'closed' {
  if (Date.parse(call.opensAt) > now) return 'upcoming';
  return Date.parse(call.closesAt) > now ? 'open' : 'closed';
}

/** /admin/funds/:id/calls: the fund's calls, all or those open now, each to edit; and opening a new one. */
export default function FundCallsPage() {
  const fund = useFund();
  const { t } = useMessages(adminFundMessages);
  const [openOnly, setOpenOnly] = useState(false);
  return (
    <section aria-labelledby="calls-heading">
      <h2 id="calls-heading">{t('calls.title')}</h2>
      <p>{t('calls.intro')}</p>
      <p>
        <Link className="button button--primary" to={`/admin/funds/${fund.id}/calls/new`}>
          {t('calls.open')}
        </Link>
      </p>
      <div className="toolbar">
        <Field
          label={t('calls.filter')}
          render={(control) => (
            <select {...control} value={openOnly ? 'open' : 'all'} onChange={(e) => setOpenOnly(e.target.value === 'open')}>
              <option value="all">{t('calls.all')}</option>
              <option value="open">{t('calls.openOnly')}</option>
            </select>
          )}
        />
      </div>
      <Paged key={String(openOnly)} renderPage={(after, isLast, onMore) => <CallsPage key={after ?? 'first'} fundId={fund.id} openOnly={openOnly} after={after} isLast={isLast} onMore={onMore} />} />
    </section>
  );
}

function CallsPage({ fundId, openOnly, after, isLast, onMore }: { fundId: string; openOnly: boolean; after: string | null; isLast: boolean; onMore: (cursor: string) => void }) {
  const { t, language } = useMessages(adminFundMessages);
  const now = useNow(60_000);
  const [{ data, error, fetching }, reexecute] = useQuery({
    query: AdminFundCalls,
    variables: { fundId, open: openOnly ? true : undefined, after },
    requestPolicy: 'cache-and-network',
  });
  const calls = data?.fundCalls.nodes ?? [];
  return (
    <>
      <ErrorNotice error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      {fetching && !data && <Loading />}
      {data && after === null && calls.length === 0 && <p>{t('calls.none')}</p>}
      {calls.length > 0 && (
        <ul className="list admin-funds__list" aria-label={t('calls.title')}>
          {calls.map((call) => {
            const state = callState(call, now);
            return (
              <li key={call.id} data-call-id={call.id}>
                <h3>
                  <LocalText value={call.title} />{' '}
                  <StatusBadge status={state} kind="call-state">
                    {t(`calls.state.${state}`)}
                  </StatusBadge>
                </h3>
                <dl className="admin-funds__facts">
                  <dt>{t('calls.opens')}</dt>
                  <dd>
                    <Time value={call.opensAt} also={[...ZONES]} />
                  </dd>
                  <dt>{t('calls.closes')}</dt>
                  <dd>
                    <Time value={call.closesAt} also={[...ZONES]} />
                  </dd>
                  <dt>{t('calls.maxAward')}</dt>
                  <dd>{moneyText(call.maxAward, language)}</dd>
                </dl>
                <Link to={`/admin/funds/${fundId}/calls/${call.id}`} aria-label={`${t('calls.edit')}: ${pickText(call.title, language).text}`}>
                  {t('calls.edit')}
                </Link>
              </li>
            );
          })}
        </ul>
      )}
      {data && isLast && (
        <MoreButton pageInfo={data.fundCalls.pageInfo} onMore={onMore}>
          {t('calls.more')}
        </MoreButton>
      )}
    </>
  );
}
