import { Bilingual, pick } from '@app/core';
import { BoardEmail } from './board.emails';
import { defineTemplate, formatInstant, layout } from '@app/notifications';
import { withParticle } from '@app/rules';

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

const deadlineReminder = defineTemplate<{ title: Bilingual; callTitle: Bilingual; closesAt: string; daysLeft: number; url: string }>({
  name: 'funding.deadline-reminder',
  render: (d, ctx) => {
    const title = pick(d.title, ctx.language);
    const call = pick(d.callTitle, ctx.language);
    const at = formatInstant(d.closesAt, ctx);
    return ctx.language === 'ko'
      ? layout(ctx, {
          subject: `마감 ${d.daysLeft === 1 ? '하루' : `${d.daysLeft}일`} 전: “${title}” 신청서가 아직 제출되지 않았습니다`,
          greeting: '안녕하세요.',
          paragraphs: [`“${call}” 공모가 ${at}에 마감됩니다.`, `신청서 ${withParticle(`“${title}”`, '은/는')} 아직 초안 상태입니다. 마감 후에는 제출할 수 없습니다.`],
          action: { label: '신청서 완성하기', url: d.url },
        })
      : layout(ctx, {
          subject: `${d.daysLeft === 1 ? 'One day' : `${d.daysLeft} days`} left: “${title}” is not submitted yet`,
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
