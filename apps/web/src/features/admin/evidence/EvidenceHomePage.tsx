import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { Field } from '../../../components/Field';
import { LocalText, TypedText } from '../../../components/LocalText';
import { usePageTitle } from '../../../components/Layout';
import { Paged } from '../../../components/Paged';
import { SideBadge, StatusBadge } from '../../../components/StatusBadge';
import { Time } from '../../../components/Time';
import type { AdminEvidenceAuditQuery, TwinningStatus } from '../../../gql/graphql';
import { useCityNames } from '../../../hooks/useCityNames';
import { useDebounced } from '../../../hooks/useDebounced';
import { useMessages, type Language } from '../../../i18n';
import { cityLabel, cityName } from '../../../i18n/cities';
import { formatNumber } from '../../../i18n/format';
import { figuresKnown, gapSummary } from '../../pairing/NeedsEvidence';
import { pairingMessages } from '../../pairing/messages';
import { points, TWINNING_STATUSES } from '../../pairing/shared';
import { useReference } from '../../pairing/useReference';
import { sectorLabel } from '../../../hooks/useSectorNames';
import { ConnectionPage, type PagePlace } from './ConnectionPage';
import { AdminTwinnings, EvidenceAudit, EvidenceNeeds } from './documents';
import { evidenceMessages, type EvidenceT } from './messages';
import './evidence.css';

const PAGE = 20;
export const COUNTRIES = ['GB', 'KR'] as const;

/** /admin/evidence: what each city lacks (most useful first), the twinnings and their status, and every change to the evidence. */
export default function EvidenceHomePage() {
  const { t } = useMessages(evidenceMessages);
  usePageTitle(t('title'));
  return (
    <div className="page admin-evidence">
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <NeedsSection />
      <TwinningsSection />
      <AuditSection />
    </div>
  );
}

function NeedsSection() {
  const { t } = useMessages(evidenceMessages);
  const [country, setCountry] = useState('');
  const [search, setSearch] = useState('');
  const term = useDebounced(search.trim(), 300);
  return (
    <section aria-labelledby="evidence-needs">
      <h2 id="evidence-needs">{t('needs.title')}</h2>
      <p>{t('needs.lead')}</p>
      <div className="admin-evidence__filters">
        <Field
          label={t('needs.country')}
          render={(control) => (
            <select {...control} value={country} onChange={(e) => setCountry(e.target.value)}>
              <option value="">{t('needs.allCountries')}</option>
              {COUNTRIES.map((code) => (
                <option key={code} value={code}>
                  {t(`country.${code}`)}
                </option>
              ))}
            </select>
          )}
        />
        <Field label={t('needs.search')} hint={t('needs.searchHint')} type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
      </div>
      <Paged
        key={`${country}|${term}`}
        renderPage={(after, isLast, onMore) => <NeedsPage key={after ?? 'first'} country={country} search={term} place={{ after, isLast, onMore }} />}
      />
    </section>
  );
}

function NeedsPage({ country, search, place }: { country: string; search: string; place: PagePlace }) {
  const { t, language } = useMessages(evidenceMessages);
  const pairing = useMessages(pairingMessages).t;
  const query = useQuery({
    query: EvidenceNeeds,
    variables: { countryCode: country || null, search: search || null, after: place.after },
    requestPolicy: 'cache-and-network',
  });
  return (
    <ConnectionPage
      query={query}
      pick={(d) => d.cityEvidenceNeeds}
      place={place}
      count={(count) => t('needs.count', { count, value: formatNumber(count, language) })}
      none={t('needs.none')}
      more={t('needs.more')}
      className="admin-evidence__needs"
    >
      {(need) => {
        const name = cityName(need.city, language);
        return (
          <li key={need.cityId} data-city-id={need.cityId}>
            <h3>
              <Link to={`/admin/evidence/${need.cityId}`} aria-label={t('needs.open', { city: name })}>
                {name}
              </Link>{' '}
              <SideBadge countryCode={need.city.countryCode}>{t(`country.${need.city.countryCode === 'KR' ? 'KR' : 'GB'}`)}</SideBadge>
            </h3>
            <p>{figuresKnown(need, pairing, language)}</p>
            {need.gapCount === 0 ? (
              <p>{t('needs.complete')}</p>
            ) : (
              <>
                <p>{t('needs.lacks', { list: gapSummary(need, pairing, language) })}</p>
                <p>{t('needs.upTo', { value: points(need.headroom, language) })}</p>
              </>
            )}
          </li>
        );
      }}
    </ConnectionPage>
  );
}

function TwinningsSection() {
  const { t } = useMessages(evidenceMessages);
  const [status, setStatus] = useState<TwinningStatus | ''>('');
  const statusNames = useMessages(pairingMessages).t;
  return (
    <section aria-labelledby="evidence-twinnings">
      <h2 id="evidence-twinnings">{t('twinnings.title')}</h2>
      <p>{t('twinnings.lead')}</p>
      <div className="admin-evidence__filters">
        <Field
          label={t('twinnings.status')}
          render={(control) => (
            <select {...control} value={status} onChange={(e) => setStatus(e.target.value as TwinningStatus | '')}>
              <option value="">{t('twinnings.allStatuses')}</option>
              {TWINNING_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {statusNames(`status.${s}`)}
                </option>
              ))}
            </select>
          )}
        />
      </div>
      <Paged key={status} renderPage={(after, isLast, onMore) => <TwinningsPage key={after ?? 'first'} status={status} place={{ after, isLast, onMore }} />} />
    </section>
  );
}

