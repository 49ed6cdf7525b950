import type { EntityManager } from 'typeorm';
import { Language } from '@app/core';
import { lang } from '@app/identity';

export interface Recipient {
  userId: string;
  email: string;
  language: Language;
  timeZone: string;
}

const toRecipient = (r: { id: string; email: string; preferred_language: string; time_zone: string }): Recipient => ({
  userId: r.id,
  email: r.email,
  language: lang(r.preferred_language),
  timeZone: r.time_zone,
});

/** Members of a workspace (its leads only, or everyone), as email recipients. */
export async function workspaceRecipients(em: EntityManager, workspaceId: string, leadsOnly: boolean): Promise<Recipient[]> {
  const rows = await em.query(
    `SELECT u.id, u.email, u.preferred_language, u.time_zone FROM workspace_member m JOIN user_account u ON u.id = m.user_id
      WHERE m.workspace_id = $1 AND ($2::boolean = false OR m.role = 'LEAD') ORDER BY u.email`,
    [workspaceId, leadsOnly],
  );
  return rows.map(toRecipient);
}

/** Holders of a platform role (fund admins are the programme's administrators). */
export async function roleRecipients(em: EntityManager, role: string): Promise<Recipient[]> {
  const rows = await em.query(
    `SELECT u.id, u.email, u.preferred_language, u.time_zone FROM role_grant g JOIN user_account u ON u.id = g.user_id WHERE g.role = $1 ORDER BY u.email`,
    [role],
  );
  return rows.map(toRecipient);
}

export async function userRecipients(em: EntityManager, userIds: readonly string[]): Promise<Recipient[]> {
  if (!userIds.length) return [];
  const rows = await em.query(`SELECT id, email, preferred_language, time_zone FROM user_account WHERE id = ANY($1::uuid[]) ORDER BY email`, [[...userIds]]);
  return rows.map(toRecipient);
}
