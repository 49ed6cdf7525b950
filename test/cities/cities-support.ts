/** What the cities tests share: the report the seeded figures cite, and an indicator value as the API shows it. */

export const REPORT_SOURCE_START = 'UK-Korea Innovation Twins final report';

export interface ValueView {
  numberValue: number | null;
  booleanValue: boolean | null;
  textValue: string | null;
  hasValue: boolean;
  displayValue: string | null;
}
