/*
 * Compile-time checks of the email contracts, compiled (never run) by
 * email-contracts.spec.ts: every line after a @ts-expect-error must be a type
 * error, and the spec checks each one is, on that very line.
 */
import type { EntityManager } from 'typeorm';
import type { OutboxService } from '../outbox.service';
import { defineTemplate, layout } from './email-template';

const reminder = defineTemplate<{ title: string; daysLeft: number; url: string }>({
  name: 'contracts.reminder',
  render: (d, ctx) => layout(ctx, { subject: d.title, greeting: 'Hello,', paragraphs: [`${d.daysLeft} days left.`], action: { label: 'Open', url: d.url } }),
});

const to = { email: 'someone@example.org', language: 'en' as const, timeZone: 'Europe/London' };

export async function enqueueing(outbox: OutboxService, em: EntityManager): Promise<void> {
  await outbox.enqueueEmail(em, { template: reminder, to, data: { title: 'Call closes', daysLeft: 3, url: 'https://twins.example.org/x' } });

  // @ts-expect-error a field of the wrong type
  await outbox.enqueueEmail(em, { template: reminder, to, data: { title: 'Call closes', daysLeft: '3', url: 'https://twins.example.org/x' } });
  // @ts-expect-error a field missing
  await outbox.enqueueEmail(em, { template: reminder, to, data: { title: 'Call closes', url: 'https://twins.example.org/x' } });
  // @ts-expect-error a field the template does not know: one renamed on one side only
  await outbox.enqueueEmail(em, { template: reminder, to, data: { heading: 'Call closes', daysLeft: 3, url: 'https://twins.example.org/x' } });
  // @ts-expect-error no data at all
  await outbox.enqueueEmail(em, { template: reminder, to });
  // @ts-expect-error a template by its name: only the typed reference is taken
  await outbox.enqueueEmail(em, { template: 'contracts.reminder', to, data: { title: 'Call closes', daysLeft: 3, url: 'https://twins.example.org/x' } });
}

export function rendering(): void {
  const ctx = { language: 'ko' as const, timeZone: 'Asia/Seoul', publicUrl: 'https://twins.example.org', recipientEmail: 'someone@example.org', now: new Date() };
  reminder.render({ title: '마감 안내', daysLeft: 1, url: 'https://twins.example.org/x' }, ctx);
  // @ts-expect-error rendering checks the data as enqueueing does
  reminder.render({ title: '마감 안내', daysLeft: 1 }, ctx);
}
