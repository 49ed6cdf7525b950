import { useState } from 'react';
import { useParams } from 'react-router';
import { useQuery } from 'urql';
import { usePageTitle } from '../../../components/Layout';
import { PageFrame } from '../../../components/PageFrame';
import { Paged } from '../../../components/Paged';
import { SideBadge } from '../../../components/StatusBadge';
import type { AdminCityEvidenceQuery } from '../../../gql/graphql';
import { useMessages } from '../../../i18n';
import { cityName } from '../../../i18n/cities';
import { CityToDo } from '../../pairing/NeedsEvidence';
import { CityEvidence, EvidenceNeeds } from './documents';
import { AuditPage } from './EvidenceHomePage';
import { SavedNotice } from './EvidenceForm';
import { IndicatorsSection } from './IndicatorsSection';
import { LinksSection } from './LinksSection';
import { evidenceMessages } from './messages';
import { ReadinessSection } from './ReadinessSection';
import { SectorsSection } from './SectorsSection';
import './evidence.css';

export type CityEvidenceData = AdminCityEvidenceQuery;

/** What every section of the city's page is handed: the city's evidence, and how to say a change was saved. */
export interface SectionProps {
  data: CityEvidenceData;
  /** After a change: announces `text` (or the usual "saved, the scores will be computed again") and reads the evidence again. */
  onSaved: (text?: string) => void;
}

/** /admin/evidence/:city: one city's evidence, editable; each change queues its pairs' scores to be computed again. */
export default function CityEvidencePage() {
  const { city: cityId = '' } = useParams();
  const { t, language } = useMessages(evidenceMessages);
  const [{ data, error, fetching }, reexecute] = useQuery({ query: CityEvidence, variables: { cityId } });
  const [needs, reexecuteNeeds] = useQuery({ query: EvidenceNeeds, variables: { search: cityId }, requestPolicy: 'cache-and-network' });
  const [saved, setSaved] = useState({ text: '', stamp: 0 });
  const current = data?.city.id === cityId ? data : null;
  const name = current ? cityName(current.city, language) : '';
  usePageTitle(current ? t('city.title', { city: name }) : t('city.titleFallback'));
  const need = needs.data?.cityEvidenceNeeds.nodes.find((n) => n.cityId === cityId) ?? null;

  const onSaved = (text?: string) => {
    setSaved({ text: text ?? t('city.saved', { city: name }), stamp: Date.now() });
    reexecute({ requestPolicy: 'network-only' });
    reexecuteNeeds({ requestPolicy: 'network-only' });
  };

  return (
    <PageFrame
      data={current}
      error={error}
      fetching={fetching}
      onRetry={() => reexecute({ requestPolicy: 'network-only' })}
      back={{ to: '/admin/evidence', label: t('city.back') }}
      notFound={{ title: t('city.titleFallback'), message: t('city.notFound'), back: { to: '/admin/evidence', label: t('city.back') } }}
    >
      {(loaded) => (
        <div className="admin-evidence">
          <h1>
            {t('city.title', { city: name })}{' '}
            <SideBadge countryCode={loaded.city.countryCode}>{t(`country.${loaded.city.countryCode === 'KR' ? 'KR' : 'GB'}`)}</SideBadge>
          </h1>
          <SavedNotice text={saved.text} stamp={saved.stamp} />
          {need && (
            <section aria-labelledby="city-needs">
              <h2 id="city-needs">{t('needs.title')}</h2>
              <CityToDo need={need} headingLevel={3} />
            </section>
          )}
          <IndicatorsSection data={loaded} onSaved={onSaved} />
          <ReadinessSection data={loaded} onSaved={onSaved} />
          <SectorsSection data={loaded} onSaved={onSaved} />
          <LinksSection data={loaded} onSaved={onSaved} />
          <section aria-labelledby="city-audit">
            <h2 id="city-audit">{t('audit.title')}</h2>
            <Paged
              key={saved.stamp}
              renderPage={(after, isLast, onMore) => <AuditPage key={after ?? 'first'} cityId={cityId} place={{ after, isLast, onMore }} />}
            />
          </section>
        </div>
      )}
    </PageFrame>
  );
}
