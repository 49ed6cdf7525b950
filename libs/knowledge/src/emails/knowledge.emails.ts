import { defineTemplate, layout } from '@app/notifications';
import { withParticle } from '@app/rules';

const reviewRequested = defineTemplate<{ title: string; language: string; url: string }>({
  name: 'knowledge.review-requested',
  render: (d, ctx) =>
    ctx.language === 'ko'
      ? layout(ctx, {
          subject: `사례 연구 검토 요청: “${d.title}”`,
          greeting: '안녕하세요.',
          paragraphs: [`사례 연구 “${d.title}”의 ${d.language === 'ko' ? '한국어' : '영어'} 버전이 검토를 기다리고 있습니다.`, '게시하거나, 메모와 함께 작성자에게 돌려보내 주세요.'],
          action: { label: '사례 연구 검토하기', url: d.url },
        })
      : layout(ctx, {
          subject: `Please review the case study “${d.title}”`,
          greeting: 'Hello,',
          paragraphs: [`The ${d.language === 'ko' ? 'Korean' : 'English'} version of the case study “${d.title}” is waiting for review.`, 'Publish it, or send it back to its authors with a note.'],
          action: { label: 'Review the case study', url: d.url },
        }),
});

const reviewed = defineTemplate<{ title: string; language: string; approved: boolean; note: string | null; url: string }>({
  name: 'knowledge.reviewed',
  render: (d, ctx) =>
    ctx.language === 'ko'
      ? layout(ctx, {
          subject: d.approved ? `${withParticle(`“${d.title}”`, '이/가')} 게시되었습니다` : `“${d.title}”에 수정 요청이 있습니다`,
          greeting: '안녕하세요.',
          paragraphs: [
            d.approved ? `사례 연구 “${d.title}”의 ${d.language === 'ko' ? '한국어' : '영어'} 버전이 게시되었습니다. 감사합니다.` : `사례 연구 ${withParticle(`“${d.title}”`, '이/가')} 초안으로 돌아왔습니다.`,
            ...(d.note ? [`검토자 메모: ${d.note}`] : []),
          ],
          action: { label: '사례 연구 열기', url: d.url },
        })
      : layout(ctx, {
          subject: d.approved ? `“${d.title}” is published` : `“${d.title}” needs changes`,
          greeting: 'Hello,',
          paragraphs: [
            d.approved ? `The ${d.language === 'ko' ? 'Korean' : 'English'} version of your case study “${d.title}” is published. Thank you.` : `Your case study “${d.title}” is back with you as a draft.`,
            ...(d.note ? [`The reviewer’s note: ${d.note}`] : []),
          ],
          action: { label: 'Open the case study', url: d.url },
        }),
});

/** The templates by what they are for: each a typed reference for OutboxService.enqueueEmail. */
export const KnowledgeEmail = {
  REVIEW_REQUESTED: reviewRequested,
  REVIEWED: reviewed,
} as const;

export const KNOWLEDGE_EMAIL_TEMPLATES_LIST = Object.values(KnowledgeEmail);
