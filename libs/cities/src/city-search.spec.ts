import { normaliseSearchTerm, SearchRank, searchRank, searchSql } from './city-search';

const busan = ['busan', 'Busan', '부산'];
const manchester = ['manchester', 'Greater Manchester', '맨체스터 광역시'];

describe('normaliseSearchTerm', () => {
  it('trims, collapses spaces and lower-cases', () => {
    expect(normaliseSearchTerm('  Greater   MANCHESTER ')).toBe('greater manchester');
    expect(normaliseSearchTerm(undefined)).toBe('');
    expect(normaliseSearchTerm('   ')).toBe('');
  });

  it('composes Korean typed as separate jamo (NFD) into syllables (NFC)', () => {
    const decomposed = '부산'.normalize('NFD');
    expect(decomposed).not.toBe('부산');
    expect(normaliseSearchTerm(decomposed)).toBe('부산');
  });
});

describe('searchRank', () => {
  it('finds a city by its English name, Korean name or id, in any case', () => {
    expect(searchRank(busan, 'busan')).toBe(SearchRank.EXACT);
    expect(searchRank(busan, normaliseSearchTerm('BUSAN'))).toBe(SearchRank.EXACT);
    expect(searchRank(busan, '부산')).toBe(SearchRank.EXACT);
  });

  it('ranks exact before prefix before substring', () => {
    expect(searchRank(busan, 'bus')).toBe(SearchRank.PREFIX);
    expect(searchRank(busan, '부')).toBe(SearchRank.PREFIX);
    expect(searchRank(busan, 'usa')).toBe(SearchRank.CONTAINS);
    expect(searchRank(manchester, 'manchester')).toBe(SearchRank.EXACT);
    expect(searchRank(manchester, '광역시')).toBe(SearchRank.CONTAINS);
  });

  it('matches a Korean substring of a longer name', () => {
    expect(searchRank(['busan-metro', 'Busan Metropolitan City', '부산광역시'], '부산')).toBe(SearchRank.PREFIX);
    expect(searchRank(['x', 'X', '서부산'], '부산')).toBe(SearchRank.CONTAINS);
  });

  it('gives null when no name contains the term', () => {
    expect(searchRank(busan, 'ulsan')).toBeNull();
    expect(searchRank(busan, '울산')).toBeNull();
  });

  it('treats LIKE wildcards as plain characters', () => {
    expect(searchRank(busan, '%')).toBeNull();
    expect(searchRank(busan, 'b_san')).toBeNull();
  });
});

describe('searchSql', () => {
  it('matches with strpos (no LIKE wildcards) and ranks with the same three levels', () => {
    const sql = searchSql(['c.id', 'c.name_en'], 'q');
    expect(sql.where).toBe('(strpos(lower(c.id), :q) > 0 OR strpos(lower(c.name_en), :q) > 0)');
    expect(sql.rank).toBe(
      '(CASE WHEN lower(c.id) = :q OR lower(c.name_en) = :q THEN 0' +
        ' WHEN starts_with(lower(c.id), :q) OR starts_with(lower(c.name_en), :q) THEN 1 ELSE 2 END)',
    );
  });
});
