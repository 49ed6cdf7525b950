import { csvCell } from './audit.service';

describe('csvCell', () => {
  it('defuses text a spreadsheet would run as a formula', () => {
    for (const text of ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) expect(csvCell(text)).toBe(`'${text}`);
  });

  it('leaves everything else as it is, Korean included', () => {
    expect(csvCell('Recorded APPROVED for £20,000.00')).toBe('Recorded APPROVED for £20,000.00');
    expect(csvCell('김지현')).toBe('김지현');
    expect(csvCell('{"amounts":{"GBP":"2000000"}}')).toBe('{"amounts":{"GBP":"2000000"}}');
    expect(csvCell(null)).toBe('');
    expect(csvCell(42)).toBe('42');
  });
});
