import { Bilingual, pick } from '@app/core';
import { defineTemplate, formatInstant, layout, TemplateContext } from '@app/notifications';
import { durationText, formatSpan, timeLeft, withParticle } from '@app/rules';

const KIND: Record<string, Bilingual> = {
  SEMINAR: { en: 'seminar', ko: '세미나' },
  WORKSHOP: { en: 'workshop', ko: '워크숍' },
  FORUM: { en: 'forum', ko: '포럼' },
  ANNUAL_SHOWCASE: { en: 'annual showcase', ko: '연례 쇼케이스' },
  OTHER: { en: 'event', ko: '행사' },
};

/** What every event email says about the event. */
export interface EventEmailData {
  kind: string;
  format: string;
  title: Bilingual;
  startsAt: string;
  endsAt: string;
  /** The event's own zone: its times are also given as the clocks there read them. */
  timeZone: string;
  venue: string | null;
  /** Only for people holding a place. */
  joinUrl?: string | null;
  url: string;
}

const kindOf = (d: { kind: string }, ctx: TemplateContext) => pick(KIND[d.kind] ?? KIND.OTHER, ctx.language);

/** From start to end in a zone, as the reader writes it (the day once when it is one day there). */
const span = (from: string, to: string, timeZone: string, ctx: TemplateContext) => formatSpan(from, to, timeZone, ctx.language, { long: true });

/** When, in the reader's zone, and in the event's own zone when that differs. */
function when(d: { startsAt: string; endsAt: string; timeZone: string }, ctx: TemplateContext): string {
  const yours = span(d.startsAt, d.endsAt, ctx.timeZone, ctx);
  if (d.timeZone === ctx.timeZone) return ctx.language === 'ko' ? `일시: ${yours}` : `When: ${yours}`;
  const there = formatInstant(d.startsAt, { ...ctx, timeZone: d.timeZone });
  return ctx.language === 'ko' ? `일시: ${yours}. 현지 시각으로는 ${there}에 시작합니다.` : `When: ${yours} (${there} where it takes place)`;
}

function where(d: EventEmailData, ctx: TemplateContext): string[] {
  const lines: string[] = [];
  if (d.venue) lines.push(ctx.language === 'ko' ? `장소: ${d.venue}` : `Where: ${d.venue}`);
  if (d.format !== 'IN_PERSON') {
    if (d.joinUrl) lines.push(ctx.language === 'ko' ? `온라인 참여 링크: ${d.joinUrl}` : `Join online: ${d.joinUrl}`);
    else if (!d.venue) lines.push(ctx.language === 'ko' ? '온라인 행사입니다. 참여 링크는 등록한 분께 보내 드립니다.' : 'Online: registered people get the link to join.');
  }
  return lines;
}

interface AnnouncementData extends EventEmailData {
  description: Bilingual;
  reasons: { programme: boolean; sectors: Bilingual[]; workspace: Bilingual | null };
  capacity: number | null;
  registrationOpensAt: string | null;
  registrationClosesAt: string;
  /** Where mail clients' one-click unsubscribe posts (List-Unsubscribe). */
  unsubscribeUrl: string;
  /** The web app's page the email's own link opens (emails written before it had one link to unsubscribeUrl). */
  unsubscribePageUrl?: string;
}

/** Places, and when registration opens (if not yet) and closes. */
function registration(d: AnnouncementData, ctx: TemplateContext): string {
  const opens = d.registrationOpensAt;
  if (ctx.language === 'ko') {
    return [
      d.capacity === null ? '인원 제한은 없습니다.' : `정원은 ${d.capacity}명이며, 정원이 차면 대기자 명단에 올라 자리가 나는 순서대로 등록됩니다.`,
      opens ? `등록은 ${formatInstant(opens, ctx)}에 시작해 ${formatInstant(d.registrationClosesAt, ctx)}에 마감됩니다.` : `등록은 ${formatInstant(d.registrationClosesAt, ctx)}에 마감됩니다.`,
    ].join(' ');
  }
  return [
    d.capacity === null ? 'There is no limit on places.' : `There are ${d.capacity} places; once they are taken you join the waiting list and get a place, in order, when one frees up.`,
    opens ? `Registration opens on ${formatInstant(opens, ctx)} and closes on ${formatInstant(d.registrationClosesAt, ctx)}.` : `Registration closes on ${formatInstant(d.registrationClosesAt, ctx)}.`,
  ].join(' ');
}

