import { formatMoney, minorDigits } from './money';

describe('money', () => {
  it('knows the minor unit of each currency', () => {
    expect(minorDigits('GBP')).toBe(2);
    expect(minorDigits('KRW')).toBe(0);
  });

  it('formats integer minor units exactly, beyond what a float holds', () => {
    expect(formatMoney('2500000', 'GBP', 'en')).toBe('£25,000');
    expect(formatMoney('2500050', 'GBP', 'en')).toBe('£25,000.50');
    expect(formatMoney('5', 'GBP', 'en')).toBe('£0.05');
    expect(formatMoney('2500000', 'KRW', 'ko')).toBe('₩2,500,000');
    expect(formatMoney('900719925474099312', 'GBP', 'en')).toBe('£9,007,199,254,740,993.12');
  });
});
