import { csvCell, toCsv } from './csv';

describe('CSV', () => {
  it('defuses text a spreadsheet would run as a formula', () => {
    for (const text of ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) expect(csvCell(text)).toBe(`'${text}`);
  });

  it('leaves everything else as it is, Korean included', () => {
    expect(csvCell('Recorded APPROVED for £20,000.00')).toBe('Recorded APPROVED for £20,000.00');
    expect(csvCell('김지현')).toBe('김지현');
    expect(csvCell('{"amounts":{"GBP":"2000000"}}')).toBe('{"amounts":{"GBP":"2000000"}}');
    expect(csvCell(null)).toBe('');
    expect(csvCell(42)).toBe('42');
    // Numbers are numbers, never formulas: a negative indicator stays negative.
    expect(csvCell(-0.5)).toBe('-0.5');
    expect(csvCell(new Date('2027-01-02T03:04:05.000Z'))).toBe('2027-01-02T03:04:05.000Z');
    expect(csvCell(['hydrogen'])).toBe('["hydrogen"]');
  });

  it('writes a file spreadsheets open right: byte-order mark, header, CRLF, quoting', () => {
    expect(toCsv(['name', 'note'], [['김지현', 'a, "b"'], ['=1+1', null]])).toBe(`\uFEFFname,note\r\n김지현,"a, ""b"""\r\n'=1+1,\r\n`);
  });
});
