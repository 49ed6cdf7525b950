import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig, Bilingual, Clock, PollingCheck } from '@app/core';
import { OutboxService } from '@app/notifications';
import { workspaceRecipients } from '@app/twinning';
import { FundingEmail } from '../emails/funding.emails';

/** Reminders go out this many days before a call closes, to the leads of workspaces with a draft. */
export const REMINDER_DAYS = [3, 1] as const;
const DAY_MS = 86_400_000;

/**
 * Deadline reminders for draft applications. Each (application, lead,
 * reminder) goes into the outbox once, under an idempotency key, so checking
 * again, or from two workers, never sends twice; the close is written in
 * each lead's own zone and language. The window only decides when a reminder
 * is due: the email says the time actually left when it is sent (a call
 * closing in 48 hours is "47 hours left", not "3 days").
 */
@Injectable()
export class DeadlineReminderService {
  constructor(
    @Inject(AppConfig) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly outbox: OutboxService,
  ) {}

  /** Queues every reminder now due; returns how many recipients it considered. */
  async sendDue(): Promise<number> {
    const now = this.clock.now();
    const drafts: Array<{ id: string; workspace_id: string; title_en: string | null; title_ko: string | null; closes_at: Date; call_title_en: string | null; call_title_ko: string | null }> =
      await this.dataSource.query(
        `SELECT a.id, a.workspace_id, a.title_en, a.title_ko, c.closes_at, c.title_en AS call_title_en, c.title_ko AS call_title_ko
           FROM fund_application a JOIN fund_call c ON c.id = a.call_id
          WHERE a.status = 'DRAFT' AND c.closes_at > $1 AND c.closes_at <= $2`,
        [now, new Date(now.getTime() + Math.max(...REMINDER_DAYS) * DAY_MS)],
      );
    let considered = 0;
    for (const draft of drafts) {
      const left = draft.closes_at.getTime() - now.getTime();
      // The nearest reminder whose moment has come: within a day, the one-day reminder, not the three-day one as well.
      const days = [...REMINDER_DAYS].sort((a, b) => a - b).find((d) => left <= d * DAY_MS)!;
      await this.dataSource.transaction(async (em) => {
        for (const to of await workspaceRecipients(em, draft.workspace_id, true)) {
          considered++;
          await this.outbox.enqueueEmail(em, {
            template: FundingEmail.DEADLINE_REMINDER,
            idempotencyKey: `funding.deadline:${draft.id}:${draft.closes_at.toISOString()}:${days}:${to.userId}`,
            to,
            data: {
              title: { en: draft.title_en, ko: draft.title_ko } as Bilingual,
              callTitle: { en: draft.call_title_en, ko: draft.call_title_ko } as Bilingual,
              closesAt: draft.closes_at.toISOString(),
              url: `${this.config.PUBLIC_URL}/applications/${draft.id}`,
            },
          });
        }
      });
    }
    return considered;
  }
}

/** Looks for due deadline reminders every FUNDING_REMINDER_CHECK_MS. What is due lives in PostgreSQL; the check needs no queue. */
@Injectable()
export class DeadlineReminderWorker extends PollingCheck {
  constructor(
    @Inject(AppConfig) config: AppConfig,
    private readonly reminders: DeadlineReminderService,
  ) {
    super('Deadline reminder check', config.FUNDING_REMINDER_CHECK_MS);
  }

  protected check(): Promise<number> {
    return this.reminders.sendDue();
  }
}
