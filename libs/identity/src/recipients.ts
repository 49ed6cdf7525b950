import type { EntityManager } from 'typeorm';
import type { EmailRecipient } from '@app/notifications';
import { lang } from './lang';

/** An account as an email recipient: its address, language and zone. */
export interface UserRecipient extends EmailRecipient {
  userId: string;
}

type Row = { id: string; email: string; preferred_language: string; time_zone: string };
const toRecipient = (r: Row): UserRecipient => ({ userId: r.id, email: r.email, language: lang(r.preferred_language), timeZone: r.time_zone });

/**
 * The accounts whose ids `userIdsSql` selects, as recipients ordered by
 * address: one statement. `userIdsSql` is the caller's query of its own
 * tables, returning one uuid column (a workspace's members, a role's holders);
 * disabled accounts get nothing, wherever the list comes from.
 */
export async function recipientsAmong(em: EntityManager, userIdsSql: string, params: unknown[]): Promise<UserRecipient[]> {
  const rows: Row[] = await em.query(
    `SELECT u.id, u.email, u.preferred_language, u.time_zone FROM user_account u WHERE u.id IN (${userIdsSql}) AND u.disabled_at IS NULL ORDER BY u.email`,
    params,
  );
  return rows.map(toRecipient);
}

/** These accounts as recipients, by id (absent: unknown or disabled). */
export async function recipientsOf(em: EntityManager, userIds: readonly string[]): Promise<Map<string, UserRecipient>> {
  if (!userIds.length) return new Map();
  const list = await recipientsAmong(em, `SELECT unnest($1::uuid[])`, [[...new Set(userIds)]]);
  return new Map(list.map((r) => [r.userId, r]));
}

/** Holders of a platform role (admins are the programme's administrators and fund admins). */
export function roleRecipients(em: EntityManager, role: string): Promise<UserRecipient[]> {
  return recipientsAmong(em, `SELECT g.user_id FROM role_grant g WHERE g.role = $1`, [role]);
}
