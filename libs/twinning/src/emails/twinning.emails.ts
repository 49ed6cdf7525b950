import { Bilingual, pick } from '@app/core';
import { defineTemplate, formatInstant, layout, TemplateContext } from '@app/notifications';
import { GLOSSARY, withParticle } from '@app/rules';

interface Pair {
  cityA: Bilingual;
  cityB: Bilingual;
}

const pairName = (d: Pair, ctx: TemplateContext) =>
  ctx.language === 'ko' ? `${d.cityA.ko}–${d.cityB.ko}` : `${d.cityA.en}–${d.cityB.en}`;

const ROLE_KO: Record<string, string> = { LEAD: GLOSSARY.roleLead.ko, MEMBER: GLOSSARY.roleMember.ko, OBSERVER: GLOSSARY.roleObserver.ko };
const ROLE_EN: Record<string, string> = { LEAD: 'a lead', MEMBER: 'a member', OBSERVER: 'an observer' };

const proposalReceived = defineTemplate<Pair & { proposerName: string; message: string; url: string }>({
  name: 'twinning.proposal-received',
  render: (d, ctx) =>
    ctx.language === 'ko'
      ? layout(ctx, {
          subject: `${d.cityA.ko}에서 ${d.cityB.ko}에 자매결연을 제안했습니다`,
          greeting: '안녕하세요.',
          paragraphs: [
            `${d.cityA.ko}의 ${d.proposerName}님이 ${withParticle(pick(d.cityB, 'ko'), '와/과')}의 자매결연을 제안했습니다.`,
            `제안 내용: ${d.message}`,
            `${d.cityB.ko}의 공무원으로서 이 제안을 수락하거나 사유와 함께 거절할 수 있습니다.`,
          ],
          action: { label: '제안 보기', url: d.url },
        })
      : layout(ctx, {
          subject: `${d.cityA.en} proposes twinning with ${d.cityB.en}`,
          greeting: 'Hello,',
          paragraphs: [
            `${d.proposerName} of ${d.cityA.en} proposes that ${d.cityA.en} and ${d.cityB.en} twin.`,
            `Their message: ${d.message}`,
            `As an officer of ${d.cityB.en} you may accept the proposal, or decline it with a reason.`,
          ],
          action: { label: 'See the proposal', url: d.url },
        }),
});

const proposalAccepted = defineTemplate<Pair & { responderName: string; reason: string; url: string }>({
  name: 'twinning.proposal-accepted',
  render: (d, ctx) =>
    ctx.language === 'ko'
      ? layout(ctx, {
          subject: `${withParticle(pick(d.cityB, 'ko'), '이/가')} 자매결연 제안을 수락했습니다`,
          greeting: '안녕하세요.',
          paragraphs: [
            `${d.cityB.ko}의 ${d.responderName}님이 ${pairName(d, ctx)} 자매결연 제안을 수락했습니다: ${d.reason}`,
            '공동 워크스페이스가 열렸고, 귀하와 수락한 분이 첫 리더입니다. 동료를 초대해 보세요.',
          ],
          action: { label: '워크스페이스 열기', url: d.url },
        })
      : layout(ctx, {
          subject: `${d.cityB.en} accepted your twinning proposal`,
          greeting: 'Hello,',
          paragraphs: [
            `${d.responderName} of ${d.cityB.en} accepted the ${pairName(d, ctx)} twinning: ${d.reason}`,
            'Your shared workspace is open, with you and them as its first leads. Invite your colleagues.',
          ],
          action: { label: 'Open the workspace', url: d.url },
        }),
});

const proposalDeclined = defineTemplate<Pair & { responderName: string; reason: string }>({
  name: 'twinning.proposal-declined',
  render: (d, ctx) =>
    ctx.language === 'ko'
      ? layout(ctx, {
          subject: `${withParticle(pick(d.cityB, 'ko'), '이/가')} 자매결연 제안을 거절했습니다`,
          greeting: '안녕하세요.',
          paragraphs: [`${d.cityB.ko}의 ${d.responderName}님이 ${pairName(d, ctx)} 자매결연 제안을 거절했습니다.`, `사유: ${d.reason}`],
        })
      : layout(ctx, {
          subject: `${d.cityB.en} declined your twinning proposal`,
          greeting: 'Hello,',
          paragraphs: [`${d.responderName} of ${d.cityB.en} declined the ${pairName(d, ctx)} twinning proposal.`, `Their reason: ${d.reason}`],
        }),
});

