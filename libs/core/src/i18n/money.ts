import { Field, ObjectType } from '@nestjs/graphql';
import { Allow } from '../auth/allow.decorator';
import { Language } from '../auth/roles';

import { minorDigits } from '@app/rules';

/** Decimal places of a currency's minor unit: the one rule, in libs/rules, which the web app uses too. */
export { minorDigits };

/**
 * Integer minor units as a reader writes money: "£25,000.00", "₩2,500,000".
 * The amount stays a decimal string all the way, so no float ever rounds it.
 */
export function formatMoney(amountMinor: string, currency: string, language: Language): string {
  if (amountMinor.startsWith('-')) return `-${formatMoney(amountMinor.slice(1), currency, language)}`;
  const digits = minorDigits(currency);
  const padded = amountMinor.padStart(digits + 1, '0');
  const decimal = digits ? `${padded.slice(0, -digits)}.${padded.slice(-digits)}` : padded;
  const format = new Intl.NumberFormat(language === 'ko' ? 'ko-KR' : 'en-GB', { style: 'currency', currency });
  return format.format(decimal as unknown as number);
}

/** An amount of money as every screen shows it: exact minor units, and written for each language. */
@ObjectType({ description: 'An amount: integer minor units of one currency (pence, won), and how English and Korean readers write it.' })
@Allow('PUBLIC')
export class Money {
  @Field({ description: 'ISO 4217 code, e.g. GBP or KRW.' })
  currency: string;

  @Field({ description: 'Integer minor units as a string of digits, e.g. "2500000" = £25,000.00 or ₩2,500,000.' })
  amountMinor: string;

  @Field({ description: 'e.g. £25,000.00' })
  en: string;

  @Field({ description: 'e.g. ₩2,500,000' })
  ko: string;

  static of(amountMinor: bigint | string, currency: string): Money {
    const minor = amountMinor.toString();
    return Object.assign(new Money(), { currency, amountMinor: minor, en: formatMoney(minor, currency, 'en'), ko: formatMoney(minor, currency, 'ko') });
  }
}
