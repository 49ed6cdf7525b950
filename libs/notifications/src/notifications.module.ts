import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MailTransport } from '@app/core';
import { OutboxMessage } from './entities/outbox-message.entity';
import { NotificationsResolver } from './notifications.resolver';
import { OutboxService } from './outbox.service';
import type { EmailTemplate } from './templates/email-template';
import { EmailTemplateRegistry } from './templates/email-template.registry';
import { EmailProcessor } from './worker/email.processor';
import { EmailQueue } from './worker/email-queue';
import { OutboxDispatcher } from './worker/outbox.dispatcher';

/**
 * `forApi` writes to the outbox (and lets admins watch it); `forWorker`
 * dispatches and delivers. Both get the full template list so an unknown
 * template name fails at the enqueue, not hours later in the worker.
 */
@Module({})
export class NotificationsModule {
  static forApi(templates: EmailTemplate[]): DynamicModule {
    return {
      module: NotificationsModule,
      global: true,
      imports: [TypeOrmModule.forFeature([OutboxMessage])],
      providers: [
        { provide: EmailTemplateRegistry, useValue: new EmailTemplateRegistry(templates) },
        OutboxService,
        NotificationsResolver,
      ],
      exports: [OutboxService, EmailTemplateRegistry],
    };
  }

  static forWorker(templates: EmailTemplate[]): DynamicModule {
    return {
      module: NotificationsModule,
      global: true,
      imports: [TypeOrmModule.forFeature([OutboxMessage])],
      providers: [
        { provide: EmailTemplateRegistry, useValue: new EmailTemplateRegistry(templates) },
        OutboxService,
        MailTransport,
        EmailQueue,
        OutboxDispatcher,
        EmailProcessor,
      ],
      exports: [OutboxService, EmailTemplateRegistry],
    };
  }
}