const workspaceInvitation = defineTemplate<Pair & { invitedBy: string; role: string; url: string; expiresAt: string }>({
  name: 'twinning.workspace-invitation',
  render: (d, ctx) =>
    ctx.language === 'ko'
      ? layout(ctx, {
          subject: `${d.invitedBy}님이 ${pairName(d, ctx)} 트윈 워크스페이스에 초대했습니다`,
          greeting: '안녕하세요.',
          paragraphs: [
            `${d.invitedBy}님이 ${pairName(d, ctx)} 트윈 워크스페이스에 ${withParticle(ROLE_KO[d.role] ?? d.role, '으로/로')} 초대했습니다.`,
            `초대 링크는 ${formatInstant(d.expiresAt, ctx)}까지 한 번만 사용할 수 있습니다. 계정이 없으면 수락하면서 만들 수 있고, 계정이 있으면 먼저 로그인하세요.`,
          ],
          action: { label: '초대 수락', url: d.url },
        })
      : layout(ctx, {
          subject: `${d.invitedBy} invited you to the ${pairName(d, ctx)} twin workspace`,
          greeting: 'Hello,',
          paragraphs: [
            `${d.invitedBy} invited you to the ${pairName(d, ctx)} twin workspace as ${ROLE_EN[d.role] ?? d.role}.`,
            `The invitation works once, until ${formatInstant(d.expiresAt, ctx)}. If you have no account yet, you create one as you accept; if you have one, sign in first.`,
          ],
          action: { label: 'Accept the invitation', url: d.url },
        }),
});

const joinRequestDecided = defineTemplate<Pair & { approved: boolean; role: string | null; reason: string | null; deciderName: string; url: string }>({
  name: 'twinning.join-request-decided',
  render: (d, ctx) => {
    const pair = pairName(d, ctx);
    if (ctx.language === 'ko') {
      return layout(ctx, {
        subject: d.approved ? `${pair} 워크스페이스 참여 요청이 승인되었습니다` : `${pair} 워크스페이스 참여 요청이 거절되었습니다`,
        greeting: '안녕하세요.',
        paragraphs: [
          d.approved
            ? `${d.deciderName}님이 참여 요청을 승인했습니다. 이제 ${withParticle(ROLE_KO[d.role ?? ''] ?? d.role, '으로/로')} 참여합니다.`
            : `${d.deciderName}님이 참여 요청을 거절했습니다.`,
          ...(d.reason ? [`사유: ${d.reason}`] : []),
        ],
        ...(d.approved ? { action: { label: '워크스페이스 열기', url: d.url } } : {}),
      });
    }
    return layout(ctx, {
      subject: d.approved ? `You joined the ${pair} twin workspace` : `Your request to join the ${pair} twin workspace was declined`,
      greeting: 'Hello,',
      paragraphs: [
        d.approved
          ? `${d.deciderName} approved your request: you are now ${ROLE_EN[d.role ?? ''] ?? d.role} of the workspace.`
          : `${d.deciderName} declined your request to join.`,
        ...(d.reason ? [`Their reason: ${d.reason}`] : []),
      ],
      ...(d.approved ? { action: { label: 'Open the workspace', url: d.url } } : {}),
    });
  },
});

