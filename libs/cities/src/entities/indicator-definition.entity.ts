import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Allow, listOfAtMost } from '@app/core';
import { SEED_INDICATOR_DEFINITIONS } from '../seed/seed-data';
import { IndicatorValueType } from './indicator-value-type';

export { IndicatorValueType };

/** One allowed value of a CATEGORY indicator (stored as JSON in the definition). */
@ObjectType({ description: 'One value a category indicator may take, with its labels.' })
@Allow('PUBLIC')
export class IndicatorCategory {
  @Field({ description: 'The value as stored and sent in textValue, e.g. established.' })
  value: string;

  @Field()
  labelEn: string;

  @Field()
  labelKo: string;
}

/**
 * A kind of city indicator. Indicators are data: a new one is a row here
 * (and values for it), never a new column or a code change. The pairing
 * score reads these definitions to know what it can compare.
 */
@Entity()
@ObjectType({ description: 'A kind of city indicator: what it measures, its unit and the values it takes.' })
@Allow('PUBLIC')
export class IndicatorDefinition {
  /** camelCase, as in the founding report's data, e.g. metroPopulationMillions. */
  @PrimaryColumn()
  @Field({ description: 'A stable key, e.g. metroPopulationMillions.' })
  key: string;

  @Column()
  @Field()
  labelEn: string;

  @Column()
  @Field()
  labelKo: string;

  @Column({ type: 'text' })
  @Field()
  descriptionEn: string;

  @Column({ type: 'text' })
  @Field()
  descriptionKo: string;

  /** Shown after the number, e.g. "million", "%"; null when the label says it all (ranks, scores). */
  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Unit shown after a number, in English (e.g. million, %).' })
  unitEn: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Unit shown after a number, in Korean.' })
  unitKo: string | null;

  @Column({ type: 'enum', enum: IndicatorValueType, enumName: 'indicator_value_type' })
  @Field(() => IndicatorValueType)
  valueType: IndicatorValueType;

  /** The allowed values of a CATEGORY indicator, in order; empty for the other types. */
  @Column({ type: 'jsonb' })
  // Definitions come only from the seed data (no mutation adds one or changes its categories).
  @Field(() => [IndicatorCategory], { complexity: listOfAtMost(Math.max(...SEED_INDICATOR_DEFINITIONS.map((d) => d.categories.length))), description: 'The values a CATEGORY indicator may take, in order; empty otherwise.' })
  categories: IndicatorCategory[];

  /** true: more is better (GDP); false: less is better (a rank); null: neither, a trait to compare (size, coast). */
  @Column({ type: 'boolean', nullable: true })
  @Field(() => Boolean, {
    nullable: true,
    description: 'true when more is better, false when less is better (a rank), null when it is a trait, neither better nor worse.',
  })
  higherIsBetter: boolean | null;

  @Column({ type: 'double precision', nullable: true })
  @Field(() => Float, { nullable: true, description: 'The smallest number accepted (NUMBER only).' })
  minValue: number | null;

  @Column({ type: 'double precision', nullable: true })
  @Field(() => Float, { nullable: true, description: 'The largest number accepted (NUMBER only).' })
  maxValue: number | null;

  @Column({ default: false })
  @Field({ description: 'Whether only whole numbers are accepted (ranks).' })
  integerOnly: boolean;

  /** Display order: the founding report's order (inherited assets, then performance). */
  @Column({ type: 'int' })
  @Field(() => Int, { description: 'Display order, smallest first.' })
  position: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
