import { EntityManager } from 'typeorm';
import { BadInputError } from '@app/core';
import { User } from './entities/user.entity';

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
  if (!input.displayName) throw BadInputError.field('displayName', 'is needed to create your account.');
  if (!passwordHash) throw BadInputError.field('password', 'is needed to create your account.');
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