/** A newly published event, to those who follow its workspace, its sectors or the programme; one-click unsubscribe. */
const announcement = defineTemplate<AnnouncementData>({
  name: 'events.announcement',
  render: (d, ctx) => {
    const title = pick(d.title, ctx.language);
    const description = pick(d.description, ctx.language);
    const headers = { 'List-Unsubscribe': `<${d.unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
    const reasons =
      ctx.language === 'ko'
        ? [
            ...(d.reasons.workspace ? [`${d.reasons.workspace.ko} 워크스페이스`] : []),
            ...d.reasons.sectors.map((s) => `${s.ko} 분야`),
            ...(d.reasons.programme ? ['프로그램 전체 행사'] : []),
          ]
        : [
            ...(d.reasons.workspace ? [`the ${d.reasons.workspace.en} workspace`] : []),
            ...d.reasons.sectors.map((s) => `the ${s.en} sector`),
            ...(d.reasons.programme ? ['every event of the programme'] : []),
          ];
    const rendered =
      ctx.language === 'ko'
        ? layout(ctx, {
            subject: `새 ${kindOf(d, ctx)}: “${title}”`,
            greeting: '안녕하세요.',
            paragraphs: [
              `새 ${kindOf(d, ctx)} ${withParticle(`“${title}”`, '이/가')} 공지되었습니다.`,
              ...(description ? [description] : []),
              when(d, ctx),
              ...where(d, ctx),
              registration(d, ctx),
              `${reasons.join(', ')}의 행사 소식을 구독하고 있어 이 메일을 받으셨습니다.`,
            ],
            action: { label: '행사 보기 및 등록', url: d.url },
            footer: `이런 행사 공지를 그만 받으려면: ${d.unsubscribePageUrl ?? d.unsubscribeUrl}`,
          })
        : layout(ctx, {
            subject: `New ${kindOf(d, ctx)}: “${title}”`,
            greeting: 'Hello,',
            paragraphs: [
              `A new ${kindOf(d, ctx)} has been announced: “${title}”.`,
              ...(description ? [description] : []),
              when(d, ctx),
              ...where(d, ctx),
              registration(d, ctx),
              `You receive this because you follow events of ${reasons.join(', ')}.`,
            ],
            action: { label: 'See the event and register', url: d.url },
            footer: `To stop announcements like this one, unsubscribe: ${d.unsubscribePageUrl ?? d.unsubscribeUrl}`,
          });
    return { ...rendered, headers };
  },
});

/** A place freed and went to the first person on the waiting list. */
const promoted = defineTemplate<EventEmailData>({
  name: 'events.promoted',
  render: (d, ctx) => {
    const title = pick(d.title, ctx.language);
    return ctx.language === 'ko'
      ? layout(ctx, {
          subject: `자리가 확정되었습니다: “${title}”`,
          greeting: '안녕하세요.',
          paragraphs: [`자리가 생겨 대기자 명단에서 “${title}”에 등록되었습니다.`, when(d, ctx), ...where(d, ctx), '참석할 수 없게 되면 등록을 취소해 다음 분께 자리를 넘겨 주세요.'],
          action: { label: '행사 보기', url: d.url },
        })
      : layout(ctx, {
          subject: `You have a place: “${title}”`,
          greeting: 'Hello,',
          paragraphs: [`A place came free and it is yours: you are now registered for “${title}”.`, when(d, ctx), ...where(d, ctx), 'If you cannot come, cancel your registration so the next person gets the place.'],
          action: { label: 'See the event', url: d.url },
        });
  },
});

/** The event's calendar file in the reader's language, so their calendar shows what the email says. */
function calendarIn(url: string, ctx: TemplateContext): string {
  const link = new URL(url);
  link.searchParams.set('lang', ctx.language);
  return link.toString();
}

/** A place taken on registering: when and where, how to join, and the calendar file (in the reader's language). */
const registered = defineTemplate<EventEmailData & { calendarUrl: string }>({
  name: 'events.registered',
  render: (d, ctx) => {
    const title = pick(d.title, ctx.language);
    return ctx.language === 'ko'
      ? layout(ctx, {
          subject: `참가 등록 완료: “${title}”`,
          greeting: '안녕하세요.',
          paragraphs: [
            `“${title}” 참가 등록이 완료되었습니다.`,
            when(d, ctx),
            ...where(d, ctx),
            `캘린더에 추가: ${calendarIn(d.calendarUrl, ctx)}`,
            '참석할 수 없게 되면 등록을 취소해 다른 분께 자리를 넘겨 주세요.',
          ],
          action: { label: '행사 보기', url: d.url },
        })
      : layout(ctx, {
          subject: `You are registered: “${title}”`,
          greeting: 'Hello,',
          paragraphs: [
            `You have a place at “${title}”.`,
            when(d, ctx),
            ...where(d, ctx),
            `Add it to your calendar: ${calendarIn(d.calendarUrl, ctx)}`,
            'If you cannot come, cancel your registration so someone else gets the place.',
          ],
          action: { label: 'See the event', url: d.url },
        });
  },
});

/** The event was full: the person joined its waiting list, at this place in the queue. */
const waitlisted = defineTemplate<EventEmailData & { waitlistPosition: number }>({
  name: 'events.waitlisted',
  render: (d, ctx) => {
    const title = pick(d.title, ctx.language);
    return ctx.language === 'ko'
      ? layout(ctx, {
          subject: `대기자 명단 등록: “${title}”`,
          greeting: '안녕하세요.',
          paragraphs: [
            `“${title}”의 정원이 차서 대기자 명단 ${d.waitlistPosition}번째로 등록되었습니다.`,
            '자리가 나면 대기 순서대로 참가가 확정되며, 확정되면 메일로 알려 드립니다.',
            when(d, ctx),
            ...where(d, ctx),
          ],
          action: { label: '행사 보기', url: d.url },
        })
      : layout(ctx, {
          subject: `You are on the waiting list: “${title}”`,
          greeting: 'Hello,',
          paragraphs: [
            `“${title}” is full, so you are on its waiting list: number ${d.waitlistPosition} in the queue.`,
            'When a place frees up it goes to the next person waiting, and we email you when it is yours.',
            when(d, ctx),
            ...where(d, ctx),
          ],
          action: { label: 'See the event', url: d.url },
        });
  },
});

/** One day, or one hour, before the start, to everyone holding a place. */
/**
 * A day or an hour before the start, to those holding a place. How soon it
 * starts is reckoned when the email is sent (ctx.now), from the start, not
 * from the reminder's kind; `reminder` (DAY or HOUR) is in rows queued
 * before: it is accepted and no longer read.
 */
const reminder = defineTemplate<EventEmailData & { reminder?: 'DAY' | 'HOUR' }>({
  name: 'events.reminder',
  render: (d, ctx) => {
    const title = pick(d.title, ctx.language);
    const left = timeLeft(d.startsAt, ctx.now);
    if (ctx.language === 'ko') {
      const soon = left.unit === 'passed' ? '시작됨' : left.unit === 'underAnHour' ? '1시간 안에 시작' : `${durationText(left, 'ko')} 후 시작`;
      return layout(ctx, {
        subject: `${soon}: “${title}”`,
        greeting: '안녕하세요.',
        paragraphs: [`등록하신 ${withParticle(`“${title}”`, '이/가')} ${left.unit === 'passed' ? '시작되었습니다' : '곧 시작됩니다'}.`, when(d, ctx), ...where(d, ctx)],
        action: { label: '행사 보기', url: d.url },
      });
    }
    const soon = left.unit === 'passed' ? 'Has started' : left.unit === 'underAnHour' ? 'Starts in less than an hour' : `Starts in ${durationText(left, 'en')}`;
    return layout(ctx, {
      subject: `${soon}: “${title}”`,
      greeting: 'Hello,',
      paragraphs: [`“${title}”, which you registered for, ${left.unit === 'passed' ? 'has started' : 'is coming up'}.`, when(d, ctx), ...where(d, ctx)],
      action: { label: 'See the event', url: d.url },
    });
  },
});

/** The organiser moved the event: the new times, and the old ones. */
const rescheduled = defineTemplate<EventEmailData & { previousStartsAt: string; previousEndsAt: string; waitlisted: boolean }>({
  name: 'events.rescheduled',
  render: (d, ctx) => {
    const title = pick(d.title, ctx.language);
    const before = span(d.previousStartsAt, d.previousEndsAt, ctx.timeZone, ctx);
    return ctx.language === 'ko'
      ? layout(ctx, {
          subject: `일정 변경: “${title}”`,
          greeting: '안녕하세요.',
          paragraphs: [
            `${d.waitlisted ? '대기 중이신' : '등록하신'} “${title}”의 일정이 바뀌었습니다.`,
            `새 ${when(d, ctx)}`,
            `이전 일시: ${before}`,
            ...where(d, ctx),
            '참석할 수 없게 되면 등록을 취소해 주세요.',
          ],
          action: { label: '행사 보기', url: d.url },
        })
      : layout(ctx, {
          subject: `New time for “${title}”`,
          greeting: 'Hello,',
          paragraphs: [
            `“${title}”, which you ${d.waitlisted ? 'are on the waiting list for' : 'registered for'}, has moved.`,
            `Now: ${when(d, ctx).replace(/^When: /, '')}`,
            `Before: ${before}`,
            ...where(d, ctx),
            'If you can no longer come, please cancel your registration.',
          ],
          action: { label: 'See the event', url: d.url },
        });
  },
});

/** The event will not take place. */
const cancelled = defineTemplate<EventEmailData & { reason: string; waitlisted: boolean }>({
  name: 'events.cancelled',
  render: (d, ctx) => {
    const title = pick(d.title, ctx.language);
    return ctx.language === 'ko'
      ? layout(ctx, {
          subject: `취소됨: “${title}”`,
          greeting: '안녕하세요.',
          paragraphs: [
            `${d.waitlisted ? '대기 중이신' : '등록하신'} ${withParticle(`“${title}”`, '이/가')} 취소되었습니다.`,
            `예정 일시였던 ${formatInstant(d.startsAt, ctx)}에는 행사가 열리지 않습니다.`,
            `사유: ${d.reason}`,
          ],
          action: { label: '행사 보기', url: d.url },
        })
      : layout(ctx, {
          subject: `Cancelled: “${title}”`,
          greeting: 'Hello,',
          paragraphs: [
            `“${title}”, which you ${d.waitlisted ? 'were on the waiting list for' : 'registered for'}, has been cancelled.`,
            `It will not take place on ${formatInstant(d.startsAt, ctx)}.`,
            `The organiser’s reason: ${d.reason}`,
          ],
          action: { label: 'See the event', url: d.url },
        });
  },
});

/** The templates by what they are for: each a typed reference for OutboxService.enqueueEmail. */
export const EventsEmail = {
  ANNOUNCEMENT: announcement,
  REGISTERED: registered,
  WAITLISTED: waitlisted,
  PROMOTED: promoted,
  REMINDER: reminder,
  RESCHEDULED: rescheduled,
  CANCELLED: cancelled,
} as const;

export const EVENTS_EMAIL_TEMPLATE_LIST = Object.values(EventsEmail);
