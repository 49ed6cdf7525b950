import { inOrderOf, isUuid, uuidsAmong } from './uuid';

const A = '0f8fad5b-d9cb-469f-a165-70867728950e';
const B = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

describe('UUIDs', () => {
  it('asks only for UUIDs, each once, lower-cased', () => {
    expect(isUuid(A.toUpperCase())).toBe(true);
    expect(uuidsAmong([A.toUpperCase(), 'busan', A, B, ''])).toEqual([A, B]);
  });

  it('answers rows in the order asked, whatever the case asked in, undefined where there is none', () => {
    const rows = [{ id: B }, { id: A }];
    expect(inOrderOf([A.toUpperCase(), 'busan', B, A], rows, (r) => r.id)).toEqual([{ id: A }, undefined, { id: B }, { id: A }]);
  });
});
