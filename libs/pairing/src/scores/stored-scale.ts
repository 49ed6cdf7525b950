import { absoluteStarScale, REPORT_DEFAULT_WEIGHTS, StarCuts, StarScale } from '../engine';
import type { PairingStarScale } from './pairing-star-scale.entity';

/** The comparison set of two countries: their codes sorted and joined with `~` (e.g. GB~KR). */
export function countriesKey(a: string, b: string): string {
  return [a, b].sort().join('~');
}

/** Cut points as JSON (Infinity, a cut nobody reaches, as null). */
export function storedScale(scale: StarScale): PairingStarScale['scale'] {
  const cuts = (c: StarCuts): [number | null, number | null] => [Number.isFinite(c[0]) ? c[0] : null, Number.isFinite(c[1]) ? c[1] : null];
  return { similarity: cuts(scale.similarity), internationalisation: cuts(scale.internationalisation), synergy: cuts(scale.synergy), relationship: cuts(scale.relationship), overall: cuts(scale.overall) };
}

/** A stored scale; the absolute cut points until the worker has calibrated one. */
export function scaleOfStored(stored: PairingStarScale['scale'] | null | undefined): StarScale {
  if (!stored) return absoluteStarScale(REPORT_DEFAULT_WEIGHTS);
  const cuts = (c: [number | null, number | null]): StarCuts => [c[0] ?? Infinity, c[1] ?? Infinity];
  return { similarity: cuts(stored.similarity), internationalisation: cuts(stored.internationalisation), synergy: cuts(stored.synergy), relationship: cuts(stored.relationship), overall: cuts(stored.overall) };
}
