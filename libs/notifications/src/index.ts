export { OutboxMessage } from './entities/outbox-message.entity';
export { OutboxService } from './outbox.service';
export type { EmailRecipient } from './outbox.service';
export { NotificationsModule } from './notifications.module';
export { defineTemplate, escapeHtml, formatInstant, layout, PLATFORM_NAME } from './templates/email-template';
export type { AnyEmailTemplate, EmailTemplate, TemplateContext } from './templates/email-template';
export { testMessageTemplate } from './templates/test-message.template';
/** An email sender's claim on a message, renewed while it works (exported for the tests that prove it). */
export { Lease } from './worker/email-sender.worker';
