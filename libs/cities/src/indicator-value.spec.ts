import { AppError, ErrorCode, type FieldProblem, inLanguage } from '@app/core';
import { IndicatorValueType } from './entities/indicator-definition.entity';
import {
  checkAsOf,
  checkIndicatorValue,
  checkSource,
  formatIndicatorValue,
  IndicatorRules,
  valueColumns,
  valueFromInput,
  valueOfColumns,
} from './indicator-value';

const base = { categories: [], minValue: null, maxValue: null, integerOnly: false };
const population: IndicatorRules = { ...base, key: 'metroPopulationMillions', valueType: IndicatorValueType.NUMBER, minValue: 0 };
const rank: IndicatorRules = { ...base, key: 'nationalSizeRank', valueType: IndicatorValueType.NUMBER, minValue: 1, integerOnly: true };
const share: IndicatorRules = { ...base, key: 'manufacturingSharePct', valueType: IndicatorValueType.NUMBER, minValue: 0, maxValue: 100 };
const coastal: IndicatorRules = { ...base, key: 'coastal', valueType: IndicatorValueType.BOOLEAN };
const governance: IndicatorRules = {
  ...base,
  key: 'metroGovernance',
  valueType: IndicatorValueType.CATEGORY,
  categories: [
    { value: 'nascent', labelEn: 'Nascent', labelKo: '초기' },
    { value: 'established', labelEn: 'Established', labelKo: '정착' },
  ],
};

/** The BAD_USER_INPUT field problem `run` throws, in English (`ko` in Korean). */
function problem(run: () => unknown): { field: string; message: string; ko: string } {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    const app = error as AppError;
    expect(app.code).toBe(ErrorCode.BAD_USER_INPUT);
    const fields = app.extensions.fields as FieldProblem[];
    expect(fields).toHaveLength(1);
    return { field: fields[0].field, message: inLanguage(fields[0].message, 'en'), ko: inLanguage(fields[0].message, 'ko') };
  }
  throw new Error('expected a BAD_USER_INPUT error');
}

describe('valueFromInput', () => {
  it('takes the field the type names', () => {
    expect(valueFromInput(population, { numberValue: 3.4 })).toBe(3.4);
    expect(valueFromInput(coastal, { booleanValue: false })).toBe(false);
    expect(valueFromInput(governance, { textValue: 'established' })).toBe('established');
  });

  it('treats null fields as not sent', () => {
    expect(valueFromInput(population, { numberValue: 2, booleanValue: null, textValue: null, clear: null })).toBe(2);
  });

  it('clears the figure with clear: true', () => {
    expect(valueFromInput(population, { clear: true })).toBeNull();
  });

  it('names the field sent when it is the wrong type', () => {
    const wrong = problem(() => valueFromInput(coastal, { numberValue: 1 }));
    expect(wrong.field).toBe('numberValue');
    expect(wrong.message).toContain('true or false');
    expect(wrong.message).toContain('booleanValue');
    expect(problem(() => valueFromInput(population, { textValue: '3.4' })).field).toBe('textValue');
  });

  it('asks for the expected field when nothing is sent', () => {
    const missing = problem(() => valueFromInput(governance, {}));
    expect(missing.field).toBe('textValue');
    expect(missing.message).toContain('nascent, established');
    expect(missing.message).toContain('clear: true');
  });

  it('refuses two values, or a value with clear', () => {
    expect(problem(() => valueFromInput(population, { numberValue: 1, booleanValue: true })).field).toBe('booleanValue');
    expect(problem(() => valueFromInput(population, { numberValue: 1, clear: true })).field).toBe('clear');
  });
});

describe('checkIndicatorValue', () => {
  it('refuses numbers that are not finite', () => {
    for (const n of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      expect(problem(() => checkIndicatorValue(population, n)).message).toBe('must be a finite number.');
    }
  });

  it('applies the bounds and whole-number rule of the definition', () => {
    expect(problem(() => checkIndicatorValue(population, -0.1)).message).toContain('at least 0');
    expect(problem(() => checkIndicatorValue(share, 100.5)).message).toContain('at most 100');
    expect(problem(() => checkIndicatorValue(rank, 2.5)).message).toContain('whole number');
    expect(problem(() => checkIndicatorValue(rank, 0)).message).toContain('at least 1');
    expect(problem(() => checkIndicatorValue(rank, 0)).ko).toBe('"nationalSizeRank" 지표는 1 이상이어야 합니다(받은 값: 0).');
    expect(checkIndicatorValue(share, 0)).toBe(0);
    expect(checkIndicatorValue(rank, 1)).toBe(1);
  });

  it('accepts a category in any case and stores its canonical spelling', () => {
    expect(checkIndicatorValue(governance, ' Established ')).toBe('established');
    const unknown = problem(() => checkIndicatorValue(governance, 'mature'));
    expect(unknown.message).toContain('one of: nascent, established');
    expect(unknown.ko).toBe('"metroGovernance" 지표의 값은 "mature"가 아니라 nascent, established 중 하나여야 합니다.');
  });

  it('refuses a value of another type (seed files)', () => {
    expect(problem(() => checkIndicatorValue(coastal, 'yes', 'coastal')).field).toBe('coastal');
    expect(problem(() => checkIndicatorValue(population, true)).field).toBe('numberValue');
  });

  it('passes null ("no figure") for every type', () => {
    for (const rules of [population, coastal, governance]) expect(checkIndicatorValue(rules, null)).toBeNull();
  });
});

