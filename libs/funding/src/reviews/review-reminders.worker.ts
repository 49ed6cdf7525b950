import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig, Bilingual, Clock, PollingCheck } from '@app/core';
import { recipientsOf } from '@app/identity';
import { OutboxService } from '@app/notifications';
import { BoardEmail } from '../emails/board.emails';
import { REVIEW_REMINDER_DAYS } from './review-due';

const DAY_MS = 86_400_000;

/**
 * Reminders to reviewers three days and one day before a review is due, while
 * it is unwritten: not submitted, not withdrawn after a conflict, on an
 * application under review, by a member still on the board. Each (review, due
 * date, window) goes into the outbox once, under an idempotency key, so
 * checking again, or from two workers, never sends twice; a due date moved by
 * setReviewDueDate gets its own reminders for the new date. The due date is
 * written in each reviewer's own zone and language, and the email says the
 * time actually left when it is sent, not the window.
 */
@Injectable()
export class ReviewReminderService {
  constructor(
    @Inject(AppConfig) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly outbox: OutboxService,
  ) {}

  /** Queues every reminder now due; returns how many it considered. */
  async sendDue(): Promise<number> {
    const now = this.clock.now();
    const open: Array<{ id: string; application_id: string; user_id: string; due_at: Date; title_en: string | null; title_ko: string | null; call_title_en: string | null; call_title_ko: string | null }> =
      await this.dataSource.query(
        `SELECT r.id, r.application_id, m.user_id, r.due_at, a.title_en, a.title_ko, c.title_en AS call_title_en, c.title_ko AS call_title_ko
           FROM review r
           JOIN board_member m ON m.id = r.member_id AND m.ended_at IS NULL
           JOIN fund_application a ON a.id = r.application_id AND a.status = 'UNDER_REVIEW'
           JOIN fund_call c ON c.id = a.call_id
          WHERE r.submitted_at IS NULL AND r.withdrawn_at IS NULL AND r.due_at > $1 AND r.due_at <= $2`,
        [now, new Date(now.getTime() + Math.max(...REVIEW_REMINDER_DAYS) * DAY_MS)],
      );
    if (!open.length) return 0;
    const windows = [...REVIEW_REMINDER_DAYS].sort((a, b) => a - b);
    await this.dataSource.transaction(async (em) => {
      const recipients = await recipientsOf(em, open.map((r) => r.user_id));
      for (const review of open) {
        const to = recipients.get(review.user_id);
        if (!to) continue;
        // The nearest window whose moment has come: within a day, the one-day reminder, not the three-day one as well.
        const days = windows.find((d) => review.due_at.getTime() - now.getTime() <= d * DAY_MS)!;
        await this.outbox.enqueueEmail(em, {
          template: BoardEmail.REVIEW_DUE_REMINDER,
          idempotencyKey: `governance.review-due:${review.id}:${review.due_at.toISOString()}:${days}`,
          to,
          data: {
            title: { en: review.title_en, ko: review.title_ko } as Bilingual,
            callTitle: { en: review.call_title_en, ko: review.call_title_ko } as Bilingual,
            dueAt: review.due_at.toISOString(),
            url: `${this.config.PUBLIC_URL}/board/applications/${review.application_id}`,
          },
        });
      }
    });
    return open.length;
  }
}

/** Looks for due review reminders every FUNDING_REMINDER_CHECK_MS, beside the call deadline reminders. What is due lives in PostgreSQL; the check needs no queue. */
@Injectable()
export class ReviewReminderWorker extends PollingCheck {
  constructor(
    @Inject(AppConfig) config: AppConfig,
    private readonly reminders: ReviewReminderService,
  ) {
    super('Review reminder check', config.FUNDING_REMINDER_CHECK_MS);
  }

  protected check(): Promise<number> {
    return this.reminders.sendDue();
  }
}
