import { Bilingual, pick } from '@app/core';
import { defineTemplate, layout } from '@app/notifications';
import { withParticle } from '@app/rules';

interface ReceivedData {
  requesterName: string;
  organisation: Bilingual;
  city: Bilingual;
  /** A new organisation proposed, rather than an existing one asked to join. */
  newOrganisation: boolean;
  message: string | null;
  /** Why this reader decides: a manager of the organisation, or an admin. */
  asAdmin: boolean;
  url: string;
}

const requestReceived = defineTemplate<ReceivedData>({
  name: 'identity.organisation-request-received',
  render: (d, ctx) => {
    const organisation = pick(d.organisation, ctx.language);
    const city = pick(d.city, ctx.language);
    if (ctx.language === 'ko') {
      return layout(ctx, {
        subject: d.newOrganisation
          ? `${d.requesterName}님이 새 기관 ${organisation}(${city}) 등록을 요청했습니다`
          : `${d.requesterName}님이 ${organisation} 가입을 요청했습니다`,
        greeting: '안녕하세요.',
        paragraphs: [
          d.newOrganisation
            ? `${d.requesterName}님이 ${city}의 새 기관 ${withParticle(organisation, '을/를')} 플랫폼에 등록하고 그 기관 관리자가 되기를 요청했습니다.`
            : `${d.requesterName}님이 ${city}의 ${organisation} 구성원이 되기를 요청했습니다.`,
          ...(d.message ? [`메시지: ${d.message}`] : []),
          d.asAdmin
            ? '프로그램 관리자로서 요청을 승인하거나 사유와 함께 거절할 수 있습니다.'
            : `${organisation}의 기관 관리자로서 요청을 승인하거나 사유와 함께 거절할 수 있습니다. 모르는 분이면 거절해 주세요.`,
        ],
        action: { label: '요청 보기', url: d.url },
      });
    }
    return layout(ctx, {
      subject: d.newOrganisation
        ? `${d.requesterName} asks to add ${organisation} (${city}) to Innovation Twins`
        : `${d.requesterName} asks to join ${organisation}`,
      greeting: 'Hello,',
      paragraphs: [
        d.newOrganisation
          ? `${d.requesterName} asks to add a new organisation in ${city}, ${organisation}, and to become its first manager.`
          : `${d.requesterName} asks to become a member of ${organisation} in ${city}.`,
        ...(d.message ? [`Their message: ${d.message}`] : []),
        d.asAdmin
          ? 'As a programme admin you may approve the request, or decline it with a reason.'
          : `As a manager of ${organisation} you may approve the request, or decline it with a reason. If you do not know this person, decline it.`,
      ],
      action: { label: 'See the request', url: d.url },
    });
  },
});

interface DecidedData {
  approved: boolean;
  organisation: Bilingual;
  deciderName: string;
  reason: string | null;
  url: string;
}

const requestDecided = defineTemplate<DecidedData>({
  name: 'identity.organisation-request-decided',
  render: (d, ctx) => {
    const organisation = pick(d.organisation, ctx.language);
    if (ctx.language === 'ko') {
      return layout(ctx, {
        subject: d.approved ? `${organisation}의 구성원이 되었습니다` : `${organisation} 가입 요청이 거절되었습니다`,
        greeting: '안녕하세요.',
        paragraphs: [
          d.approved
            ? `${d.deciderName}님이 요청을 승인했습니다. 이제 ${organisation}의 구성원입니다.`
            : `${d.deciderName}님이 ${organisation} 가입 요청을 거절했습니다.`,
          ...(d.reason ? [`사유: ${d.reason}`] : []),
          ...(d.approved ? [] : ['다른 기관에 요청하시거나, 잘못된 결정이라고 생각되면 프로그램 사무국에 문의해 주세요.']),
        ],
        action: { label: '내 요청 보기', url: d.url },
      });
    }
    return layout(ctx, {
      subject: d.approved ? `You are now a member of ${organisation}` : `Your request to join ${organisation} was declined`,
      greeting: 'Hello,',
      paragraphs: [
        d.approved
          ? `${d.deciderName} approved your request: you are now a member of ${organisation}.`
          : `${d.deciderName} declined your request to join ${organisation}.`,
        ...(d.reason ? [`Their reason: ${d.reason}`] : []),
        ...(d.approved ? [] : ['You may ask another organisation, or write to the programme secretariat if you think this is a mistake.']),
      ],
      action: { label: 'See my requests', url: d.url },
    });
  },
});

/** The templates of requests to join an organisation. */
export const OrganisationRequestEmail = {
  RECEIVED: requestReceived,
  DECIDED: requestDecided,
} as const;