describe('checkSource', () => {
  it('trims and accepts 2 to 500 characters', () => {
    expect(checkSource('  ONS mid-year estimates 2023 ')).toBe('ONS mid-year estimates 2023');
    expect(checkSource('x'.repeat(500))).toHaveLength(500);
  });

  it('names the source when it is missing, blank, too short or too long', () => {
    for (const bad of [undefined, null, '', '   ', 'x', ' y ', 'x'.repeat(501)]) {
      expect(problem(() => checkSource(bad)).field).toBe('source');
    }
  });
});

describe('checkAsOf', () => {
  it('accepts a real calendar date up to today', () => {
    expect(checkAsOf('2024-02-29', '2026-11-25')).toBe('2024-02-29');
    expect(checkAsOf('2026-11-25', '2026-11-25')).toBe('2026-11-25');
  });

  it('refuses malformed, impossible and future dates', () => {
    for (const bad of ['2023-02-29', '2024-13-01', '24-01-01', '2024-1-1', 'yesterday']) {
      expect(problem(() => checkAsOf(bad, '2026-11-25')).field).toBe('asOf');
    }
    expect(problem(() => checkAsOf('2026-11-26', '2026-11-25')).message).toContain('future');
  });
});

describe('value columns', () => {
  it('round-trips each type through its one column', () => {
    expect(valueColumns(population, 2.9)).toEqual({ numberValue: 2.9, booleanValue: null, textValue: null });
    expect(valueColumns(coastal, false)).toEqual({ numberValue: null, booleanValue: false, textValue: null });
    expect(valueColumns(governance, null)).toEqual({ numberValue: null, booleanValue: null, textValue: null });
    for (const [rules, value] of [[population, 0], [coastal, false], [governance, 'nascent'], [share, null]] as const) {
      expect(valueOfColumns(valueColumns(rules, value))).toBe(value);
    }
  });
});

describe('formatIndicatorValue', () => {
  const units = { unitEn: null, unitKo: null, categories: governance.categories };
  const def = (valueType: IndicatorValueType, unitEn: string | null = null, unitKo: string | null = null) => ({
    ...units,
    valueType,
    unitEn,
    unitKo,
  });

  it('writes numbers in the language’s style with the unit', () => {
    expect(formatIndicatorValue(def(IndicatorValueType.NUMBER, 'million', '백만 명'), 2.9, 'en')).toBe('2.9 million');
    expect(formatIndicatorValue(def(IndicatorValueType.NUMBER, 'million', '백만 명'), 2.9, 'ko')).toBe('290만 명');
    expect(formatIndicatorValue(def(IndicatorValueType.NUMBER, 'US$ (PPP)'), 36200, 'en')).toBe('36,200 US$ (PPP)');
    expect(formatIndicatorValue(def(IndicatorValueType.NUMBER, '%', '%'), 12, 'ko')).toBe('12%');
    expect(formatIndicatorValue(def(IndicatorValueType.NUMBER), 0.01, 'en')).toBe('0.01');
    expect(formatIndicatorValue(def(IndicatorValueType.NUMBER), 1 / 3, 'en')).toBe('0.333');
  });

  it('writes yes/no and category labels in the language', () => {
    expect(formatIndicatorValue(def(IndicatorValueType.BOOLEAN), true, 'en')).toBe('Yes');
    expect(formatIndicatorValue(def(IndicatorValueType.BOOLEAN), false, 'ko')).toBe('아니요');
    expect(formatIndicatorValue(def(IndicatorValueType.CATEGORY), 'established', 'en')).toBe('Established');
    expect(formatIndicatorValue(def(IndicatorValueType.CATEGORY), 'established', 'ko')).toBe('정착');
    expect(formatIndicatorValue(def(IndicatorValueType.CATEGORY), 'retired-category', 'en')).toBe('retired-category');
  });

  it('gives null when there is no figure', () => {
    expect(formatIndicatorValue(def(IndicatorValueType.NUMBER, 'million'), null, 'en')).toBeNull();
  });
});