function TwinningsPage({ status, place }: { status: TwinningStatus | ''; place: PagePlace }) {
  const { t, language } = useMessages(evidenceMessages);
  const statusNames = useMessages(pairingMessages).t;
  const query = useQuery({
    query: AdminTwinnings,
    variables: { filter: status ? { status } : {}, first: PAGE, after: place.after },
    requestPolicy: 'cache-and-network',
  });
  return (
    <ConnectionPage
      query={query}
      pick={(d) => d.twinnings}
      place={place}
      count={(count) => t('twinnings.count', { count, value: formatNumber(count, language) })}
      none={status ? t('twinnings.none') : t('twinnings.noneAtAll')}
      more={t('twinnings.more')}
      className="admin-evidence__twinnings"
    >
      {(twinning) => (
        <li key={twinning.id} data-twinning-id={twinning.id}>
          <Link to={`/twinnings/${twinning.id}`}>{t('twinnings.pair', { a: cityName(twinning.cityA, language), b: cityName(twinning.cityB, language) })}</Link>{' '}
          <StatusBadge kind="pairing-status" status={twinning.status} data-status={twinning.status}>
            {statusNames(`status.${twinning.status}`)}
          </StatusBadge>{' '}
          <small>
            <Time value={twinning.createdAt} />
          </small>
        </li>
      )}
    </ConnectionPage>
  );
}

function AuditSection() {
  const { t, language } = useMessages(evidenceMessages);
  const cities = useCityNames();
  const [cityId, setCityId] = useState('');
  const options = [...cities].sort(([, a], [, b]) => a[language].localeCompare(b[language], language));
  return (
    <section aria-labelledby="evidence-audit">
      <h2 id="evidence-audit">{t('audit.title')}</h2>
      <p>{t('audit.lead')}</p>
      <div className="admin-evidence__filters">
        <Field
          label={t('audit.city')}
          render={(control) => (
            <select {...control} value={cityId} onChange={(e) => setCityId(e.target.value)}>
              <option value="">{t('audit.allCities')}</option>
              {options.map(([id, names]) => (
                <option key={id} value={id}>
                  {names[language]}
                </option>
              ))}
            </select>
          )}
        />
      </div>
      <Paged key={cityId} renderPage={(after, isLast, onMore) => <AuditPage key={after ?? 'first'} cityId={cityId} place={{ after, isLast, onMore }} />} />
    </section>
  );
}

/** The list of a city's evidence changes, as the city's page shows it too. */
export function AuditPage({ cityId, place }: { cityId: string; place: PagePlace }) {
  const { t, language } = useMessages(evidenceMessages);
  const cities = useCityNames();
  const { sectors } = useReference();
  const query = useQuery({
    query: EvidenceAudit,
    variables: { cityId: cityId || null, first: PAGE, after: place.after },
    requestPolicy: 'cache-and-network',
  });
  const sectorName = (key: string) => sectorLabel(sectors, key, language);
  return (
    <ConnectionPage
      query={query}
      pick={(d) => d.pairingEvidenceAudit}
      place={place}
      count={(count) => t('audit.count', { count, value: formatNumber(count, language) })}
      none={t('audit.none')}
      more={t('audit.more')}
      className="admin-evidence__audit"
    >
      {(entry) => (
        <li key={entry.id} data-audit-action={entry.action}>
          <p className="admin-evidence__audit-what">
            <strong>{actionLabel(entry.action, t)}</strong> <Time value={entry.at} />
          </p>
          <AuditFacts entry={entry} t={t} language={language} sectorName={sectorName} />
          <p>
            {t('audit.cities')}: {entry.cityIds.map((id) => cityLabel(id, cities, language)).join(', ')} · {t('audit.by')}:{' '}
            {entry.actorName ?? (entry.actorUserId ? t('audit.byPerson') : t('audit.bySeed'))}
          </p>
        </li>
      )}
    </ConnectionPage>
  );
}

type AuditEntry = AdminEvidenceAuditQuery['pairingEvidenceAudit']['nodes'][number];
const ACTIONS = ['readiness.record', 'sector.set', 'sector.clear', 'link.create', 'link.update', 'link.delete', 'link.platform', 'weightProfile.save', 'weightProfile.delete'] as const;

function actionLabel(action: string, t: EvidenceT): string {
  const known = (ACTIONS as readonly string[]).includes(action) ? (action as (typeof ACTIONS)[number]) : 'other';
  return t(`audit.action.${known}` as 'audit.action.other');
}

/** What the changed record said, in words: a readiness score, a sector and its level, a link's summary. */
function AuditFacts({ entry, t, language, sectorName }: { entry: AuditEntry; t: EvidenceT; language: Language; sectorName: (key: string) => string }) {
  const record = parseRecord(entry.after) ?? parseRecord(entry.before);
  if (!record) return null;
  const n = (key: string) => (typeof record[key] === 'number' ? (record[key] as number) : 0);
  if (entry.entity === 'ReadinessAssessment') {
    const composite = n('strategy') + n('visibleHome') + n('networks') + n('collaboration');
    return <p>{t('audit.composite', { value: formatNumber(composite, language) })}</p>;
  }
  if (entry.entity === 'SectorActivity' && typeof record.sectorKey === 'string') {
    return <p>{t('audit.level', { sector: sectorName(record.sectorKey), level: formatNumber(n('level'), language) })}</p>;
  }
  if (entry.entity === 'CityLink') {
    // Entries from before links had a Korean version kept one summary, as written.
    const text = (key: string) => (typeof record[key] === 'string' ? (record[key] as string) : null);
    if (text('summaryEn') || text('summaryKo')) return <LocalText as="p" value={{ en: text('summaryEn'), ko: text('summaryKo') }} />;
    if (text('summary'))
      return (
        <p>
          <TypedText text={text('summary')!} />
        </p>
      );
  }
  return null;
}

function parseRecord(json: string | null | undefined): Record<string, unknown> | null {
  if (!json) return null;
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
