import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { StarScale } from '../engine';

/**
 * The star cut points of one comparison set (the pairs of two countries)
 * under the default weights, calibrated by the worker on the stored scores
 * after each computation (libs/pairing/METHOD.md, choice 6). Stars are read
 * with them, so a pair's stars follow the set without rewriting its row.
 */
@Entity()
export class PairingStarScale {
  /** The two country codes, sorted and joined with `~` (as PairScore.countries). */
  @PrimaryColumn()
  countries: string;

  /** Cut points per pillar and for the ranking score; a cut nobody reaches is stored as null. */
  @Column({ type: 'jsonb' })
  scale: Record<keyof StarScale, [number | null, number | null]>;

  /** Pairs of the set ranked (judged) and those that need evidence, as of this calibration: counted here once, not per request. */
  @Column({ type: 'int', default: 0 })
  judged: number;

  @Column({ type: 'int', default: 0 })
  unjudged: number;

  @Column({ type: 'timestamptz' })
  computedAt: Date;
}
