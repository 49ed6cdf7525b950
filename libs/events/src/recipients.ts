import type { EntityManager } from 'typeorm';
import { lang } from '@app/identity';
import type { EmailRecipient } from '@app/notifications';

export interface EventRecipient extends EmailRecipient {
  userId: string;
}

/** Accounts as email recipients, in their language and zone; disabled accounts get nothing. */
export async function recipientsOf(em: EntityManager, userIds: readonly string[]): Promise<Map<string, EventRecipient>> {
  if (!userIds.length) return new Map();
  const rows: Array<{ id: string; email: string; preferred_language: string; time_zone: string }> = await em.query(
    `SELECT id, email, preferred_language, time_zone FROM user_account WHERE id = ANY($1::uuid[]) AND disabled_at IS NULL`,
    [[...new Set(userIds)]],
  );
  return new Map(rows.map((r) => [r.id, { userId: r.id, email: r.email, language: lang(r.preferred_language), timeZone: r.time_zone }]));
}
