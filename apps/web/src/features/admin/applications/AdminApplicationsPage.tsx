import { useCallback, useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { ErrorNotice, Loading } from '../../../components/ErrorNotice';
import { Field } from '../../../components/Field';
import { usePageTitle } from '../../../components/Layout';
import { LocalText } from '../../../components/LocalText';
import { MoreButton, Paged } from '../../../components/Paged';
import { Time } from '../../../components/Time';
import type { ApplicationFilter, ApplicationStatus as Status } from '../../../gql/graphql';
import { useCityNames } from '../../../hooks/useCityNames';
import { useDebounced } from '../../../hooks/useDebounced';
import { useMessages } from '../../../i18n';
import { cityLabel } from '../../../i18n/cities';
import { pickText } from '../../../i18n/format';
import { moneyText } from '../../../i18n/money';
import { ApplicationStatus } from '../../funding/ApplicationStatus';
import { fundingMessages } from '../../funding/messages';
import { AdminApplications, PipelineFundsAndCalls, AdminProjectTitle, type PipelineRow } from './documents';
import { adminApplicationMessages } from './messages';
import { waitsFor } from './waits';
import '../../../components/panels.css';
import './applications.css';

const STATUSES: Status[] = ['SUBMITTED', 'ELIGIBILITY_CHECKED', 'UNDER_REVIEW', 'DECIDED', 'AWARD_ACCEPTED', 'IN_DELIVERY', 'CLOSED', 'DRAFT', 'WITHDRAWN'];

/** /admin/applications: the pipeline across calls, filtered by status, fund or call, city, project and words of the title, page by page. */
export default function AdminApplicationsPage() {
  const { t, language } = useMessages(adminApplicationMessages);
  const funding = useMessages(fundingMessages);
  usePageTitle(t('list.title'));
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const words = useDebounced(search.trim(), 300);
  const status = params.get('status') ?? '';
  const scope = params.get('call') ?? '';
  const city = params.get('city') ?? '';
  const project = params.get('project') ?? '';
  // The filters live in the address, so going back from an application finds the list as it was.
  const setParam = useCallback(
    (key: string, value: string) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          if (value) next.set(key, value);
          else next.delete(key);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  useEffect(() => {
    if ((params.get('q') ?? '') !== words) setParam('q', words);
  }, [params, setParam, words]);
  const cityNames = useCityNames();
  const cityOptions = [...cityNames.entries()].sort((a, b) => a[1][language].localeCompare(b[1][language], language));
  const [funds] = useQuery({ query: PipelineFundsAndCalls });
  const [kind, scopeId] = scope.split(':');
  const filter: ApplicationFilter = {
    ...(status ? { statuses: [status as Status] } : {}),
    ...(kind === 'fund' && scopeId ? { fundId: scopeId } : {}),
    ...(kind === 'call' && scopeId ? { callId: scopeId } : {}),
    ...(city ? { cityId: city } : {}),
    ...(project ? { projectId: project } : {}),
    ...(words ? { search: words } : {}),
  };
  const key = JSON.stringify(filter);

  return (
    <div className="page">
      <h1>{t('list.title')}</h1>
      <p>{t('list.intro')}</p>
      <form className="toolbar" role="search" onSubmit={(e) => e.preventDefault()}>
        <Field label={t('list.search')} type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
        <Field
          label={t('list.status')}
          render={(control) => (
            <select {...control} value={status} onChange={(e) => setParam('status', e.target.value)}>
              <option value="">{t('list.anyStatus')}</option>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {funding.t(`appStatus.${s}`)}
                </option>
              ))}
            </select>
          )}
        />
        <Field
          label={t('list.call')}
          render={(control) => (
            <select {...control} value={scope} onChange={(e) => setParam('call', e.target.value)}>
              <option value="">{t('list.anyCall')}</option>
              {funds.data?.funds.nodes.map((fund) => (
                <optgroup key={fund.id} label={pickText(fund.name, language).text}>
                  <option value={`fund:${fund.id}`}>{pickText(fund.name, language).text}</option>
                  {fund.calls.nodes.map((call) => (
                    <option key={call.id} value={`call:${call.id}`}>
                      {pickText(call.title, language).text}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          )}
        />
        <Field
          label={t('list.city')}
          render={(control) => (
            <select {...control} value={city} onChange={(e) => setParam('city', e.target.value)}>
              <option value="">{t('list.anyCity')}</option>
              {cityOptions.map(([id, names]) => (
                <option key={id} value={id}>
                  {names[language]}
                </option>
              ))}
            </select>
          )}
        />
      </form>
      <ErrorNotice error={funds.error} />
      {project && (
        <p className="notice notice--info">
          {t('list.projectFilter')} <ProjectTitle id={project} />{' '}
          <button type="button" className="button button--ghost" onClick={() => setParam('project', '')}>
            {t('list.clearProject')}
          </button>
        </p>
      )}
      <Paged
        key={key}
        renderPage={(after, isLast, onMore) => (
          <PipelinePage key={after ?? 'first'} filter={filter} after={after} isLast={isLast} onMore={onMore} onProject={(id) => setParam('project', id)} cityNames={cityNames} />
        )}
      />
    </div>
  );
}

/** The project the pipeline is filtered by, by its title (nothing while it loads or when it is gone). */
function ProjectTitle({ id }: { id: string }) {
  const [{ data }] = useQuery({ query: AdminProjectTitle, variables: { id } });
  return data ? <strong><LocalText value={data.project.title} /></strong> : null;
}

function PipelinePage({
  filter,
  after,
  isLast,
  onMore,
  onProject,
  cityNames,
}: {
  filter: ApplicationFilter;
  after: string | null;
  isLast: boolean;
  onMore: (cursor: string) => void;
  onProject: (projectId: string) => void;
  cityNames: Map<string, { en: string; ko: string }>;
}) {
  const { t } = useMessages(adminApplicationMessages);
  const [{ data, error, fetching }, reexecute] = useQuery({ query: AdminApplications, variables: { filter, after }, requestPolicy: 'cache-and-network' });
  const page = data?.fundApplications;
  return (
    <>
      <ErrorNotice error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      {fetching && !data && <Loading />}
      {page && after === null && <p aria-live="polite">{page.totalCount === 0 ? t('list.none') : t('list.count', { count: page.totalCount })}</p>}
      {page && page.nodes.length > 0 && (
        <ul className="list admin-applications">
          {page.nodes.map((row) => (
            <PipelineItem key={row.id} row={row} onProject={onProject} cityNames={cityNames} />
          ))}
        </ul>
      )}
      {page && isLast && (
        <MoreButton pageInfo={page.pageInfo} onMore={onMore}>
          {t('list.more')}
        </MoreButton>
      )}
    </>
  );
}

function PipelineItem({ row, onProject, cityNames }: { row: PipelineRow; onProject: (projectId: string) => void; cityNames: Map<string, { en: string; ko: string }> }) {
  const { t, language } = useMessages(adminApplicationMessages);
  const headingId = `application-${row.id}`;
  return (
    <li data-application-id={row.id}>
      <article aria-labelledby={headingId}>
        <h2 id={headingId} className="admin-applications__title">
          <Link to={`/admin/applications/${row.id}`}>
            <LocalText value={row.title} />
          </Link>{' '}
          <ApplicationStatus status={row.status} />
        </h2>
        <dl className="meta">
          <dt>{t('list.waitsFor')}</dt>
          <dd>{waitsFor(row, t)}</dd>
          <dt>{t('list.cities')}</dt>
          <dd>{row.cityIds.map((c) => cityLabel(c, cityNames, language)).join(' · ')}</dd>
          <dt>{t('list.callName')}</dt>
          <dd>
            <LocalText value={row.call.title} />
          </dd>
          <dt>{t('list.requested')}</dt>
          <dd>{moneyText(row.requested, language) || '—'}</dd>
          {row.award.length > 0 && (
            <>
              <dt>{t('list.award')}</dt>
              <dd>{moneyText(row.award, language)}</dd>
            </>
          )}
          <dt>{t('list.changed')}</dt>
          <dd>
            <Time value={row.updatedAt} />
          </dd>
        </dl>
        <button type="button" className="button button--ghost" onClick={() => onProject(row.projectId)} aria-describedby={headingId}>
          {t('list.project')}
        </button>
      </article>
    </li>
  );
}
