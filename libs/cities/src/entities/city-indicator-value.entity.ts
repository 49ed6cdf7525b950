import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { City } from './city.entity';
import { IndicatorDefinition } from './indicator-definition.entity';

/**
 * The current figure of one indicator for one city, with its evidence: the
 * source, the date the figure is for, and who entered it. All value columns
 * null means "no figure" (the source says where we looked). The GraphQL view
 * is CityIndicator; every write also appends a CityIndicatorChange.
 */
@Entity()
@Check('city_indicator_value_one_value', 'num_nonnulls(number_value, boolean_value, text_value) <= 1')
export class CityIndicatorValue {
  @PrimaryColumn()
  cityId: string;

  @PrimaryColumn()
  @Index()
  indicatorKey: string;

  @ManyToOne(() => City, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'city_id' })
  city?: Relation<City>;

  @ManyToOne(() => IndicatorDefinition, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'indicator_key' })
  definition?: Relation<IndicatorDefinition>;

  @Column({ type: 'double precision', nullable: true })
  numberValue: number | null;

  @Column({ type: 'boolean', nullable: true })
  booleanValue: boolean | null;

  /** CATEGORY values. */
  @Column({ type: 'text', nullable: true })
  textValue: string | null;

  @Column({ type: 'text' })
  source: string;

  /** The date the figure is for, YYYY-MM-DD. */
  @Column({ type: 'date' })
  asOf: string;

  /** The admin who entered it; null for seeded figures. No foreign key: identity depends on cities, not the reverse. */
  @Column({ type: 'uuid', nullable: true })
  enteredByUserId: string | null;

  @Column({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
