import { amountsText, convertAtRate, convertedText, difference, formatAmount, fromRecord, matchPercent, minorDigits, sumByCurrency, toRecord } from './money';

const RATES = { KRW: 1700 };
const ratio = (gbpMinor: bigint, krwMinor: bigint, rates: Record<string, number> = RATES) =>
  matchPercent(
    [
      { currency: 'GBP', amountMinor: gbpMinor },
      { currency: 'KRW', amountMinor: krwMinor },
    ],
    'GBP',
    rates,
  );

describe('money arithmetic', () => {
  describe('sumByCurrency', () => {
    it('sums each currency separately in BigInt minor units', () => {
      const totals = sumByCurrency([
        { currency: 'GBP', amountMinor: '250000' },
        { currency: 'KRW', amountMinor: '5000000' },
        { currency: 'GBP', amountMinor: 150001n },
        { currency: 'KRW', amountMinor: '1' },
      ]);
      expect(totals).toEqual(
        new Map([
          ['GBP', 400001n],
          ['KRW', 5000001n],
        ]),
      );
      expect(typeof totals.get('GBP')).toBe('bigint');
    });

    it('stays exact above Number.MAX_SAFE_INTEGER', () => {
      const totals = sumByCurrency([
        { currency: 'GBP', amountMinor: '9007199254740993' },
        { currency: 'GBP', amountMinor: '1' },
        { currency: 'KRW', amountMinor: '9007199254740993' },
        { currency: 'KRW', amountMinor: '9007199254740993' },
      ]);
      expect(totals.get('GBP')).toBe(9007199254740994n);
      expect(totals.get('KRW')).toBe(18014398509481986n);
      // A float would have rounded the input itself.
      expect(Number('9007199254740993')).toBe(9007199254740992);
      expect(totals.get('GBP')!.toString()).toBe('9007199254740994');
    });

    it('gives an empty map for no lines and keeps negative amounts', () => {
      expect(sumByCurrency([]).size).toBe(0);
      expect(
        sumByCurrency([
          { currency: 'GBP', amountMinor: '100' },
          { currency: 'GBP', amountMinor: '-300' },
        ]).get('GBP'),
      ).toBe(-200n);
    });
  });

  describe('difference', () => {
    it('is b − a per currency, leaving out currencies that did not change', () => {
      const a = new Map([
        ['GBP', 1000n],
        ['KRW', 500n],
        ['EUR', 7n],
      ]);
      const b = new Map([
        ['GBP', 1000n],
        ['KRW', 800n],
        ['USD', 3n],
      ]);
      const delta = difference(a, b);
      expect(delta).toEqual(
        new Map([
          ['KRW', 300n],
          ['EUR', -7n],
          ['USD', 3n],
        ]),
      );
      expect(delta.has('GBP')).toBe(false);
    });

    it('is empty when both sides are equal or both empty', () => {
      const same = new Map([['GBP', 9007199254740993n]]);
      expect(difference(same, new Map(same)).size).toBe(0);
      expect(difference(new Map(), new Map()).size).toBe(0);
    });

    it('drops an explicit zero on one side against a missing currency on the other', () => {
      expect(difference(new Map([['GBP', 0n]]), new Map()).size).toBe(0);
      expect(difference(new Map(), new Map([['KRW', 0n]])).size).toBe(0);
    });

    it('is exact beyond float precision', () => {
      const delta = difference(new Map([['GBP', 9007199254740992n]]), new Map([['GBP', 9007199254740993n]]));
      expect(delta.get('GBP')).toBe(1n);
    });
  });

  describe('toRecord / fromRecord', () => {
    it('writes amounts as decimal strings with currencies in sorted order', () => {
      const record = toRecord(
        new Map([
          ['KRW', 17000000n],
          ['GBP', 9007199254740993n],
          ['EUR', -5n],
        ]),
      );
      expect(record).toEqual({ EUR: '-5', GBP: '9007199254740993', KRW: '17000000' });
      expect(Object.keys(record)).toEqual(['EUR', 'GBP', 'KRW']);
    });

    it('reads a record back into BigInt amounts', () => {
      const amounts = fromRecord({ GBP: '9007199254740993', KRW: '0' });
      expect(amounts.get('GBP')).toBe(9007199254740993n);
      expect(amounts.get('KRW')).toBe(0n);
      expect(amounts.size).toBe(2);
    });

    it('treats null and undefined as no amounts', () => {
      expect(fromRecord(null).size).toBe(0);
      expect(fromRecord(undefined).size).toBe(0);
      expect(toRecord(new Map())).toEqual({});
    });

    it('round-trips exactly', () => {
      const amounts = new Map([
        ['GBP', 123456789012345678901234567890n],
        ['KRW', -1n],
      ]);
      expect(fromRecord(toRecord(amounts))).toEqual(amounts);
    });

    it('refuses a non-integer amount', () => {
      expect(() => fromRecord({ GBP: '1.5' })).toThrow(SyntaxError);
    });
  });

  describe('matchPercent', () => {
    it('uses the minor digits of GBP (2) and KRW (0)', () => {
      expect(minorDigits('GBP')).toBe(2);
      expect(minorDigits('KRW')).toBe(0);
    });

    it('finds £10,000.00 and ₩17,000,000 equal at 1700 KRW per GBP', () => {
      const result = ratio(1000000n, 17000000n);
      expect(result.percent).toBe(100);
      expect(result.meets(100)).toBe(true);
      expect(result.meets(101)).toBe(false);
      expect(result.meets(50)).toBe(true);
    });

    it('finds ₩8,500,000 to be 50% of £10,000', () => {
      const result = ratio(1000000n, 8500000n);
      expect(result.percent).toBe(50);
      expect(result.meets(50)).toBe(true);
      expect(result.meets(51)).toBe(false);
    });

    it('compares the smaller side with the larger whichever order and whichever currency is smaller', () => {
      // £5,000 vs ₩17,000,000 (= £10,000): GBP is now the smaller side.
      const gbpSmaller = ratio(500000n, 17000000n);
      expect(gbpSmaller.percent).toBe(50);
      expect(gbpSmaller.meets(50)).toBe(true);
      expect(gbpSmaller.meets(51)).toBe(false);

      const swapped = matchPercent(
        [
          { currency: 'KRW', amountMinor: 8500000n },
          { currency: 'GBP', amountMinor: 1000000n },
        ],
        'GBP',
        RATES,
      );
      expect(swapped.percent).toBe(50);
      expect(swapped.meets(50)).toBe(true);
      expect(swapped.meets(51)).toBe(false);
    });

    it('is exact at the boundary: one won under 50% fails, one won over passes', () => {
      const under = ratio(1000000n, 8499999n);
      expect(under.meets(50)).toBe(false);
      expect(under.meets(49)).toBe(true);
      expect(under.percent).toBeLessThan(50);
      expect(under.percent).toBeGreaterThanOrEqual(49.99);

      const over = ratio(1000000n, 8500001n);
      expect(over.meets(50)).toBe(true);
      expect(over.meets(51)).toBe(false);
      expect(over.percent).toBeGreaterThanOrEqual(50);
      expect(over.percent).toBeLessThan(50.01);
    });

    it('is exact at the boundary in pence too', () => {
      // ₩8,500,000 = £5,000.00 exactly; £10,000.02 makes KRW just under half.
      expect(ratio(1000002n, 8500000n).meets(50)).toBe(false);
      expect(ratio(1000000n, 8500000n).meets(50)).toBe(true);
      // £4,999.99 against ₩17,000,000 is just under half.
      expect(ratio(499999n, 17000000n).meets(50)).toBe(false);
    });

    it('stays exact with amounts beyond float precision', () => {
      // 9007199254740993 pence vs the same in won × 17 (÷ 100 pence, × 1700 won): exactly equal.
      const big = 9007199254740993n;
      const result = ratio(big, big * 17n);
      expect(result.percent).toBe(100);
      expect(result.meets(100)).toBe(true);
      // One won less: no longer 100%, although a float could not tell.
      expect(ratio(big, big * 17n - 1n).meets(100)).toBe(false);
    });

    it('gives two decimals of percent for an uneven ratio', () => {
      // ₩11,333,333 ≈ £6,666.67 against £10,000 → about 66.67%.
      const result = ratio(1000000n, 11333333n);
      expect(result.percent).toBeCloseTo(66.66, 1);
      expect(result.meets(66)).toBe(true);
      expect(result.meets(67)).toBe(false);
    });

    it('takes fractional rates to six decimal places', () => {
      // 1700.5 KRW per GBP: ₩17,005,000 = £10,000.00 exactly.
      const result = ratio(1000000n, 17005000n, { KRW: 1700.5 });
      expect(result.percent).toBe(100);
      expect(result.meets(100)).toBe(true);
    });

    it('gives 0% when one side is zero: meets 0 but not 1', () => {
      for (const result of [ratio(0n, 17000000n), ratio(1000000n, 0n)]) {
        expect(result.percent).toBe(0);
        expect(result.meets(1)).toBe(false);
        expect(result.meets(0)).toBe(true);
      }
    });

    it('gives 0% and meets no positive requirement when both sides are zero', () => {
      const result = ratio(0n, 0n);
      expect(result.percent).toBe(0);
      expect(result.meets(1)).toBe(false);
      expect(result.meets(50)).toBe(false);
    });

    it('gives 0% and meets only 0 with fewer than two sides', () => {
      const one = matchPercent([{ currency: 'GBP', amountMinor: 1000000n }], 'GBP', RATES);
      expect(one.percent).toBe(0);
      expect(one.meets(0)).toBe(true);
      expect(one.meets(1)).toBe(false);
      const none = matchPercent([], 'GBP', RATES);
      expect(none.percent).toBe(0);
      expect(none.meets(0)).toBe(true);
      expect(none.meets(1)).toBe(false);
    });
  });
});

