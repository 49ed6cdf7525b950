import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { Clock, Connection, ConflictError, Language, NotFoundError, PageArgs, paginate } from '@app/core';
import { OutboxMessage, OutboxStatus } from './entities/outbox-message.entity';
import { EmailTemplateRegistry } from './templates/email-template.registry';

export interface EmailRecipient {
  email: string;
  userId?: string | null;
  language: Language;
  timeZone: string;
}

export interface EnqueueEmail {
  template: string;
  to: EmailRecipient;
  data?: Record<string, unknown>;
  /** Defaults to a fresh id; pass a business key (e.g. `password-reset:<token id>`) to make the send idempotent. */
  idempotencyKey?: string;
}

/**
 * Writes messages to the outbox inside the caller's transaction, so a message
 * exists exactly when the change that caused it committed.
 */
@Injectable()
export class OutboxService {
  constructor(
    private readonly templates: EmailTemplateRegistry,
    private readonly clock: Clock,
    @InjectRepository(OutboxMessage) private readonly messages: Repository<OutboxMessage>,
  ) {}

  async enqueueEmail(em: EntityManager, email: EnqueueEmail): Promise<void> {
    if (!this.templates.has(email.template)) throw new Error(`Unknown email template "${email.template}"`);
    await em
      .createQueryBuilder()
      .insert()
      .into(OutboxMessage)
      .values({
        idempotencyKey: email.idempotencyKey ?? randomUUID(),
        template: email.template,
        recipientEmail: email.to.email,
        recipientUserId: email.to.userId ?? null,
        language: email.to.language,
        timeZone: email.to.timeZone,
        data: (email.data ?? {}) as never,
      })
      .orIgnore()
      .execute();
  }

  list(page: PageArgs, statuses?: OutboxStatus[]): Promise<Connection<OutboxMessage>> {
    const query = this.messages.createQueryBuilder('m');
    if (statuses?.length) query.where('m.status IN (:...statuses)', { statuses });
    return paginate(query, page, {
      expression: 'm.created_at',
      direction: 'DESC',
      valueOf: (m) => m.createdAt.toISOString(),
      cast: 'timestamptz',
    });
  }

  /** Puts a failed or parked message back in line with a fresh set of attempts. */
  async retry(id: string): Promise<OutboxMessage> {
    const message = await this.messages.findOneBy({ id });
    if (!message) throw new NotFoundError('message', id);
    const result = await this.messages.update(
      { id, status: In([OutboxStatus.DEAD, OutboxStatus.FAILED]) },
      { status: OutboxStatus.PENDING, attempts: 0, queuedAt: null, leaseUntil: null, lastError: null },
    );
    if (!result.affected) {
      throw new ConflictError(`Only failed or parked messages can be retried; this one is ${message.status}.`, {
        status: message.status,
      });
    }
    return (await this.messages.findOneBy({ id })) as OutboxMessage;
  }

  now(): Date {
    return this.clock.now();
  }
}
