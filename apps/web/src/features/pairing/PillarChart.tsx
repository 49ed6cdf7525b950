import { useId } from 'react';
import { useMessages } from '../../i18n';
import { pairingMessages } from './messages';
import { PILLARS, points, starGlyphs, type Pillar } from './shared';

export type PillarScores = Record<Pillar, { score?: number | null; stars?: number | null }>;

const WIDTH = 340;
const ROW = 30;
const LABEL = 112;
const BAR = 150;

/**
 * The four pillar scores as horizontal bars with their values written
 * beside them; a screen reader hears the title and every value (desc).
 */
export function PillarChart({ scores, a, b }: { scores: PillarScores; a: string; b: string }) {
  const { t, language } = useMessages(pairingMessages);
  const id = useId();
  const describe = (pillar: Pillar) => {
    const { score, stars } = scores[pillar];
    if (score === null || score === undefined) return `${t(`pillar.${pillar}`)}: ${t('noData')}`;
    return `${t(`pillar.${pillar}`)}: ${t('score', { value: points(score, language) })}, ${t('stars', { count: stars ?? 0 })}`;
  };
  const height = PILLARS.length * ROW + 4;
  return (
    <figure className="pillar-chart">
      <svg role="img" aria-labelledby={`${id}-t ${id}-d`} viewBox={`0 0 ${WIDTH} ${height}`} width={WIDTH} height={height}>
        <title id={`${id}-t`}>{t('explorer.chartTitle', { a, b })}</title>
        <desc id={`${id}-d`}>{t('explorer.chartDesc', { items: PILLARS.map(describe).join('; ') })}</desc>
        {PILLARS.map((pillar, i) => {
          const { score, stars } = scores[pillar];
          const y = i * ROW + 4;
          const missing = score === null || score === undefined;
          return (
            <g key={pillar} data-pillar={pillar}>
              <text x={0} y={y + 17} fontSize="13" className="pillar-chart__label">
                {t(`pillarShort.${pillar}`)}
              </text>
              <rect x={LABEL} y={y + 4} width={BAR} height={18} rx={3} className="pillar-chart__track" />
              {!missing && <rect x={LABEL} y={y + 4} width={Math.max(2, score * BAR)} height={18} rx={3} className={`pillar-chart__bar--${pillar}`} />}
              {missing ? (
                <text x={LABEL + 8} y={y + 17} fontSize="12" className="pillar-chart__missing">
                  {t('noData')}
                </text>
              ) : (
                <text x={LABEL + BAR + 6} y={y + 17} fontSize="13" className="pillar-chart__value">
                  {points(score, language)} <tspan className="partner-card__stars">{starGlyphs(stars)}</tspan>
                </text>
              )}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
