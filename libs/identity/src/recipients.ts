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
 * The accounts behind `sql` (which selects id, email, preferred_language and
 * time_zone from user_account aliased `u`) as recipients, ordered by address.
 * Disabled accounts get nothing, wherever the list comes from.
 */
export async function recipientsWhere(em: EntityManager, sql: string, params: unknown[]): Promise<UserRecipient[]> {
  const rows: Row[] = await em.query(`SELECT * FROM (${sql}) AS r WHERE r.id IN (SELECT id FROM user_account WHERE disabled_at IS NULL) ORDER BY r.email`, params);
  return rows.map(toRecipient);
}

/** These accounts as recipients, by id (absent: unknown or disabled). */
export async function recipientsOf(em: EntityManager, userIds: readonly string[]): Promise<Map<string, UserRecipient>> {
  if (!userIds.length) return new Map();
  const list = await recipientsWhere(em, `SELECT u.id, u.email, u.preferred_language, u.time_zone FROM user_account u WHERE u.id = ANY($1::uuid[])`, [[...new Set(userIds)]]);
  return new Map(list.map((r) => [r.userId, r]));
}

/** Holders of a platform role (admins are the programme's administrators and fund admins). */
export function roleRecipients(em: EntityManager, role: string): Promise<UserRecipient[]> {
  return recipientsWhere(em, `SELECT u.id, u.email, u.preferred_language, u.time_zone FROM role_grant g JOIN user_account u ON u.id = g.user_id WHERE g.role = $1`, [role]);
}
