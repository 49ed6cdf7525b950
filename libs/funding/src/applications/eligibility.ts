import { Field, ObjectType } from '@nestjs/graphql';
import { Allow, formatMoney } from '@app/core';
import { ProjectStage } from '@app/projects';
import { TwinningStatus } from '@app/twinning';
import type { FundCall } from '../funds/fund-call.entity';
import { matchPercent, sumByCurrency } from '@app/rules';

@ObjectType({ description: 'One eligibility rule of the call, and whether the application meets it now.' })
@Allow('SIGNED_IN')
export class EligibilityCheck {
  @Field({ description: 'ACTIVE_TWINNING, PROJECT_STAGE, PROJECT_OPEN, BUDGET, BUDGET_SIDES, MAX_AWARD or MATCH_RATIO.' })
  rule: string;

  @Field()
  passed: boolean;

  @Field({ description: 'What the rule asks and where the application stands, in English.' })
  message: string;
}

export interface EligibilityFacts {
  twinningStatus: TwinningStatus;
  projectStage: ProjectStage;
  projectClosed: boolean;
  call: Pick<FundCall, 'allowedStages' | 'maxAwardMinor' | 'matchRatioPercent' | 'referenceCurrency' | 'exchangeRates'>;
  /** The currency of each of the twinning's two countries, e.g. GB → GBP, KR → KRW. */
  sides: ReadonlyMap<string, string>;
  lines: ReadonlyArray<{ countryCode: string; currency: string; amountMinor: string }>;
}

/** The call's rules applied to an application: every rule, passed or not, so applicants see all that is left to fix. */
export function checkEligibility(facts: EligibilityFacts): EligibilityCheck[] {
  const checks: EligibilityCheck[] = [];
  const check = (rule: string, passed: boolean, message: string) => checks.push(Object.assign(new EligibilityCheck(), { rule, passed, message }));

  check('ACTIVE_TWINNING', facts.twinningStatus === TwinningStatus.ACTIVE, `The applicant must be an active twin workspace; this twinning is ${facts.twinningStatus}.`);
  check(
    'PROJECT_STAGE',
    facts.call.allowedStages.includes(facts.projectStage),
    `The project must be at ${facts.call.allowedStages.join(' or ')}; it is at ${facts.projectStage}.`,
  );
  check('PROJECT_OPEN', !facts.projectClosed, facts.projectClosed ? 'The project is closed: reopen it to apply.' : 'The project is open.');

  const badSide = facts.lines.find((line) => facts.sides.get(line.countryCode) !== line.currency);
  check('BUDGET', facts.lines.length > 0, facts.lines.length ? `${facts.lines.length} budget line(s).` : 'Add at least one budget line.');
  check(
    'BUDGET_SIDES',
    !badSide,
    badSide
      ? `Every budget line must belong to one of the twinned countries (${[...facts.sides].map(([c, cur]) => `${c} in ${cur}`).join(', ')}); one is ${badSide.countryCode} in ${badSide.currency}.`
      : 'Every budget line is in its side’s currency.',
  );

  const totals = sumByCurrency(facts.lines);
  const over = [...totals].filter(([currency, total]) => total > BigInt(facts.call.maxAwardMinor[currency] ?? '0'));
  check(
    'MAX_AWARD',
    over.length === 0,
    over.length
      ? over.map(([c, total]) => `${formatMoney(total.toString(), c, 'en')} requested in ${c}, above the call’s maximum of ${formatMoney(facts.call.maxAwardMinor[c] ?? '0', c, 'en')}`).join('; ') + '.'
      : 'Within the call’s maximum award in every currency.',
  );

  const sideTotals = [...facts.sides.values()].map((currency) => ({ currency, amountMinor: totals.get(currency) ?? 0n }));
  const ratio = matchPercent(sideTotals, facts.call.referenceCurrency, facts.call.exchangeRates);
  check(
    'MATCH_RATIO',
    ratio.meets(facts.call.matchRatioPercent),
    `The smaller side must request at least ${facts.call.matchRatioPercent}% of the larger side (at the call’s reference rates); it requests ${ratio.percent}%.`,
  );
  return checks;
}
