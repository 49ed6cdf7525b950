import { registerEnumType } from '@nestjs/graphql';

// In a file of its own so that the seed data can use it without importing the entity, which prices its categories from that data.
export enum IndicatorValueType {
  NUMBER = 'NUMBER',
  BOOLEAN = 'BOOLEAN',
  CATEGORY = 'CATEGORY',
}
registerEnumType(IndicatorValueType, {
  name: 'IndicatorValueType',
  description: 'What kind of value an indicator takes, and so which field of a value carries it.',
  valuesMap: {
    NUMBER: { description: 'A number, in numberValue.' },
    BOOLEAN: { description: 'Yes or no, in booleanValue.' },
    CATEGORY: { description: "One of the indicator's categories, in textValue." },
  },
});
