import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { EvidenceGap } from '../engine';

/**
 * What one city lacks for its pairs to be judged under the default weights
 * (libs/pairing/METHOD.md, choice 7), kept by the worker with the stored
 * scores, so rankings can list the cities that need evidence without
 * loading everyone's evidence.
 */
@Entity()
@Index('pairing_city_evidence_headroom', ['countryCode', 'headroom'])
export class PairingCityEvidence {
  @PrimaryColumn()
  cityId: string;

  @Column({ type: 'char', length: 2 })
  countryCode: string;

  @Column({ type: 'smallint' })
  numericKnown: number;

  @Column({ type: 'smallint' })
  numericWeighted: number;

  /** Most useful first. */
  @Column({ type: 'jsonb' })
  gaps: EvidenceGap[];

  /** The most the city's missing evidence could add to the ranking score of any of its pairs; 0 when nothing is missing. */
  @Column({ type: 'double precision' })
  headroom: number;

  @Column({ type: 'timestamptz' })
  computedAt: Date;
}
