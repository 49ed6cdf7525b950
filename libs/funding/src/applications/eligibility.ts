import { Field, ObjectType } from '@nestjs/graphql';
import { Allow, formatMoney, type Language, type Words } from '@app/core';
import { ProjectStage } from '@app/projects';
import { TwinningStatus } from '@app/twinning';
import type { FundCall } from '../funds/fund-call.entity';
import { matchPercent, sumByCurrency, withParticle } from '@app/rules';
import { TWINNING_STATUS_KO } from '@app/twinning';
import { orKo, STAGE_KO } from '../funding-words';

@ObjectType({ description: 'One eligibility rule of the call, and whether the application meets it now.' })
@Allow('SIGNED_IN')
export class EligibilityCheck {
  @Field({ description: 'ACTIVE_TWINNING, PROJECT_STAGE, PROJECT_OPEN, BUDGET, BUDGET_SIDES, MAX_AWARD or MATCH_RATIO.' })
  rule: string;

  @Field()
  passed: boolean;

  @Field({ description: 'What the rule asks and where the application stands, in the reader’s language.' })
  message: string;

  /** The message in each language; `message` is the reader's. */
  words: Words;
}

/** The checks with each message in one language, as a reader reads them. */
export function checksIn(checks: EligibilityCheck[], language: Language): EligibilityCheck[] {
  return checks.map((c) => Object.assign(new EligibilityCheck(), c, { message: c.words[language] }));
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
  const check = (rule: string, passed: boolean, words: Words) => checks.push(Object.assign(new EligibilityCheck(), { rule, passed, message: words.en, words }));

  check('ACTIVE_TWINNING', facts.twinningStatus === TwinningStatus.ACTIVE, {
    en: `The applicant must be an active twin workspace; this twinning is ${facts.twinningStatus}.`,
    ko: `활동 중인 자매 도시 워크스페이스만 신청할 수 있습니다. 이 자매 도시 관계는 ‘${TWINNING_STATUS_KO[facts.twinningStatus]}’ 상태입니다.`,
  });
  check('PROJECT_STAGE', facts.call.allowedStages.includes(facts.projectStage), {
    en: `The project must be at ${facts.call.allowedStages.join(' or ')}; it is at ${facts.projectStage}.`,
    ko: `프로젝트가 ${orKo(facts.call.allowedStages.map((stage) => STAGE_KO[stage]))} 단계여야 합니다. 지금은 ${STAGE_KO[facts.projectStage]} 단계입니다.`,
  });
  check(
    'PROJECT_OPEN',
    !facts.projectClosed,
    facts.projectClosed ? { en: 'The project is closed: reopen it to apply.', ko: '프로젝트가 종료되었습니다. 신청하려면 다시 열어 주세요.' } : { en: 'The project is open.', ko: '프로젝트가 진행 중입니다.' },
  );

  const badSide = facts.lines.find((line) => facts.sides.get(line.countryCode) !== line.currency);
  const lines = facts.lines.length;
  check(
    'BUDGET',
    lines > 0,
    lines ? { en: `${lines} budget line(s).`, ko: `예산 항목 ${lines}개.` } : { en: 'Add at least one budget line.', ko: '예산 항목을 하나 이상 넣어 주세요.' },
  );
  check(
    'BUDGET_SIDES',
    !badSide,
    badSide
      ? {
          en: `Every budget line must belong to one of the twinned countries (${[...facts.sides].map(([c, cur]) => `${c} in ${cur}`).join(', ')}); one is ${badSide.countryCode} in ${badSide.currency}.`,
          ko: `모든 예산 항목은 자매 도시의 나라 중 하나에 속해야 합니다(${[...facts.sides].map(([c, cur]) => `${withParticle(c, '은/는')} ${cur}`).join(', ')}). ${badSide.countryCode}의 ${badSide.currency} 항목이 있습니다.`,
        }
      : { en: 'Every budget line is in its side’s currency.', ko: '모든 예산 항목이 각 나라의 통화로 되어 있습니다.' },
  );

  const totals = sumByCurrency(facts.lines);
  const over = [...totals].filter(([currency, total]) => total > BigInt(facts.call.maxAwardMinor[currency] ?? '0'));
  const money = (minor: string, currency: string) => ({ en: formatMoney(minor, currency, 'en'), ko: formatMoney(minor, currency, 'ko') });
  const overs = over.map(([c, total]) => ({ currency: c, total: money(total.toString(), c), max: money(facts.call.maxAwardMinor[c] ?? '0', c) }));
  check(
    'MAX_AWARD',
    over.length === 0,
    over.length
      ? {
          en: overs.map((o) => `${o.total.en} requested in ${o.currency}, above the call’s maximum of ${o.max.en}`).join('; ') + '.',
          ko: overs.map((o) => `${o.currency} 신청액 ${withParticle(o.total.ko, '이/가')} 공모의 최대 지원액 ${o.max.ko}보다 많습니다.`).join(' '),
        }
      : { en: 'Within the call’s maximum award in every currency.', ko: '모든 통화에서 공모의 최대 지원액 안에 있습니다.' },
  );

  const sideTotals = [...facts.sides.values()].map((currency) => ({ currency, amountMinor: totals.get(currency) ?? 0n }));
  const ratio = matchPercent(sideTotals, facts.call.referenceCurrency, facts.call.exchangeRates);
  check('MATCH_RATIO', ratio.meets(facts.call.matchRatioPercent), {
    en: `The smaller side must request at least ${facts.call.matchRatioPercent}% of the larger side (at the call’s reference rates); it requests ${ratio.percent}%.`,
    ko: `신청액이 적은 쪽이 많은 쪽의 ${facts.call.matchRatioPercent}% 이상을 신청해야 합니다(공모의 기준 환율로 계산). 지금은 ${ratio.percent}%입니다.`,
  });
  return checks;
}
