import { stringify } from 'csv-stringify/sync';

/**
 * One cell as a spreadsheet should read it: nothing for null, instants as
 * ISO 8601, objects and arrays as JSON, numbers as numbers; and text that a
 * spreadsheet would run as a formula (starting with = + - @ or a control
 * character) prefixed with an apostrophe.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  if (typeof value !== 'string') return String(value);
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * A CSV file as people open it in Excel or Numbers: UTF-8 with a byte-order
 * mark (so Korean reads right), CRLF line ends (RFC 4180), a header row.
 */
export function toCsv(columns: readonly string[], rows: ReadonlyArray<readonly unknown[]>): string {
  return '\uFEFF' + stringify(rows.map((row) => row.map(csvCell)), { header: true, columns: [...columns], record_delimiter: '\r\n' });
}
