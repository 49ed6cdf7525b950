import { BadInputError, Language } from '@app/core';
import type { IndicatorDefinition } from './entities/indicator-definition.entity';
import { IndicatorValueType } from './entities/indicator-definition.entity';
import { EVIDENCE_LIMITS, quantityText } from '@app/rules';

/** An indicator's value as JSON: a number, a boolean, a category, or null for "no figure". */
export type IndicatorScalar = number | boolean | string | null;

/** The value fields of a change, as a person sends them; exactly one, or `clear`. */
export interface IndicatorValueInput {
  numberValue?: number | null;
  booleanValue?: boolean | null;
  textValue?: string | null;
  /** Record that there is no figure. */
  clear?: boolean | null;
}

/** What the value rules need from a definition. */
export type IndicatorRules = Pick<
  IndicatorDefinition,
  'key' | 'valueType' | 'categories' | 'minValue' | 'maxValue' | 'integerOnly'
>;

type ValueField = 'numberValue' | 'booleanValue' | 'textValue';

export const VALUE_FIELD: Record<IndicatorValueType, ValueField> = {
  [IndicatorValueType.NUMBER]: 'numberValue',
  [IndicatorValueType.BOOLEAN]: 'booleanValue',
  [IndicatorValueType.CATEGORY]: 'textValue',
};

export const SOURCE_MIN_LENGTH = EVIDENCE_LIMITS.sourceMin;
export const SOURCE_MAX_LENGTH = EVIDENCE_LIMITS.sourceMax;

/** "a number", "true or false", "one of: nascent, emerging" — for messages. */
export function describeValueType(rules: IndicatorRules): string {
  switch (rules.valueType) {
    case IndicatorValueType.NUMBER:
      return rules.integerOnly ? 'a whole number' : 'a number';
    case IndicatorValueType.BOOLEAN:
      return 'true or false';
    case IndicatorValueType.CATEGORY:
      return `one of: ${rules.categories.map((c) => c.value).join(', ')}`;
  }
}

/**
 * Turns the value fields a person sent into the indicator's value, or says
 * which field is wrong and what to send instead.
 */
export function valueFromInput(rules: IndicatorRules, input: IndicatorValueInput): IndicatorScalar {
  const expected = VALUE_FIELD[rules.valueType];
  const given = (['numberValue', 'booleanValue', 'textValue'] as const).filter(
    (field) => input[field] !== undefined && input[field] !== null,
  );
  if (input.clear) {
    if (given.length > 0) {
      throw BadInputError.field('clear', `cannot be combined with ${given[0]}: either send a value or clear the figure.`);
    }
    return null;
  }
  if (given.length === 0) {
    throw BadInputError.field(
      expected,
      `"${rules.key}" takes ${describeValueType(rules)}: send it as ${expected}, or send clear: true to record that there is no figure.`,
    );
  }
  if (given.length > 1) {
    throw BadInputError.field(given[1], `send only one value; "${rules.key}" takes ${expected}.`);
  }
  if (given[0] !== expected) {
    throw BadInputError.field(given[0], `"${rules.key}" takes ${describeValueType(rules)}; send it as ${expected}.`);
  }
  return checkIndicatorValue(rules, input[expected] as IndicatorScalar, expected);
}

/**
 * Checks a value against its definition and returns it in stored form (a
 * category in its canonical spelling). `field` names the input in errors.
 * Used for people's input and for seed files alike.
 */
