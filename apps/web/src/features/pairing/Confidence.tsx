import { useMessages, type Language } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { pairingMessages, type PairingT } from './messages';
import { points } from './shared';

export type ConfidenceLabel = 'HIGH' | 'MEDIUM' | 'LOW';
const FILLED: Record<ConfidenceLabel, number> = { LOW: 1, MEDIUM: 2, HIGH: 3 };

/**
 * Confidence at a glance: three dots filled by its label (low, medium, high),
 * the label in words and the share of evidence in; `compact` (in a table
 * whose column says "Confidence") leaves out the word and writes the share short.
 */
export function ConfidenceMeter({ label, confidence, compact = false }: { label: ConfidenceLabel; confidence: number; compact?: boolean }) {
  const { t, language } = useMessages(pairingMessages);
  const filled = FILLED[label];
  return (
    <span className={`confidence confidence--${label.toLowerCase()}`} data-confidence={label}>
      <span className="confidence__dots" aria-hidden="true">
        {[1, 2, 3].map((i) => (
          <span key={i} className={i <= filled ? 'confidence__dot is-on' : 'confidence__dot'} />
        ))}
      </span>
      <span className="confidence__label">{compact ? t(`confidence.${label}`) : t('confidenceIs', { label: t(`confidence.${label}`) })}</span>{' '}
      <small className="confidence__share">
        ({compact ? `${formatNumber(Math.round(confidence * 100), language)}%` : t('confidenceShare', { value: formatNumber(Math.round(confidence * 100), language) })})
      </small>
    </span>
  );
}

/** "could reach 88 with the missing evidence", or that all of it is in. */
export function potentialText(score: { potential: number; coverage: { confidence: number } }, t: PairingT, language: Language): string {
  if (score.coverage.confidence >= 0.9995) return t('complete');
  return t('potential', { value: points(score.potential, language) });
}
