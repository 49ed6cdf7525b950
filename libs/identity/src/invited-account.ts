import { EntityManager } from 'typeorm';
import { AppConfig, BadInputError, words } from '@app/core';
import { OneTimeToken, TokenPurpose } from './entities/one-time-token.entity';
import { User } from './entities/user.entity';
import { OneTimeTokenService } from './one-time-token.service';

export interface InvitedAccountInput {
  displayName?: string;
  preferredLanguage?: 'en' | 'ko';
  timeZone?: string;
}

/**
 * Creates the account of someone accepting an invitation: confirmed at once,
 * since the emailed link proved the address. Any invitation (platform or
 * twin workspace) creates accounts this way.
 */
export async function createInvitedAccount(
  em: EntityManager,
  email: string,
  input: InvitedAccountInput,
  passwordHash: string | null,
  now: Date,
): Promise<User> {
  if (!input.displayName) throw BadInputError.field('displayName', words('is needed to create your account.', '계정을 만들려면 이름을 써 주세요.'));
  if (!passwordHash) throw BadInputError.field('password', words('is needed to create your account.', '계정을 만들려면 비밀번호를 정해 주세요.'));
  return em.save(
    em.create(User, {
      email,
      displayName: input.displayName,
      passwordHash,
      preferredLanguage: input.preferredLanguage ?? 'en',
      timeZone: input.timeZone ?? 'Europe/London',
      emailConfirmedAt: now,
    }),
  );
}

export interface InvitationToken {
  email: string;
  /** The account the address already has, if any. */
  invitee: User | null;
  /** What accepting grants; `kind` says whose flow accepts it ('platform', 'workspace'). */
  payload: { kind: string };
  invitedByUserId: string;
}

/**
 * Issues the single-use token of an invitation, valid INVITATION_TTL_DAYS:
 * the token for the emailed link, and its record. Any invitation (platform or
 * twin workspace) is issued this way.
 */
export function issueInvitationToken(
  em: EntityManager,
  tokens: OneTimeTokenService,
  config: AppConfig,
  invitation: InvitationToken,
): Promise<{ token: string; record: OneTimeToken }> {
  return tokens.issue(em, {
    purpose: TokenPurpose.INVITATION,
    email: invitation.email,
    userId: invitation.invitee?.id ?? null,
    payload: invitation.payload as unknown as Record<string, unknown>,
    ttlMs: config.INVITATION_TTL_DAYS * 86400_000,
    createdByUserId: invitation.invitedByUserId,
  });
}