export function checkIndicatorValue(
  rules: IndicatorRules,
  value: IndicatorScalar,
  field: string = VALUE_FIELD[rules.valueType],
): IndicatorScalar {
  if (value === null) return null;
  const wrongType = () => BadInputError.field(field, `"${rules.key}" takes ${describeValueType(rules)}, not ${JSON.stringify(value)}.`);
  switch (rules.valueType) {
    case IndicatorValueType.NUMBER: {
      if (typeof value !== 'number') throw wrongType();
      if (!Number.isFinite(value)) throw BadInputError.field(field, 'must be a finite number.');
      if (rules.integerOnly && !Number.isInteger(value)) {
        throw BadInputError.field(field, `"${rules.key}" takes a whole number, not ${value}.`);
      }
      if (rules.minValue !== null && value < rules.minValue) {
        throw BadInputError.field(field, `"${rules.key}" must be at least ${rules.minValue}, not ${value}.`);
      }
      if (rules.maxValue !== null && value > rules.maxValue) {
        throw BadInputError.field(field, `"${rules.key}" must be at most ${rules.maxValue}, not ${value}.`);
      }
      return value;
    }
    case IndicatorValueType.BOOLEAN:
      if (typeof value !== 'boolean') throw wrongType();
      return value;
    case IndicatorValueType.CATEGORY: {
      if (typeof value !== 'string') throw wrongType();
      const wanted = value.trim().toLowerCase();
      const category = rules.categories.find((c) => c.value.toLowerCase() === wanted);
      if (!category) throw wrongType();
      return category.value;
    }
  }
}

/**
 * Trims a source and checks its length; every figure (and every piece of
 * evidence) must say where it comes from. `what` tells the person what to give.
 */
export function checkSource(source: string | null | undefined, field = 'source', what = 'where the figure comes from (publication, table, year)'): string {
  const trimmed = (source ?? '').trim();
  if (trimmed.length < SOURCE_MIN_LENGTH || trimmed.length > SOURCE_MAX_LENGTH) {
    throw BadInputError.field(field, `must be ${SOURCE_MIN_LENGTH} to ${SOURCE_MAX_LENGTH} characters: say ${what}.`);
  }
  return trimmed;
}

/**
 * Checks a YYYY-MM-DD date a figure is for; it may not be after `today`
 * (also YYYY-MM-DD, so the comparison is on calendar days).
 */
export function checkAsOf(asOf: string, today: string, field = 'asOf'): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(asOf);
  const date = match ? new Date(Date.UTC(+match[1], +match[2] - 1, +match[3])) : null;
  if (!date || date.toISOString().slice(0, 10) !== asOf) {
    throw BadInputError.field(field, 'must be a date written YYYY-MM-DD, e.g. 2024-03-31.');
  }
  if (asOf > today) throw BadInputError.field(field, `cannot be in the future (today is ${today}).`);
  return asOf;
}

/** The stored columns for a value: at most one is non-null. */
export function valueColumns(
  rules: Pick<IndicatorRules, 'valueType'>,
  value: IndicatorScalar,
): { numberValue: number | null; booleanValue: boolean | null; textValue: string | null } {
  const columns = { numberValue: null, booleanValue: null, textValue: null } as {
    numberValue: number | null;
    booleanValue: boolean | null;
    textValue: string | null;
  };
  if (value !== null) (columns as Record<ValueField, IndicatorScalar>)[VALUE_FIELD[rules.valueType]] = value;
  return columns;
}

/** The value held by stored columns. */
export function valueOfColumns(row: { numberValue: number | null; booleanValue: boolean | null; textValue: string | null }): IndicatorScalar {
  return row.numberValue ?? row.booleanValue ?? row.textValue ?? null;
}

const YES_NO: Record<Language, [string, string]> = { en: ['Yes', 'No'], ko: ['예', '아니요'] };

/**
 * A value as a person reads it: a number in the language's style with the
 * unit ("2.9 million", "12%", "36,200 US$ (PPP)"), "Yes"/"예", or a
 * category's label. null when there is no figure.
 */
export function formatIndicatorValue(
  definition: Pick<IndicatorDefinition, 'valueType' | 'categories' | 'unitEn' | 'unitKo'>,
  value: IndicatorScalar,
  language: Language,
): string | null {
  if (value === null) return null;
  if (typeof value === 'boolean') return YES_NO[language][value ? 0 : 1];
  if (typeof value === 'number') {
    return quantityText(value, language === 'ko' ? definition.unitKo : definition.unitEn, language);
  }
  const category = definition.categories.find((c) => c.value === value);
  if (!category) return value;
  return language === 'ko' ? category.labelKo : category.labelEn;
}
