import { amountsText, convertAtRate, convertedText, formatAmount, matchPercent as sharedMatchPercent, minorDigits } from '@app/rules';
import type { Language } from './index';
import type { FormT } from './forms';
/**
 * Money as people type it and as the API takes it: integer minor units in a
 * string (pence for GBP, none for KRW). Strings and BigInt all the way, so no
 * float ever rounds an amount. The one copy for every form and page; the
 * arithmetic (minor digits, sums, the match ratio) is the rules' own.
 */

/** Digits after the decimal point in a currency (GBP 2, KRW 0): the API's own rule. */
export { minorDigits };

/** A currency's symbol, e.g. £ or ₩. */
export function currencySymbol(currency: string, locale = 'en-GB'): string {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).formatToParts(0).find((p) => p.type === 'currency')?.value ?? currency;
  } catch {
    return currency;
  }
}

const group = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/**
 * Minor units as the amount a person types, e.g. "2500050" GBP → "25,000.50"; "2500000" KRW → "2,500,000".
 * With `grouped` false, without thousands separators ("25000.50").
 */
export function minorToInput(amountMinor: string, currency: string, grouped = true): string {
  const digits = minorDigits(currency);
  const clean = amountMinor.replace(/^0+(?=\d)/, '');
  const whole = grouped ? group : (text: string) => text;
  if (!digits) return whole(clean);
  const padded = clean.padStart(digits + 1, '0');
  return `${whole(padded.slice(0, -digits))}.${padded.slice(-digits)}`;
}

export type ParsedAmount = { ok: true; minor: string } | { ok: false; reason: 'empty' | 'format' | 'decimals' | 'zero' | 'tooLarge' };

/**
 * What a person typed, as minor units: "25,000.5" GBP → "2500050"; "2,500,000" KRW → "2500000".
 * Spaces, commas and the currency's symbol are allowed; a decimal point only
 * where the currency has minor units, and no more places than it has.
 */
export function parseAmount(text: string, currency: string): ParsedAmount {
  const digits = minorDigits(currency);
  const cleaned = text.replace(/[\s,£₩$€]/g, '').replace(/원$/, '');
  if (!cleaned) return { ok: false, reason: 'empty' };
  const match = /^(\d+)(?:\.(\d*))?$/.exec(cleaned);
  if (!match) return { ok: false, reason: 'format' };
  const [, whole, fraction = ''] = match;
  if (fraction.length > digits || (!digits && cleaned.includes('.'))) return { ok: false, reason: 'decimals' };
  const minor = (whole + fraction.padEnd(digits, '0')).replace(/^0+(?=\d)/, '');
  if (/^0+$/.test(minor)) return { ok: false, reason: 'zero' };
  // The API takes at most 15 digits of minor units.
  if (minor.length > 15) return { ok: false, reason: 'tooLarge' };
  return { ok: true, minor };
}

/** An amount in minor units written for a reader, e.g. £25,000, £25,000.50 or ₩2,500,000: the rules' one rendering, as the API's and the emails'. */
export function formatMinor(amountMinor: string | bigint, currency: string, language: Language): string {
  return formatAmount(amountMinor, currency, language);
}

/**
 * Amounts that are each their own (a budget per side, an award per currency),
 * e.g. "£20,000 and ₩34,000,000" / "£20,000 및 ₩34,000,000". Every page writes
 * separate amounts with this; a conversion is `convertedText`.
 */
export function moneyText(amounts: ReadonlyArray<{ currency: string; amountMinor: string }>, language: Language): string {
  return amountsText(amounts, language);
}

/** One amount and what it comes to at the call's rate, e.g. "₩34,000,000 (≈ £20,000 at the call’s rate)"; null without a rate. */
export function atCallRate(
  amount: { currency: string; amountMinor: string | bigint },
  to: string,
  call: { referenceCurrency: string; exchangeRates: ReadonlyArray<{ currency: string; unitsPerReference: number }> },
  language: Language,
): string | null {
  const rates = Object.fromEntries(call.exchangeRates.map((r) => [r.currency, r.unitsPerReference]));
  const converted = convertAtRate(BigInt(amount.amountMinor), amount.currency, to, call.referenceCurrency, rates);
  return converted === null ? null : convertedText(amount, { currency: to, amountMinor: converted }, language);
}

/**
 * How the smaller side compares with the larger, in percent, at the call's
 * reference rates: the API's own function (libs/funding), so the form and
 * the server can never disagree. A currency without a rate never meets the rule.
 */
export function matchPercent(
  sides: ReadonlyArray<{ currency: string; amountMinor: bigint }>,
  referenceCurrency: string,
  rates: ReadonlyArray<{ currency: string; unitsPerReference: number }>,
): { percent: number; meets: (required: number) => boolean } {
  const known = Object.fromEntries(rates.map((r) => [r.currency, r.unitsPerReference]));
  if (sides.some((side) => side.currency !== referenceCurrency && !Number.isFinite(known[side.currency]))) {
    return { percent: 0, meets: (required) => required <= 0 };
  }
  return sharedMatchPercent(sides, referenceCurrency, known);
}

/** What is wrong with a typed amount of the currency, said as every form says it (with an example); null when it is an amount. */
export function amountProblem(text: string, currency: string, tForm: FormT): string | null {
  const parsed = parseAmount(text, currency);
  if (parsed.ok) return null;
  const digits = minorDigits(currency);
  const example = minorToInput(digits ? '2500050' : '25000000', currency);
  if (parsed.reason === 'decimals') return digits ? tForm('validation.amount.decimals', { digits, example }) : tForm('validation.amount.decimalsNone', { example });
  return tForm(`validation.amount.${parsed.reason}`, { example });
}
