import { Language } from '../auth/roles';

/** Decimal places of a currency's minor unit (2 for GBP, 0 for KRW), per ISO 4217 as Intl knows it. */
export function minorDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/**
 * Integer minor units as a reader writes money: "£25,000.00", "₩2,500,000".
 * The amount stays a decimal string all the way, so no float ever rounds it.
 */
export function formatMoney(amountMinor: string, currency: string, language: Language): string {
  const digits = minorDigits(currency);
  const padded = amountMinor.padStart(digits + 1, '0');
  const decimal = digits ? `${padded.slice(0, -digits)}.${padded.slice(-digits)}` : padded;
  const format = new Intl.NumberFormat(language === 'ko' ? 'ko-KR' : 'en-GB', { style: 'currency', currency });
  return format.format(decimal as unknown as number);
}
