import { Field, ObjectType } from '@nestjs/graphql';
import { Allow } from '../auth/allow.decorator';
import { Language } from '../auth/roles';

import { formatAmount, minorDigits } from '@app/rules';

/** Decimal places of a currency's minor unit: the one rule, in libs/rules, which the web app uses too. */
export { minorDigits };

/**
 * Integer minor units as a reader writes money: "£25,000", "£25,000.50",
 * "₩2,500,000" (whole pounds without pence): the rules' `formatAmount`, the
 * one rendering the web app and the emails use too.
 */
export function formatMoney(amountMinor: string, currency: string, language: Language): string {
  return formatAmount(amountMinor, currency, language);
}

/** An amount of money as every screen shows it: exact minor units, and written for each language. */
@ObjectType({ description: 'An amount: integer minor units of one currency (pence, won), and how English and Korean readers write it.' })
@Allow('PUBLIC')
export class Money {
  @Field({ description: 'ISO 4217 code, e.g. GBP or KRW.' })
  currency: string;

  @Field({ description: 'Integer minor units as a string of digits, e.g. "2500000" = £25,000 or ₩2,500,000.' })
  amountMinor: string;

  @Field({ description: 'e.g. £25,000 or £25,000.50 (whole pounds without pence)' })
  en: string;

  @Field({ description: 'e.g. ₩2,500,000' })
  ko: string;

  static of(amountMinor: bigint | string, currency: string): Money {
    const minor = amountMinor.toString();
    return Object.assign(new Money(), { currency, amountMinor: minor, en: formatMoney(minor, currency, 'en'), ko: formatMoney(minor, currency, 'ko') });
  }
}
