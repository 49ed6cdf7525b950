import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useQuery } from 'urql';
import { ErrorNotice, Loading } from '../../../components/ErrorNotice';
import { Field } from '../../../components/Field';
import { usePageTitle } from '../../../components/Layout';
import { MoreButton, Paged } from '../../../components/Paged';
import { SideBadge } from '../../../components/StatusBadge';
import type { OrganisationFilter, OrganisationKind } from '../../../gql/graphql';
import { useDebounced } from '../../../hooks/useDebounced';
import { useMessages } from '../../../i18n';
import { cityName } from '../../../i18n/cities';
import { organisationName } from '../../organisations/shared';
import { CreateOrganisationForm } from './CreateOrganisationForm';
import { AdminOrganisations } from './documents';
import { peopleMessages } from './messages';
import { Choice, PAGE, useCities, useKinds } from './shared';

const COUNTRIES = ['GB', 'KR'] as const;

/** /admin/organisations: every organisation, found by either name, filtered by kind, country and city, page by page; and adding one. */
export default function OrganisationsPage() {
  const { t } = useMessages(peopleMessages);
  usePageTitle(t('orgs.title'));
  const [search, setSearch] = useState('');
  const [kind, setKind] = useState<OrganisationKind | ''>('');
  const [countryCode, setCountryCode] = useState('');
  const [cityId, setCityId] = useState('');
  const [creating, setCreating] = useState(false);
  const navigate = useNavigate();
  const cities = useCities(countryCode);
  const { kindOptions } = useKinds();
  const query = useDebounced(search.trim(), 300);
  const filter: OrganisationFilter = { ...(query ? { search: query } : {}), ...(kind ? { kind } : {}), ...(countryCode ? { countryCode } : {}), ...(cityId ? { cityId } : {}) };
  return (
    <div className="page">
      <h1>{t('orgs.title')}</h1>
      <p>{t('orgs.intro')}</p>
      {creating ? (
        <CreateOrganisationForm
          onDone={(id) => void navigate(`/admin/organisations/${id}`, { state: { created: true } })}
          onCancel={() => setCreating(false)}
        />
      ) : (
        <p>
          <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
            {t('orgs.create')}
          </button>
        </p>
      )}
      <div className="admin-filters" role="search" aria-label={t('search')}>
        <Field label={t('orgs.search')} type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
        <Choice label={t('orgs.kind')} value={kind} onChange={setKind} empty={t('any')} options={kindOptions} />
        <Choice
          label={t('orgs.country')}
          value={countryCode}
          onChange={(code) => {
            setCountryCode(code);
            setCityId('');
          }}
          empty={t('any')}
          options={COUNTRIES.map((c) => ({ value: c, label: t(`country.${c}`) }))}
        />
        <Choice label={t('orgs.city')} value={cityId} onChange={setCityId} empty={t('any')} options={cities.map((c) => ({ value: c.id, label: c.name }))} />
      </div>
      <Paged
        key={JSON.stringify(filter)}
        renderPage={(after, isLast, onMore) => <OrganisationsPart key={after ?? 'first'} filter={filter} after={after} isLast={isLast} onMore={onMore} />}
      />
    </div>
  );
}

function OrganisationsPart({ filter, after, isLast, onMore }: { filter: OrganisationFilter; after: string | null; isLast: boolean; onMore: (cursor: string) => void }) {
  const { t, language } = useMessages(peopleMessages);
  const { kindName } = useKinds();
  const [{ data, error, fetching }, reexecute] = useQuery({ query: AdminOrganisations, variables: { filter, first: PAGE, after }, requestPolicy: 'cache-and-network' });
  const organisations = data?.organisations;
  return (
    <>
      <ErrorNotice error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      {fetching && !data && <Loading />}
      {organisations && after === null && (
        <p aria-live="polite">{organisations.totalCount === 0 ? t('orgs.none') : t('orgs.count', { count: organisations.totalCount })}</p>
      )}
      {organisations && organisations.nodes.length > 0 && (
        <ul className="list admin-rows" aria-label={t('orgs.results')}>
          {organisations.nodes.map((o) => (
            <li key={o.id} className="admin-row">
              <span className="admin-row__main">
                <Link to={`/admin/organisations/${o.id}`}>{organisationName(o, language)}</Link>{' '}
                <span className="admin-row__detail" lang={language === 'ko' ? 'en' : 'ko'}>
                  {language === 'ko' ? o.nameEn : o.nameKo}
                </span>
              </span>
              <span className="admin-row__badges">
                <span>{kindName(o.kind)}</span>
                <SideBadge countryCode={o.city.countryCode}>{cityName(o.city, language)}</SideBadge>
                {o.emailDomain && <span className="admin-row__detail">@{o.emailDomain}</span>}
              </span>
            </li>
          ))}
        </ul>
      )}
      {organisations && isLast && (
        <MoreButton pageInfo={organisations.pageInfo} onMore={onMore}>
          {t('more')}
        </MoreButton>
      )}
    </>
  );
}
