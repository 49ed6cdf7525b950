import { Bilingual, pick } from '@app/core';
import { defineTemplate, layout } from '@app/notifications';
import { withParticle } from '@app/rules';

const caseStudyPrompt = defineTemplate<{ title: Bilingual; trigger: 'BUSINESS_AS_USUAL' | 'CLOSED'; url: string }>({
  name: 'projects.case-study-prompt',
  render: (d, ctx) => {
    const title = pick(d.title, ctx.language);
    return ctx.language === 'ko'
      ? layout(ctx, {
          subject: `“${title}”의 사례 연구를 작성해 주세요`,
          greeting: '안녕하세요.',
          paragraphs: [
            d.trigger === 'BUSINESS_AS_USUAL'
              ? `프로젝트 ${withParticle(`“${title}”`, '이/가')} 상시 운영 단계에 도달했습니다. 축하드립니다.`
              : `프로젝트 ${withParticle(`“${title}”`, '이/가')} 종료되었습니다.`,
            '프로젝트 리드로서 무엇이 효과가 있었고 무엇을 배웠는지 사례 연구로 남겨 주시면, 다른 도시들이 같은 길을 더 빨리 갈 수 있습니다. 프로젝트 내용이 미리 채워진 초안으로 시작할 수 있습니다.',
          ],
          action: { label: '사례 연구 시작하기', url: d.url },
        })
      : layout(ctx, {
          subject: `Please write a case study of “${title}”`,
          greeting: 'Hello,',
          paragraphs: [
            d.trigger === 'BUSINESS_AS_USUAL'
              ? `The project “${title}” has reached business as usual. Congratulations.`
              : `The project “${title}” has closed.`,
            'As one of its leads, please write a case study of what worked and what you learnt, so other cities can follow faster. It starts as a draft filled in from the project.',
          ],
          action: { label: 'Start the case study', url: d.url },
        });
  },
});

/** The templates by what they are for: each a typed reference for OutboxService.enqueueEmail. */
export const ProjectsEmail = {
  CASE_STUDY_PROMPT: caseStudyPrompt,
} as const;

export const PROJECTS_EMAIL_TEMPLATES = Object.values(ProjectsEmail);
