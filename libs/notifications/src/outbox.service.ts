import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { Clock, Connection, ConflictError, escapeLike, Language, NotFoundError, PageArgs, paginate, words } from '@app/core';
import { OutboxMessage, OutboxStatus } from './entities/outbox-message.entity';
import type { EmailTemplate } from './templates/email-template';
import { EmailTemplateRegistry } from './templates/email-template.registry';

export interface EmailRecipient {
  email: string;
  userId?: string | null;
  language: Language;
  timeZone: string;
}

/** An email to send: a template and data of its shape (checked when it compiles, not when it is sent). */
export interface EnqueueEmail<D> {
  template: EmailTemplate<D>;
  to: EmailRecipient;
  /** Only the template says what D is: data of another shape is a compile error, not an inferred union. */
  data: NoInfer<D>;
  /** Defaults to a fresh id; pass a business key (e.g. `password-reset:<token id>`) to make the send idempotent. */
  idempotencyKey?: string;
}

/**
 * Writes messages to the outbox inside the caller's transaction, so a message
 * exists exactly when the change that caused it committed.
 */
/** Each status as the admins' pages name it in Korean. */
const STATUS_KO: Record<OutboxStatus, string> = {
  [OutboxStatus.PENDING]: '발송 대기',
  [OutboxStatus.SENDING]: '발송 중',
  [OutboxStatus.SENT]: '발송 완료',
  [OutboxStatus.FAILED]: '실패',
  [OutboxStatus.DEAD]: '보류',
};

@Injectable()
export class OutboxService {
  constructor(
    private readonly templates: EmailTemplateRegistry,
    private readonly clock: Clock,
    @InjectRepository(OutboxMessage) private readonly messages: Repository<OutboxMessage>,
  ) {}

  async enqueueEmail<D>(em: EntityManager, email: EnqueueEmail<D>): Promise<void> {
    if (!this.templates.has(email.template.name)) throw new Error(`The email template "${email.template.name}" is not registered`);
    await em
      .createQueryBuilder()
      .insert()
      .into(OutboxMessage)
      .values({
        idempotencyKey: email.idempotencyKey ?? randomUUID(),
        template: email.template.name,
        recipientEmail: email.to.email,
        recipientUserId: email.to.userId ?? null,
        language: email.to.language,
        timeZone: email.to.timeZone,
        data: email.data as never,
      })
      .orIgnore()
      .execute();
  }

  list(page: PageArgs, filter: { status?: OutboxStatus[]; search?: string } = {}): Promise<Connection<OutboxMessage>> {
    const query = this.messages.createQueryBuilder('m');
    if (filter.status?.length) query.andWhere('m.status IN (:...statuses)', { statuses: filter.status });
    if (filter.search?.trim()) query.andWhere('m.recipient_email ILIKE :q', { q: `%${escapeLike(filter.search.trim())}%` });
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
      throw new ConflictError(
        words(
          `Only failed or parked messages can be retried; this one is ${message.status}.`,
          `실패했거나 보류된 메시지만 다시 보낼 수 있습니다. 이 메시지는 ${STATUS_KO[message.status]} 상태입니다.`,
        ),
        { status: message.status },
      );
    }
    return (await this.messages.findOneBy({ id })) as OutboxMessage;
  }

  now(): Date {
    return this.clock.now();
  }
}
