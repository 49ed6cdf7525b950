import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { Allow, Role } from '@app/core';
import type { IndicatorScalar } from '../indicator-value';
import { City } from './city.entity';
import { IndicatorDefinition } from './indicator-definition.entity';

/**
 * One change to a city's indicator: append-only, written in the same
 * transaction as the value it records, never updated or deleted. The newest
 * row for a (city, key) always equals the current CityIndicatorValue.
 */
@Entity()
@Index(['cityId', 'changedAt'])
@Index(['cityId', 'indicatorKey', 'changedAt'])
@ObjectType({ description: "One change to a city's indicator: who, when, the old and new value, and the source." })
@Allow(Role.ADMIN)
export class CityIndicatorChange {
  /** A sequence, so changes made in the same millisecond still sort in the order they were made. */
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  @Field(() => ID)
  id: string;

  @Column()
  @Field(() => ID)
  cityId: string;

  @Column()
  @Field({ name: 'key', description: 'The indicator key, e.g. metroPopulationMillions.' })
  indicatorKey: string;

  @ManyToOne(() => City, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'city_id' })
  city?: Relation<City>;

  @ManyToOne(() => IndicatorDefinition, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'indicator_key' })
  definition?: Relation<IndicatorDefinition>;

  /** The value before (a JSON number, boolean or string); null when there was no figure or no row. Exposed as IndicatorValue by a resolver. */
  @Column({ type: 'jsonb', nullable: true })
  oldValue: IndicatorScalar;

  /** The value after; null when the change cleared the figure. */
  @Column({ type: 'jsonb', nullable: true })
  newValue: IndicatorScalar;

  @Column({ type: 'text' })
  @Field({ description: 'Where the new value comes from.' })
  source: string;

  @Column({ type: 'date' })
  @Field({ description: 'The date the new value is for, YYYY-MM-DD.' })
  asOf: string;

  @Column({ type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true, description: 'The user who made the change; null when it came from the seed data.' })
  changedByUserId: string | null;

  /** Millisecond precision, so a cursor built from it in JavaScript compares equal in SQL. */
  @Column({ type: 'timestamptz', precision: 3 })
  @Field()
  changedAt: Date;
}
