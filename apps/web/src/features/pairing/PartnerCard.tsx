import { useId, useState } from 'react';
import { Link } from 'react-router';
import type { ExplorerPartnersQuery, WeightsInput } from '../../gql/graphql';
import { useMessages } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { ConfidenceMeter, potentialText } from './Confidence';
import { pairingMessages } from './messages';
import { PairExplanation } from './PairExplanation';
import { PillarChart } from './PillarChart';
import { ProposeForm } from './ProposeForm';
import { cityName, type CityNames } from '../../i18n/cities';
import { points, starGlyphs, type Pillar } from './shared';
import { useReference } from './useReference';
import { sectorLabel } from '../../hooks/useSectorNames';
import { SideBadge } from '../../components/StatusBadge';

type Suggestion = ExplorerPartnersQuery['partnersFor']['nodes'][number];

/** One suggested partner: its rank, ranking score beside the observed one, confidence, pillar chart, shared sectors, the explanation on demand, and proposing. */
export function PartnerCard({
  rank,
  city,
  suggestion,
  profileId,
  weights,
  pillarWeights,
  liveTwinningId,
  mayPropose,
  proposing,
  onPropose,
}: {
  rank: number;
  city: CityNames & { id: string };
  suggestion: Suggestion;
  profileId: string | null;
  weights: WeightsInput | null;
  pillarWeights: Record<Pillar, number> | null;
  liveTwinningId: string | null;
  mayPropose: boolean;
  proposing: boolean;
  onPropose: (open: boolean) => void;
}) {
  const { t, language } = useMessages(pairingMessages);
  const { sectors } = useReference();
  const [open, setOpen] = useState(false);
  const headingId = useId();
  const { partner, score } = suggestion;
  const partnerName = cityName(partner, language);
  const here = cityName(city, language);
  const sectorNames = score.sharedSectors.map((key) => sectorLabel(sectors, key, language));

  return (
    <li className="partner-card" aria-labelledby={headingId} data-partner-id={partner.id}>
      <div className="partner-card__head">
        <h3 id={headingId}>
          <span className="partner-card__rank">
            <span aria-hidden="true">{formatNumber(rank, language)}.</span>
            <span className="visually-hidden">{t('explorer.rank', { rank })} </span>
          </span>{' '}
          <span className="partner-card__name">{partnerName}</span>
        </h3>
        <SideBadge countryCode={partner.countryCode}>{language === 'ko' ? partner.country.nameKo : partner.country.nameEn}</SideBadge>
      </div>
      <p className="partner-card__overall">
        <span className="partner-card__ranking">
          {t('rankingScore')} <strong>{t('score', { value: points(score.adjusted, language) })}</strong>{' '}
          <span className="partner-card__stars" aria-hidden="true">
            {starGlyphs(score.overallStars)}
          </span>
          <span className="visually-hidden">{t('stars', { count: score.overallStars })}</span>
        </span>
        <span className="partner-card__observed">{t('observed', { value: points(score.overall, language) })}</span>
      </p>
      <p className="partner-card__confidence">
        <ConfidenceMeter label={score.coverage.confidenceLabel} confidence={score.coverage.confidence} />
        <span className="partner-card__potential">{potentialText(score, t, language)}</span>
      </p>
      <div className="partner-card__body">
        <PillarChart scores={score} a={here} b={partnerName} />
        <div>
          <p>
            <strong>{t('explorer.sharedSectors')}:</strong> {sectorNames.length ? sectorNames.join(', ') : t('explorer.noSharedSectors')}
          </p>
        </div>
      </div>
      <details className="explanation" onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>
          {t('explorer.why')}
          <span className="visually-hidden">: {t('pairs.pairName', { a: here, b: partnerName })}</span>
        </summary>
        {open && <PairExplanation cityId={city.id} partnerId={partner.id} profileId={profileId} weights={weights} pillarWeights={pillarWeights} />}
      </details>
      {(liveTwinningId || mayPropose) && (
        <div className="partner-card__actions">
          {liveTwinningId ? (
            <Link to={`/twinnings/${liveTwinningId}`}>{t('explorer.liveTwinning')}</Link>
          ) : (
            !proposing && (
              <button type="button" className="button button--primary" onClick={() => onPropose(true)}>
                {t('explorer.propose', { city: partnerName })}
              </button>
            )
          )}
        </div>
      )}
      {proposing && !liveTwinningId && <ProposeForm cityId={city.id} partnerId={partner.id} partnerName={partnerName} onCancel={() => onPropose(false)} />}
    </li>
  );
}
