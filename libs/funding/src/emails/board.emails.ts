import { Bilingual, pick } from '@app/core';
import { amountsText, durationText, timeLeft } from '@app/rules';
import { defineTemplate, formatInstant, layout } from '@app/notifications';

const reviewAssigned = defineTemplate<{ title: Bilingual; callTitle: Bilingual; url: string }>({
  name: 'governance.review-assigned',
  render: (d, ctx) => {
    const title = pick(d.title, ctx.language);
    const call = pick(d.callTitle, ctx.language);
    return ctx.language === 'ko'
      ? layout(ctx, {
          subject: `심사 요청: “${title}”`,
          greeting: '안녕하세요.',
          paragraphs: [`“${call}” 공모의 신청서 “${title}”의 심사위원으로 배정되셨습니다.`, '이해관계가 있다면 심사 전에 이해충돌을 신고해 주세요. 다른 심사 의견은 본인의 심사를 제출한 뒤에 볼 수 있습니다.'],
          action: { label: '신청서 심사하기', url: d.url },
        })
      : layout(ctx, {
          subject: `Please review “${title}”`,
          greeting: 'Hello,',
          paragraphs: [`You have been assigned to review the application “${title}” to the call “${call}”.`, 'If you have an interest in it, declare a conflict before reviewing. You will see the other reviews once you submit yours.'],
          action: { label: 'Review the application', url: d.url },
        });
  },
});

/**
 * A reviewer's reminder before the review is due. The time left is reckoned
 * when the email is sent (ctx.now), from the due date, not from the
 * reminder's window; `daysLeft`, the window, is in rows queued before: it is
 * accepted and no longer read.
 */
const reviewDue = defineTemplate<{ title: Bilingual; callTitle: Bilingual; dueAt: string; daysLeft?: number; url: string }>({
  name: 'governance.review-due-reminder',
  render: (d, ctx) => {
    const title = pick(d.title, ctx.language);
    const call = pick(d.callTitle, ctx.language);
    const at = formatInstant(d.dueAt, ctx);
    const left = timeLeft(d.dueAt, ctx.now);
    const passed = left.unit === 'passed';
    if (ctx.language === 'ko') {
      const when = left.unit === 'passed' ? '마감 지남' : left.unit === 'underAnHour' ? '마감 1시간 이내' : `마감 ${durationText(left, 'ko')} 전`;
      return layout(ctx, {
        subject: `심사 ${when}: “${title}”`,
        greeting: '안녕하세요.',
        paragraphs: [
          passed ? `“${call}” 공모의 신청서 “${title}”에 대한 심사는 ${at}까지였습니다.` : `“${call}” 공모의 신청서 “${title}”에 대한 심사 마감은 ${at}입니다.`,
          '아직 심사를 제출하지 않으셨습니다. 이해관계가 있다면 심사 대신 이해충돌을 신고해 주세요.',
        ],
        action: { label: '신청서 심사하기', url: d.url },
      });
    }
    return layout(ctx, {
      subject:
        left.unit === 'passed'
          ? `Your review of “${title}” is overdue`
          : `${left.unit === 'underAnHour' ? 'Less than an hour' : durationText(left, 'en')} left to review “${title}”`,
      greeting: 'Hello,',
      paragraphs: [
        `Your review of the application “${title}” to the call “${call}” ${passed ? 'was' : 'is'} due on ${at}.`,
        'You have not submitted it yet. If you have an interest in the application, declare a conflict instead of reviewing it.',
      ],
      action: { label: 'Review the application', url: d.url },
    });
  },
});

const OUTCOME = {
  en: { APPROVED: 'approved', APPROVED_WITH_CONDITIONS: 'approved with conditions', REJECTED: 'not approved', DEFERRED: 'deferred to a later meeting' },
  ko: { APPROVED: '승인', APPROVED_WITH_CONDITIONS: '조건부 승인', REJECTED: '불승인', DEFERRED: '다음 회의로 보류' },
} as const;

const decisionMade = defineTemplate<{
  title: Bilingual;
  outcome: keyof (typeof OUTCOME)['en'];
  amounts: Record<string, string>;
  rationale: Bilingual;
  conditions: Bilingual | null;
  supersedes: boolean;
  url: string;
}>({
  name: 'governance.decision-made',
  render: (d, ctx) => {
    const title = pick(d.title, ctx.language);
    const award = amountsText(Object.entries(d.amounts).map(([currency, amountMinor]) => ({ currency, amountMinor })), ctx.language);
    const ko = ctx.language === 'ko';
    return layout(ctx, {
      subject: ko ? `“${title}” 결정: ${OUTCOME.ko[d.outcome]}` : `Decision on “${title}”: ${OUTCOME.en[d.outcome]}`,
      greeting: ko ? '안녕하세요.' : 'Hello,',
      paragraphs: [
        ko
          ? `운영위원회가 신청서 “${title}”에 대해 ${d.supersedes ? '이전 결정을 대신하는 ' : ''}결정을 내렸습니다: ${OUTCOME.ko[d.outcome]}.`
          : `The governance board has ${d.supersedes ? 'made a new decision, replacing its earlier one, ' : 'decided '}on the application “${title}”: ${OUTCOME.en[d.outcome]}.`,
        ...(award ? [ko ? `지원 금액: ${award}.` : `Award: ${award}.`] : []),
        (ko ? '사유: ' : 'Rationale: ') + pick(d.rationale, ctx.language),
        ...(d.conditions ? [(ko ? '조건: ' : 'Conditions: ') + pick(d.conditions, ctx.language)] : []),
      ],
      action: { label: ko ? '신청서 열기' : 'Open the application', url: d.url },
    });
  },
});

/** The templates by what they are for: each a typed reference for OutboxService.enqueueEmail. */
export const BoardEmail = {
  REVIEW_ASSIGNED: reviewAssigned,
  REVIEW_DUE_REMINDER: reviewDue,
  DECISION_MADE: decisionMade,
} as const;

