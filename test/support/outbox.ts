import { eventually, TestApp } from './harness';

/** The newest outbox message to one address, as the delivery tests read it. */
export interface OutboxRow {
  id: string;
  status: string;
  attempts: number;
  last_error: string | null;
  idempotency_key: string;
  lease_until: Date | null;
}

export async function outboxRow(app: TestApp, to: string): Promise<OutboxRow | undefined> {
  const rows: OutboxRow[] = await app.dataSource.query(
    `SELECT id, status, attempts, last_error, idempotency_key, lease_until FROM outbox_message WHERE recipient_email = $1 ORDER BY created_at DESC LIMIT 1`,
    [to],
  );
  return rows[0];
}

/** The newest message to `to` once it has `status` (SENT, DEAD…), waiting up to `timeoutMs`. */
export function outboxRowWhen(app: TestApp, to: string, status: string, timeoutMs = 10_000): Promise<OutboxRow> {
  return eventually(async () => {
    const row = await outboxRow(app, to);
    return row?.status === status ? row : undefined;
  }, timeoutMs, `${to} to be ${status}`);
}
