import { type Language, type TranslateOf } from '../../i18n';
import { projectMessages } from '../projects/messages';
import { fundingMessages } from './messages';
import { formatMinor, matchPercent, minorDigits } from '../../i18n/money';
import { type Application, type Call, type Side } from './documents';

type FundingT = TranslateOf<typeof fundingMessages>;

export interface Check {
  rule: string;
  passed: boolean;
  text: string;
}

/** The call's rules applied to the form as it is now: the budget rules computed here exactly as the API does; the others as the API last said. */
export function checksFor(draftLines: Array<{ countryCode: string; currency: string; minor: bigint }>, lineCount: number, application: Application, sides: Side[], projectStage: string, t: FundingT, tProject: TranslateOf<typeof projectMessages>, language: Language): Check[] {
  const call = application.call;
  const server = (rule: string) => application.eligibility.find((c) => c.rule === rule);
  const checks: Check[] = [];
  const active = server('ACTIVE_TWINNING');
  if (active) checks.push({ rule: 'ACTIVE_TWINNING', passed: active.passed, text: t('application.checks.ACTIVE_TWINNING') });
  const stageOk = call.allowedStages.includes(projectStage as never);
  checks.push({
    rule: 'PROJECT_STAGE',
    passed: stageOk,
    text: stageOk
      ? t('application.checks.PROJECT_STAGE_ok', { stage: tProject(`stage.${projectStage}` as 'stage.DISCOVERY') })
      : t('application.checks.PROJECT_STAGE', { stages: call.allowedStages.map((s) => tProject(`stage.${s}`)).join(', '), stage: tProject(`stage.${projectStage}` as 'stage.DISCOVERY') }),
  });
  const open = server('PROJECT_OPEN');
  if (open) checks.push({ rule: 'PROJECT_OPEN', passed: open.passed, text: t('application.checks.PROJECT_OPEN') });
  checks.push({ rule: 'BUDGET', passed: lineCount > 0, text: lineCount > 0 ? t('application.checks.BUDGET_ok', { count: lineCount }) : t('application.checks.BUDGET') });
  const totals = new Map<string, bigint>();
  for (const line of draftLines) totals.set(line.currency, (totals.get(line.currency) ?? 0n) + line.minor);
  const over = [...totals].filter(([currency, total]) => total > BigInt(call.maxAward.find((m) => m.currency === currency)?.amountMinor ?? '0'));
  checks.push({
    rule: 'MAX_AWARD',
    passed: over.length === 0,
    text: over.length
      ? over
          .map(([currency, total]) =>
            t('application.checks.MAX_AWARD', {
              currency,
              requested: formatMinor(total, currency, language),
              max: formatMinor(call.maxAward.find((m) => m.currency === currency)?.amountMinor ?? '0', currency, language),
            }),
          )
          .join(' ')
      : t('application.checks.MAX_AWARD_ok'),
  });
  const ratio = matchPercent(
    sides.map((side) => ({ currency: side.currency, amountMinor: totals.get(side.currency) ?? 0n })),
    call.referenceCurrency,
    call.exchangeRates,
  );
  const meets = ratio.meets(call.matchRatioPercent);
  const percent = new Intl.NumberFormat(language === 'ko' ? 'ko-KR' : 'en-GB', { maximumFractionDigits: 2 }).format(ratio.percent);
  checks.push({
    rule: 'MATCH_RATIO',
    passed: meets,
    text: t(meets ? 'application.checks.MATCH_RATIO_ok' : 'application.checks.MATCH_RATIO', { required: call.matchRatioPercent, percent }),
  });
  return checks;
}

export function rateText(call: Call, sides: Side[], language: Language): string {
  const ref = call.referenceCurrency;
  const one = formatMinor((10n ** BigInt(minorDigits(ref))).toString(), ref, language);
  return sides
    .filter((side) => side.currency !== ref)
    .map((side) => {
      const rate = call.exchangeRates.find((r) => r.currency === side.currency)?.unitsPerReference ?? 0;
      return `${one} = ${formatMinor(BigInt(Math.round(rate * 10 ** minorDigits(side.currency))), side.currency, language)}`;
    })
    .join(', ');
}
