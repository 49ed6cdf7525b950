import { BadInputError, Language, words, type Words } from '@app/core';
import type { IndicatorDefinition } from './entities/indicator-definition.entity';
import { IndicatorValueType } from './entities/indicator-definition.entity';
import { EVIDENCE_LIMITS, quantityText, withParticle } from '@app/rules';

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

/** "a number", "true or false", "one of: nascent, emerging" (정수, true 또는 false, nascent, emerging 중 하나) — for messages. */
export function describeValueType(rules: IndicatorRules): Words {
  switch (rules.valueType) {
    case IndicatorValueType.NUMBER:
      return rules.integerOnly ? words('a whole number', '정수') : words('a number', '숫자');
    case IndicatorValueType.BOOLEAN:
      return words('true or false', 'true 또는 false');
    case IndicatorValueType.CATEGORY: {
      const values = rules.categories.map((c) => c.value).join(', ');
      return words(`one of: ${values}`, `${values} 중 하나`);
    }
  }
}

/** How the Korean messages name the indicator: `"metroGovernance" 지표`. */
function indicatorKo(rules: IndicatorRules): string {
  return `"${rules.key}" 지표`;
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
      throw BadInputError.field(
        'clear',
        words(
          `cannot be combined with ${given[0]}: either send a value or clear the figure.`,
          `${withParticle(given[0], '와/과')} 함께 보낼 수 없습니다. 값을 보내거나 수치를 지우거나, 둘 중 하나만 해 주세요.`,
        ),
      );
    }
    return null;
  }
  if (given.length === 0) {
    throw BadInputError.field(
      expected,
      words(
        `"${rules.key}" takes ${describeValueType(rules).en}: send it as ${expected}, or send clear: true to record that there is no figure.`,
        `${indicatorKo(rules)}의 값은 ${describeValueType(rules).ko}입니다. ${withParticle(expected, '으로/로')} 보내거나, 수치가 없다면 clear: true를 보내 주세요.`,
      ),
    );
  }
  if (given.length > 1) {
    throw BadInputError.field(
      given[1],
      words(`send only one value; "${rules.key}" takes ${expected}.`, `값은 하나만 보내 주세요. ${indicatorKo(rules)}는 ${withParticle(expected, '으로/로')} 받습니다.`),
    );
  }
  if (given[0] !== expected) {
    throw BadInputError.field(
      given[0],
      words(
        `"${rules.key}" takes ${describeValueType(rules).en}; send it as ${expected}.`,
        `${indicatorKo(rules)}의 값은 ${describeValueType(rules).ko}입니다. ${withParticle(expected, '으로/로')} 보내 주세요.`,
      ),
    );
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
  const wrongType = () =>
    BadInputError.field(
      field,
      words(
        `"${rules.key}" takes ${describeValueType(rules).en}, not ${JSON.stringify(value)}.`,
        `${indicatorKo(rules)}의 값은 ${withParticle(JSON.stringify(value), '이/가')} 아니라 ${describeValueType(rules).ko}여야 합니다.`,
      ),
    );
  switch (rules.valueType) {
    case IndicatorValueType.NUMBER: {
      if (typeof value !== 'number') throw wrongType();
      if (!Number.isFinite(value)) throw BadInputError.field(field, words('must be a finite number.', '유한한 숫자여야 합니다.'));
      if (rules.integerOnly && !Number.isInteger(value)) {
        throw BadInputError.field(field, words(`"${rules.key}" takes a whole number, not ${value}.`, `${indicatorKo(rules)}의 값은 정수여야 합니다(받은 값: ${value}).`));
      }
      if (rules.minValue !== null && value < rules.minValue) {
        throw BadInputError.field(field, words(`"${rules.key}" must be at least ${rules.minValue}, not ${value}.`, `${indicatorKo(rules)}는 ${rules.minValue} 이상이어야 합니다(받은 값: ${value}).`));
      }
      if (rules.maxValue !== null && value > rules.maxValue) {
        throw BadInputError.field(field, words(`"${rules.key}" must be at most ${rules.maxValue}, not ${value}.`, `${indicatorKo(rules)}는 ${rules.maxValue} 이하여야 합니다(받은 값: ${value}).`));
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
 * evidence) must say where it comes from. `what` tells the person what to
 * give, in both languages (given only in English, the Korean asks for the
 * source in general).
 */
export function checkSource(
  source: string | null | undefined,
  field = 'source',
  what: Words | string = words('where the figure comes from (publication, table, year)', '수치의 출처(간행물, 표, 연도)'),
): string {
  const trimmed = (source ?? '').trim();
  if (trimmed.length < SOURCE_MIN_LENGTH || trimmed.length > SOURCE_MAX_LENGTH) {
    const said = typeof what === 'string' ? words(what, '출처') : what;
    throw BadInputError.field(
      field,
      words(
        `must be ${SOURCE_MIN_LENGTH} to ${SOURCE_MAX_LENGTH} characters: say ${said.en}.`,
        `${withParticle(said.ko, '을/를')} ${SOURCE_MIN_LENGTH}~${SOURCE_MAX_LENGTH}자로 써 주세요.`,
      ),
    );
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
    throw BadInputError.field(field, words('must be a date written YYYY-MM-DD, e.g. 2024-03-31.', 'YYYY-MM-DD 형식의 날짜여야 합니다(예: 2024-03-31).'));
  }
  if (asOf > today) throw BadInputError.field(field, words(`cannot be in the future (today is ${today}).`, `미래 날짜는 쓸 수 없습니다(오늘은 ${today}입니다).`));
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