describe('amounts written for a reader', () => {
  it('writes whole pounds without pence, and pence when there are any; won never has decimals', () => {
    expect(formatAmount('2000000', 'GBP', 'en')).toBe('£20,000');
    expect(formatAmount(2500050n, 'GBP', 'en')).toBe('£25,000.50');
    expect(formatAmount('5', 'GBP', 'en')).toBe('£0.05');
    expect(formatAmount('0', 'GBP', 'en')).toBe('£0');
    expect(formatAmount('-150', 'GBP', 'en')).toBe('-£1.50');
    expect(formatAmount('34000000', 'KRW', 'ko')).toBe('₩34,000,000');
    expect(formatAmount('2000000', 'GBP', 'ko')).toBe('£20,000');
    expect(formatAmount('900719925474099312', 'GBP', 'en')).toBe('£9,007,199,254,740,993.12');
  });

  it('writes separate budgets joined by “and” (Korean 및), never “+” or a middle dot', () => {
    const budgets = [
      { currency: 'GBP', amountMinor: '2000000' },
      { currency: 'KRW', amountMinor: '34000000' },
    ];
    expect(amountsText(budgets, 'en')).toBe('£20,000 and ₩34,000,000');
    expect(amountsText(budgets, 'ko')).toBe('£20,000 및 ₩34,000,000');
    expect(amountsText([budgets[1]], 'ko')).toBe('₩34,000,000');
    expect(amountsText([], 'en')).toBe('');
  });

  it('writes a conversion at the call’s rate as one amount and what it comes to', () => {
    const pounds = { currency: 'GBP', amountMinor: '5000000' };
    const won = { currency: 'KRW', amountMinor: convertAtRate(5000000n, 'GBP', 'KRW', 'GBP', { KRW: 1700 })! };
    expect(won.amountMinor).toBe(85000000n);
    expect(convertedText(pounds, won, 'en')).toBe('£50,000 (≈ ₩85,000,000 at the call’s rate)');
    expect(convertedText(pounds, won, 'ko')).toBe('£50,000(공모 환율 기준 약 ₩85,000,000)');
  });

  it('converts through the reference currency to the nearest minor unit, and not without a rate', () => {
    expect(convertAtRate(34000000n, 'KRW', 'GBP', 'GBP', { KRW: 1700 })).toBe(2000000n);
    // ₩1,000 at 1,700 to the pound is 58.82… pence: 59.
    expect(convertAtRate(1000n, 'KRW', 'GBP', 'GBP', { KRW: 1700 })).toBe(59n);
    expect(convertAtRate(100n, 'GBP', 'KRW', 'GBP', { KRW: 1700.5 })).toBe(1701n);
    expect(convertAtRate(100n, 'GBP', 'EUR', 'GBP', { KRW: 1700 })).toBeNull();
  });
});

