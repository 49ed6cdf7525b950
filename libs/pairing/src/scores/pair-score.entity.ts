import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The stored score of one candidate pair under the report's default
 * profile, kept current by the worker. Rankings read these rows and never
 * wait for a computation. The two cities are stored in id order, so a pair
 * has one row whichever way it is asked for.
 */
@Entity()
@Index('pair_score_ranking', ['countries', 'overall', 'pairKey'])
@Index('pair_score_city_a', ['cityAId', 'overall'])
@Index('pair_score_city_b', ['cityBId', 'overall'])
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

  @Column({ type: 'double precision' })
  overall: number;

  @Column({ type: 'smallint' })
  overallStars: number;

  /** The lowest star rating over the four pillars; 0 when a pillar has no data. */
  @Column({ type: 'smallint' })
  minPillarStars: number;

  @Column({ type: 'smallint' })
  indicatorsUsed: number;

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
