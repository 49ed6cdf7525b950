import { defineTemplate, formatInstant, layout, PLATFORM_NAME } from './email-template';

/** The message an admin sends to check that email works end to end. */
export const testMessageTemplate = defineTemplate<{ requestedBy: string; requestedAt: string }>({
  name: 'notifications.test',
  render: (data, ctx) =>
    ctx.language === 'ko'
      ? layout(ctx, {
          subject: `${PLATFORM_NAME.ko} 테스트 메일`,
          greeting: '안녕하세요.',
          paragraphs: [
            `${data.requestedBy}님이 ${formatInstant(data.requestedAt, ctx)}에 보낸 테스트 메일입니다.`,
            '이 메일을 받으셨다면 플랫폼의 메일 발송이 정상적으로 작동하고 있습니다.',
          ],
        })
      : layout(ctx, {
          subject: 'Innovation Twins test message',
          greeting: 'Hello,',
          paragraphs: [
            `This is a test message sent by ${data.requestedBy} on ${formatInstant(data.requestedAt, ctx)}.`,
            'If you are reading it, email from the platform works.',
          ],
        }),
});