const joinRequestReceived = defineTemplate<Pair & { requesterName: string; organisation: Bilingual; message: string; url: string }>({
  name: 'twinning.join-request-received',
  render: (d, ctx) =>
    ctx.language === 'ko'
      ? layout(ctx, {
          subject: `${d.requesterName}님이 ${pairName(d, ctx)} 워크스페이스 참여를 요청했습니다`,
          greeting: '안녕하세요.',
          paragraphs: [
            `${pick(d.organisation, 'ko')}의 ${d.requesterName}님이 워크스페이스 참여를 요청했습니다.`,
            `메시지: ${d.message}`,
            '리더로서 역할을 정해 승인하거나 거절할 수 있습니다.',
          ],
          action: { label: '요청 보기', url: d.url },
        })
      : layout(ctx, {
          subject: `${d.requesterName} asks to join the ${pairName(d, ctx)} workspace`,
          greeting: 'Hello,',
          paragraphs: [
            `${d.requesterName} of ${pick(d.organisation, 'en')} asks to join the workspace.`,
            `Their message: ${d.message}`,
            'As a lead you may approve the request with a role, or decline it.',
          ],
          action: { label: 'See the request', url: d.url },
        }),
});

interface DigestData extends Pair {
  frequency: 'DAILY' | 'WEEKLY';
  from: string;
  until: string;
  entries: Array<{ at: string; en: string; ko: string }>;
  more: number;
  url: string;
  /** Where mail clients' one-click unsubscribe posts (List-Unsubscribe). */
  unsubscribeUrl: string;
  /** The web app's page the email's own link opens (digests written before it had one link to unsubscribeUrl). */
  unsubscribePageUrl?: string;
}

/** A day's or a week's activity in a workspace, each line at the reader's local time, with an unsubscribe link. */
const workspaceDigest = defineTemplate<DigestData>({
  name: 'twinning.workspace-digest',
  render: (d, ctx) => {
    const pair = pairName(d, ctx);
    const list = d.entries.map((e) => `${formatInstant(e.at, ctx)} — ${ctx.language === 'ko' ? e.ko : e.en}`);
    const headers = { 'List-Unsubscribe': `<${d.unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
    const count = d.entries.length + d.more;
    const rendered =
      ctx.language === 'ko'
        ? layout(ctx, {
            subject: `${d.frequency === 'WEEKLY' ? '주간' : '일일'} 요약: ${pair} 워크스페이스 새 소식 ${count}건`,
            greeting: '안녕하세요.',
            paragraphs: [`${formatInstant(d.from, ctx)}부터 ${formatInstant(d.until, ctx)}까지 ${pair} 워크스페이스의 새 소식입니다.`],
            list: [...list, ...(d.more > 0 ? [`외 ${d.more}건은 워크스페이스에서 확인하세요.`] : [])],
            action: { label: '워크스페이스 열기', url: d.url },
            footer: `이 요약을 그만 받으려면: ${d.unsubscribePageUrl ?? d.unsubscribeUrl}`,
          })
        : layout(ctx, {
            subject: `${d.frequency === 'WEEKLY' ? 'Weekly' : 'Daily'} digest: ${count} update${count === 1 ? '' : 's'} in the ${pair} workspace`,
            greeting: 'Hello,',
            paragraphs: [`What happened in the ${pair} workspace from ${formatInstant(d.from, ctx)} to ${formatInstant(d.until, ctx)}:`],
            list: [...list, ...(d.more > 0 ? [`and ${d.more} more in the workspace.`] : [])],
            action: { label: 'Open the workspace', url: d.url },
            footer: `To stop these digests, unsubscribe: ${d.unsubscribePageUrl ?? d.unsubscribeUrl}`,
          });
    return { ...rendered, headers };
  },
});

/** The templates by what they are for: each a typed reference for OutboxService.enqueueEmail. */
export const TwinningEmail = {
  PROPOSAL_RECEIVED: proposalReceived,
  PROPOSAL_ACCEPTED: proposalAccepted,
  PROPOSAL_DECLINED: proposalDeclined,
  WORKSPACE_INVITATION: workspaceInvitation,
  JOIN_REQUEST_DECIDED: joinRequestDecided,
  JOIN_REQUEST_RECEIVED: joinRequestReceived,
  WORKSPACE_DIGEST: workspaceDigest,
} as const;

export const TWINNING_EMAIL_TEMPLATES = Object.values(TwinningEmail);
