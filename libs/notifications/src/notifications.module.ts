import { DynamicModule, Module, Provider } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MailTransport } from '@app/core';
import { OutboxMessage } from './entities/outbox-message.entity';
import { NotificationsResolver } from './notifications.resolver';
import { OutboxMetrics } from './outbox-metrics';
import { OutboxService } from './outbox.service';
import type { AnyEmailTemplate } from './templates/email-template';
import { EmailTemplateRegistry } from './templates/email-template.registry';
import { EmailSenderWorker } from './worker/email-sender.worker';
import { EmailQueue } from './worker/email-queue';
import { OutboxDispatchWorker } from './worker/outbox-dispatch.worker';

/**
 * `forApi` writes to the outbox (and lets admins watch it, and /metrics report
 * its depth: the API imports MetricsModule.forApi); `forWorker`
 * dispatches and delivers. Both get the full template list so an unknown
 * template name fails at the enqueue, not hours later in the worker.
 */
@Module({})
export class NotificationsModule {
  static forApi(templates: AnyEmailTemplate[]): DynamicModule {
    return NotificationsModule.with(templates, [NotificationsResolver, OutboxMetrics]);
  }

  static forWorker(templates: AnyEmailTemplate[]): DynamicModule {
    return NotificationsModule.with(templates, [MailTransport, EmailQueue, OutboxDispatchWorker, EmailSenderWorker]);
  }

  private static with(templates: AnyEmailTemplate[], providers: Provider[]): DynamicModule {
    return {
      module: NotificationsModule,
      global: true,
      imports: [TypeOrmModule.forFeature([OutboxMessage])],
      providers: [{ provide: EmailTemplateRegistry, useValue: new EmailTemplateRegistry(templates) }, OutboxService, ...providers],
      exports: [OutboxService, EmailTemplateRegistry],
    };
  }
}
