import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { Allow, Role } from '@app/core';
import type { CityIndicatorValue } from '../entities/city-indicator-value.entity';
import { IndicatorDefinition } from '../entities/indicator-definition.entity';
import { IndicatorScalar, valueColumns, valueOfColumns } from '../indicator-value';

/** A value of an indicator, as the API shows it (current values and both sides of a change). */
@ObjectType('IndicatorValue', {
  description: 'A value of an indicator. The field its valueType names carries it; all are null when there is no figure.',
})
@Allow('PUBLIC')
export class IndicatorValueView {
  @Field(() => Float, { nullable: true })
  numberValue: number | null;

  @Field(() => Boolean, { nullable: true })
  booleanValue: boolean | null;

  @Field(() => String, { nullable: true, description: 'The category value, for CATEGORY indicators.' })
  textValue: string | null;

  @Field({ description: 'false when there is no figure.' })
  hasValue: boolean;

  /** For displayValue; not a field of its own. */
  definition: IndicatorDefinition;

  static of(definition: IndicatorDefinition, value: IndicatorScalar): IndicatorValueView {
    return Object.assign(new IndicatorValueView(), valueColumns(definition, value), { hasValue: value !== null, definition });
  }
}

/**
 * One indicator of one city: its definition, current value and evidence.
 * A city shows every defined indicator; one nobody has entered yet has no
 * value and no source.
 */
@ObjectType({ description: "One of a city's indicators: what it measures, its current value, and where that value comes from." })
@Allow('PUBLIC')
export class CityIndicator {
  @Field(() => ID)
  cityId: string;

  @Field({ description: 'The indicator key, e.g. metroPopulationMillions.' })
  key: string;

  @Field(() => IndicatorDefinition)
  definition: IndicatorDefinition;

  @Field(() => IndicatorValueView)
  value: IndicatorValueView;

  @Field(() => String, { nullable: true, description: 'Where the value comes from; null when nobody has entered this indicator.' })
  source: string | null;

  @Field(() => String, { nullable: true, description: 'The date the value is for, YYYY-MM-DD.' })
  asOf: string | null;

  @Field(() => Date, { nullable: true, description: 'When the value was last entered.' })
  updatedAt: Date | null;

  @Field(() => ID, { nullable: true, description: 'Who entered the value (null for seed data). Admins only.' })
  @Allow(Role.ADMIN)
  enteredByUserId: string | null;

  static of(cityId: string, definition: IndicatorDefinition, row: CityIndicatorValue | undefined): CityIndicator {
    return Object.assign(new CityIndicator(), {
      cityId,
      key: definition.key,
      definition,
      value: IndicatorValueView.of(definition, row ? valueOfColumns(row) : null),
      source: row?.source ?? null,
      asOf: row?.asOf ?? null,
      updatedAt: row?.updatedAt ?? null,
      enteredByUserId: row?.enteredByUserId ?? null,
    });
  }
}
