import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { AppConfig, Clock, PollingCheck } from '@app/core';
import { recipientsOf } from '@app/identity';
import { OutboxService } from '@app/notifications';
import { EventsEmail } from './emails/events.emails';
import { ProgrammeEvent } from './entities/programme-event.entity';
import { eventEmailData } from './event-access';
import { DAY_MS, dueReminder, HOUR_MS } from './event-rules';

const BATCH = 200;

/**
 * Reminders one day and one hour before an event, to everyone holding a place,
 * in their language and zone. A registration remembers the start instant each
 * reminder was handled for (`day_reminder_for`, `hour_reminder_for`): it is
 * marked in the transaction that writes the email to the outbox (whose
 * idempotency key also names the start instant), rows are claimed with SKIP
 * LOCKED, so each reminder goes once however often or from however many
 * workers the check runs; and an event moved to a new start gets reminders for
 * the new one. The email says how soon the event starts when it is sent, not
 * which reminder it is.
 */
@Injectable()
export class EventReminderService {
  constructor(
    @Inject(AppConfig) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly outbox: OutboxService,
  ) {}

  /** Sends every reminder due now; returns how many registrations it handled. */
  async sendDue(): Promise<number> {
    let handled = 0;
    for (;;) {
      const count = await this.dataSource.transaction(async (em) => {
        const now = this.clock.now();
        const due: Array<{ id: string; event_id: string; user_id: string; since: Date; starts_at: Date; hour: boolean }> = await em.query(
          `SELECT r.id, r.event_id, r.user_id, coalesce(r.promoted_at, r.registered_at) AS since, e.starts_at, e.starts_at <= $2 AS hour
             FROM event_registration r JOIN programme_event e ON e.id = r.event_id
            WHERE r.status = 'REGISTERED' AND e.status = 'PUBLISHED' AND e.starts_at > $1 AND e.starts_at <= $3
              AND CASE WHEN e.starts_at <= $2 THEN r.hour_reminder_for IS DISTINCT FROM e.starts_at
                       ELSE r.day_reminder_for IS DISTINCT FROM e.starts_at END
            ORDER BY e.starts_at
            LIMIT $4
              FOR UPDATE OF r SKIP LOCKED`,
          [now, new Date(now.getTime() + HOUR_MS), new Date(now.getTime() + DAY_MS), BATCH],
        );
        if (!due.length) return 0;
        const events = new Map((await em.findBy(ProgrammeEvent, { id: In([...new Set(due.map((d) => d.event_id))]) })).map((e) => [e.id, e]));
        const recipients = await recipientsOf(em, due.map((d) => d.user_id));
        for (const row of due) {
          const event = events.get(row.event_id)!;
          const kind = dueReminder(row.starts_at, now, row.since);
          const to = recipients.get(row.user_id);
          if (kind && to) {
            await this.outbox.enqueueEmail(em, {
              template: EventsEmail.REMINDER,
              idempotencyKey: `event-reminder:${event.id}:${row.starts_at.toISOString()}:${kind}:${row.user_id}`,
              to,
              data: eventEmailData(this.config, event, true),
            });
          }
          // Handled either way: sent, or not owed (the person took their place after its moment).
          await em.query(`UPDATE event_registration SET ${row.hour ? 'hour_reminder_for' : 'day_reminder_for'} = $2 WHERE id = $1`, [row.id, row.starts_at]);
        }
        return due.length;
      });
      handled += count;
      if (count < BATCH) return handled;
    }
  }
}

/** Looks for due event reminders every EVENT_REMINDER_CHECK_MS. What is due lives in PostgreSQL; the check needs no queue. */
@Injectable()
export class EventReminderWorker extends PollingCheck {
  constructor(
    @Inject(AppConfig) config: AppConfig,
    private readonly reminders: EventReminderService,
  ) {
    super('Event reminder check', config.EVENT_REMINDER_CHECK_MS);
  }

  protected check(): Promise<number> {
    return this.reminders.sendDue();
  }
}
