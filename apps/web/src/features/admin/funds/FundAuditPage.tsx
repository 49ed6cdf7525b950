import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { downloadWithSession } from '../../../api/download';
import { ErrorNotice, Loading } from '../../../components/ErrorNotice';
import { Field } from '../../../components/Field';
import { MoreButton, Paged } from '../../../components/Paged';
import { TypedText } from '../../../components/LocalText';
import { Time } from '../../../components/Time';
import { useDebounced } from '../../../hooks/useDebounced';
import { useMessages } from '../../../i18n';
import { AdminFundAudit } from './documents';
import { adminFundAuditMessages } from './audit-messages';
import { PAGE, useFund } from './shared';

/** Every action the fund's log records (the API's words), in the order a fund's life meets them. */
const ACTIONS = [
  'fund.created',
  'fund.updated',
  'ledger.contributed',
  'ledger.returned',
  'ledger.committed',
  'ledger.released',
  'call.created',
  'call.updated',
  'board.member-appointed',
  'board.member-ended',
  'board.rules-updated',
  'application.created',
  'application.updated',
  'application.submit',
  'application.returnToApplicant',
  'application.confirmEligibility',
  'application.startReview',
  'application.withdraw',
  'conflict.declared',
  'review.assigned',
  'review.unassigned',
  'review.due-date-set',
  'review.submitted',
  'meeting.created',
  'meeting.agenda-added',
  'meeting.agenda-removed',
  'vote.cast',
  'decision.recorded',
  'application.decide',
  'application.redecide',
  'application.acceptAward',
  'application.declineAward',
  'application.startDelivery',
  'application.closeAward',
] as const;
type Action = (typeof ACTIONS)[number];

/** /admin/funds/:id/audit: the fund's log, newest first, by action and subject, page by page; and its CSV. */
export default function FundAuditPage() {
  const fund = useFund();
  const { t } = useMessages(adminFundAuditMessages);
  const [action, setAction] = useState('');
  const [subject, setSubject] = useState('');
  const subjectId = useDebounced(subject.trim(), 300);
  const [csv, setCsv] = useState<'idle' | 'busy' | 'done' | 'failed'>('idle');
  async function download() {
    setCsv('busy');
    try {
      await downloadWithSession(`/funds/${encodeURIComponent(fund.id)}/audit.csv`, `fund-${fund.id}-audit.csv`);
      setCsv('done');
    } catch {
      setCsv('failed');
    }
  }
  return (
    <section aria-labelledby="audit-heading">
      <h2 id="audit-heading">{t('audit.title')}</h2>
      <p>{t('audit.intro')}</p>
      <p>
        <button type="button" className="button button--secondary" disabled={csv === 'busy'} onClick={() => void download()}>
          {t('audit.csv')}
        </button>
      </p>
      <p role="status" className={csv === 'failed' ? 'field__problem' : 'form__status'}>
        {csv === 'done' ? t('audit.csvDone') : csv === 'failed' ? t('audit.csvFailed') : ''}
      </p>
      <div className="toolbar">
        <Field
          label={t('audit.action')}
          render={(control) => (
            <select {...control} value={action} onChange={(e) => setAction(e.target.value)}>
              <option value="">{t('audit.allActions')}</option>
              {ACTIONS.map((a) => (
                <option key={a} value={a}>
                  {t(`actions.${a}`)}
                </option>
              ))}
            </select>
          )}
        />
        <Field label={t('audit.subject')} hint={t('audit.subjectHint')} type="search" value={subject} onChange={(e) => setSubject(e.target.value)} />
      </div>
      <Paged
        key={`${action}|${subjectId}`}
        renderPage={(after, isLast, onMore) => <AuditPage key={after ?? 'first'} fundId={fund.id} action={action} subjectId={subjectId} after={after} isLast={isLast} onMore={onMore} />}
      />
    </section>
  );
}

function AuditPage({ fundId, action, subjectId, after, isLast, onMore }: { fundId: string; action: string; subjectId: string; after: string | null; isLast: boolean; onMore: (cursor: string) => void }) {
  const { t, language } = useMessages(adminFundAuditMessages);
  const filter = { action: action || undefined, subjectId: subjectId || undefined };
  const [{ data, error, fetching }, reexecute] = useQuery({ query: AdminFundAudit, variables: { id: fundId, filter, first: PAGE, after }, requestPolicy: 'cache-and-network' });
  const entries = data?.fund.auditLog?.nodes ?? [];
  const first = after === null;
  return (
    <>
      <ErrorNotice error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      {fetching && !data && <Loading />}
      {data && first && entries.length === 0 && <p>{t('audit.none')}</p>}
      {entries.length > 0 && (
        <ul className="list admin-funds__list" aria-label={t('audit.title')}>
          {entries.map((entry) => (
            <li key={entry.id}>
              <dl className="admin-funds__facts">
                <dt>{t('audit.when')}</dt>
                <dd>
                  <Time value={entry.at} />
                </dd>
                <dt>{t('audit.who')}</dt>
                <dd>{entry.actorName}</dd>
                <dt>{t('audit.what')}</dt>
                <dd data-action={entry.action}>{ACTIONS.includes(entry.action as Action) ? t(`actions.${entry.action as Action}`) : entry.action}</dd>
                <dt>{t('audit.on')}</dt>
                <dd>
                  <SubjectLink fundId={fundId} entry={entry} />
                </dd>
                <dt>{t('audit.summary')}</dt>
                {/* The API's sentence in the page's language; an entry kept as the English it recorded says so by its lang. */}
                <dd lang={entry.summaryLang !== language ? entry.summaryLang : undefined}>{entry.summary}</dd>
                {entry.reason && (
                  <>
                    <dt>{t('audit.reason')}</dt>
                    <dd>
                      <q>
                        <TypedText text={entry.reason} />
                      </q>
                    </dd>
                  </>
                )}
              </dl>
            </li>
          ))}
        </ul>
      )}
      {data && isLast && (
        <MoreButton pageInfo={data.fund.auditLog?.pageInfo} onMore={onMore}>
          {t('audit.more')}
        </MoreButton>
      )}
    </>
  );
}

/** What an entry was done to, by the API's readable label; a link to its page where the console has one. */
function SubjectLink({ fundId, entry }: { fundId: string; entry: { subjectType: string; subjectId: string; subjectLabel: string; subjectApplicationId?: string | null } }) {
  const to = entry.subjectApplicationId
    ? `/admin/applications/${entry.subjectApplicationId}`
    : entry.subjectType === 'call'
      ? `/admin/funds/${fundId}/calls/${entry.subjectId}`
      : entry.subjectType === 'meeting'
        ? `/board/meetings/${entry.subjectId}`
        : entry.subjectType === 'member'
          ? `/admin/funds/${fundId}/board`
          : null;
  return to ? <Link to={to}>{entry.subjectLabel}</Link> : <>{entry.subjectLabel}</>;
}
