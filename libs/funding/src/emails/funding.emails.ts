import { Bilingual, pick } from '@app/core';
import { BoardEmail } from './board.emails';
import { defineTemplate, formatInstant, layout } from '@app/notifications';
import { durationText, timeLeft, withParticle } from '@app/rules';

const submissionReceived = defineTemplate<{ title: Bilingual; callTitle: Bilingual; submittedAt: string; forAdmin: boolean; url: string }>({
  name: 'funding.submission-received',
  render: (d, ctx) => {
    const title = pick(d.title, ctx.language);
    const call = pick(d.callTitle, ctx.language);
    const at = formatInstant(d.submittedAt, ctx);
    return ctx.language === 'ko'
      ? layout(ctx, {
          subject: d.forAdmin ? `새 신청서: “${title}”` : `신청서 ${withParticle(`“${title}”`, '이/가')} 접수되었습니다`,
          greeting: '안녕하세요.',
          paragraphs: d.forAdmin
            ? [`“${call}” 공모에 신청서 ${withParticle(`“${title}”`, '이/가')} ${at}에 제출되었습니다.`, '자격 요건을 확인하고 심사위원을 배정해 주세요.']
            : [`“${call}” 공모에 제출하신 신청서 ${withParticle(`“${title}”`, '이/가')} ${at}에 접수되었습니다.`, '제출된 내용은 잠겨 더 이상 수정할 수 없습니다. 자격 확인과 심사가 진행되면 알려 드리겠습니다.'],
          action: { label: '신청서 열기', url: d.url },
        })
      : layout(ctx, {
          subject: d.forAdmin ? `New application: “${title}”` : `Your application “${title}” has been received`,
          greeting: 'Hello,',
          paragraphs: d.forAdmin
            ? [`The application “${title}” was submitted to the call “${call}” on ${at}.`, 'Please check its eligibility and assign reviewers.']
            : [`Your application “${title}” to the call “${call}” was received on ${at}.`, 'Its content is now locked. We will tell you when its eligibility is checked and its review begins.'],
          action: { label: 'Open the application', url: d.url },
        });
  },
});

/**
 * A draft's reminder before its call closes. The time left is reckoned when
 * the email is sent (ctx.now), from the close: never the reminder's window,
 * which said "3 days" of a call closing in 48 hours. `daysLeft`, the window,
 * is in rows queued before; it is accepted and no longer read.
 */
const deadlineReminder = defineTemplate<{ title: Bilingual; callTitle: Bilingual; closesAt: string; daysLeft?: number; url: string }>({
  name: 'funding.deadline-reminder',
  render: (d, ctx) => {
    const title = pick(d.title, ctx.language);
    const call = pick(d.callTitle, ctx.language);
    const at = formatInstant(d.closesAt, ctx);
    const left = timeLeft(d.closesAt, ctx.now);
    if (ctx.language === 'ko') {
      const draft = `“${title}” 신청서가 아직 제출되지 않았습니다`;
      return left.unit === 'passed'
        ? layout(ctx, {
            subject: `공모 마감: “${title}” 신청서가 제출되지 않았습니다`,
            greeting: '안녕하세요.',
            paragraphs: [`“${call}” 공모가 ${at}에 마감되었습니다.`, `이 알림을 준비할 때 신청서 ${withParticle(`“${title}”`, '은/는')} 초안 상태였습니다. 마감 후에는 제출할 수 없습니다.`],
            action: { label: '신청서 열기', url: d.url },
          })
        : layout(ctx, {
            subject: left.unit === 'underAnHour' ? `마감 1시간 이내: ${draft}` : `마감 ${durationText(left, 'ko')} 전: ${draft}`,
            greeting: '안녕하세요.',
            paragraphs: [`“${call}” 공모가 ${at}에 마감됩니다.`, `신청서 ${withParticle(`“${title}”`, '은/는')} 아직 초안 상태입니다. 마감 후에는 제출할 수 없습니다.`],
            action: { label: '신청서 완성하기', url: d.url },
          });
    }
    return left.unit === 'passed'
      ? layout(ctx, {
          subject: `The call has closed: “${title}” was not submitted`,
          greeting: 'Hello,',
          paragraphs: [`The call “${call}” closed on ${at}.`, `Your application “${title}” was still a draft when this reminder was prepared. It cannot be submitted after the close.`],
          action: { label: 'Open the application', url: d.url },
        })
      : layout(ctx, {
          subject: `${left.unit === 'underAnHour' ? 'Less than an hour' : durationText(left, 'en')} left: “${title}” is not submitted yet`,
          greeting: 'Hello,',
          paragraphs: [`The call “${call}” closes on ${at}.`, `Your application “${title}” is still a draft. It cannot be submitted after the close.`],
          action: { label: 'Finish the application', url: d.url },
        });
  },
});

/** The templates by what they are for: each a typed reference for OutboxService.enqueueEmail. */
export const FundingEmail = {
  SUBMISSION_RECEIVED: submissionReceived,
  DEADLINE_REMINDER: deadlineReminder,
} as const;

/** Every template of the seed fund, the board's included, for the outbox's registry. */
export const FUNDING_EMAIL_TEMPLATES = [...Object.values(FundingEmail), ...Object.values(BoardEmail)];
