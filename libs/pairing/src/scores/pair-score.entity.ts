import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The stored score of one candidate pair under the report's default
 * profile, kept current by the worker. Rankings read these rows and never
 * wait for a computation. The two cities are stored in id order, so a pair
 * has one row whichever way it is asked for.
 */
@Entity()
@Index('pair_score_ranking', ['countries', 'adjusted', 'confidence', 'pairKey'])
@Index('pair_score_city_a', ['cityAId', 'adjusted', 'confidence', 'pairKey'])
@Index('pair_score_city_b', ['cityBId', 'adjusted', 'confidence', 'pairKey'])
@Index('pair_score_needs_evidence', ['countries', 'potential', 'pairKey'], { where: 'confidence < 0.5' })
export class PairScore {
  /** `<city id>~<city id>`, the ids in sorted order: the stable way to refer to a pair. */
  @PrimaryColumn()
  pairKey: string;

  @Column()
  cityAId: string;

  @Column()
  cityBId: string;

  /** The two country codes, sorted and joined with `~` (e.g. GB~KR). */
  @Column()
  countries: string;

  @Column({ type: 'int', nullable: true })
  peerGroupA: number | null;

  @Column({ type: 'int', nullable: true })
  peerGroupB: number | null;

  @Column({ type: 'double precision', nullable: true })
  similarity: number | null;

  @Column({ type: 'double precision', nullable: true })
  internationalisation: number | null;

  @Column({ type: 'double precision', nullable: true })
  synergy: number | null;

  @Column({ type: 'double precision', nullable: true })
  relationship: number | null;

  /** Observed: the weighted mean of the pillars that have a score. */
  @Column({ type: 'double precision' })
  overall: number;

  /** The ranking score: each pillar counted in proportion to its evidence (METHOD.md, choice 7). */
  @Column({ type: 'double precision' })
  adjusted: number;

  /** The highest the ranking score could reach with all the missing evidence: adjusted + 1 − confidence. */
  @Column({ type: 'double precision' })
  potential: number;

  /** Share of the similarity evidence present; 0 when the pillar has no score. */
  @Column({ type: 'double precision' })
  similarityEvidence: number;

  @Column({ type: 'smallint' })
  indicatorsUsed: number;

  @Column({ type: 'smallint' })
  numericUsed: number;

  @Column({ type: 'smallint' })
  numericKnownA: number;

  @Column({ type: 'smallint' })
  numericKnownB: number;

  @Column({ type: 'smallint' })
  numericWeighted: number;

  @Column({ type: 'smallint' })
  indicatorsWeighted: number;

  @Column({ type: 'smallint' })
  sectorsCompared: number;

  @Column({ type: 'smallint' })
  assessments: number;

  @Column({ type: 'smallint' })
  links: number;

  @Column({ type: 'double precision' })
  confidence: number;

  /** Sectors in which both cities are active, for the sector filter. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  sharedSectors: string[];

  @Column({ type: 'timestamptz' })
  computedAt: Date;

  /** For cursor pagination, which keys rows by `id`. */
  get id(): string {
    return this.pairKey;
  }
}
