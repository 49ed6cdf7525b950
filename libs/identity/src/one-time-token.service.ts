import { Injectable } from '@nestjs/common';
import { EntityManager, IsNull } from 'typeorm';
import { BadInputError, Clock } from '@app/core';
import { newSecret, secretMatches, splitToken } from './crypto';
import { OneTimeToken, TokenPurpose } from './entities/one-time-token.entity';

export interface IssueToken {
  purpose: TokenPurpose;
  email: string;
  userId?: string | null;
  payload?: Record<string, unknown>;
  ttlMs: number;
  createdByUserId?: string | null;
}

const PURPOSE_WORDS: Record<TokenPurpose, string> = {
  [TokenPurpose.EMAIL_CONFIRMATION]: 'confirmation link',
  [TokenPurpose.PASSWORD_RESET]: 'password reset link',
  [TokenPurpose.INVITATION]: 'invitation',
};

/**
 * Single-use, expiring, revocable tokens sent by email: email confirmation,
 * password reset and invitations (workspaces reuse it for theirs).
 */
@Injectable()
export class OneTimeTokenService {
  constructor(private readonly clock: Clock) {}

  /** Returns the token to put in the link; it is never stored in the clear. */
  async issue(em: EntityManager, input: IssueToken): Promise<{ token: string; record: OneTimeToken }> {
    const { secret, hash } = newSecret();
    const record = await em.save(
      em.create(OneTimeToken, {
        purpose: input.purpose,
        email: input.email.toLowerCase(),
        userId: input.userId ?? null,
        payload: input.payload ?? {},
        secretHash: hash,
        createdByUserId: input.createdByUserId ?? null,
        expiresAt: new Date(this.clock.now().getTime() + input.ttlMs),
      }),
    );
    return { token: `${record.id}.${secret}`, record };
  }

  /**
   * Checks that a token is current (genuine, unused, not withdrawn, not
   * expired) without using it: for work that is costly or must happen outside
   * the transaction (hashing a new password) and should not be done for a
   * forged or stale link. The token is used only by consume(), which checks
   * it again under a lock.
   */
  async check(em: EntityManager, purpose: TokenPurpose, token: string, field = 'token'): Promise<OneTimeToken> {
    return this.current(em, purpose, token, field, false);
  }

  /**
   * Checks and uses a token inside the caller's transaction (the row is
   * locked, so two concurrent uses cannot both succeed).
   */
  async consume(em: EntityManager, purpose: TokenPurpose, token: string, field = 'token'): Promise<OneTimeToken> {
    const record = await this.current(em, purpose, token, field, true);
    record.usedAt = this.clock.now();
    await em.update(OneTimeToken, { id: record.id }, { usedAt: record.usedAt });
    return record;
  }

  private async current(em: EntityManager, purpose: TokenPurpose, token: string, field: string, lock: boolean): Promise<OneTimeToken> {
    const words = PURPOSE_WORDS[purpose];
    const invalid = `This ${words} is not valid. Check that you copied the whole link, or ask for a new one.`;
    const { id, secret } = splitToken(token, field, invalid);
    const record = await em.findOne(OneTimeToken, { where: { id, purpose }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!record || !secretMatches(secret, record.secretHash)) throw BadInputError.field(field, invalid);
    if (record.usedAt) throw BadInputError.field(field, `This ${words} has already been used. Ask for a new one if you still need it.`);
    if (record.revokedAt) throw BadInputError.field(field, `This ${words} was withdrawn. Ask for a new one if you still need it.`);
    if (record.expiresAt <= this.clock.now()) throw BadInputError.field(field, `This ${words} has expired. Ask for a new one.`);
    return record;
  }

  /**
   * Withdraws every unused token of a purpose for an address (e.g. earlier
   * reset links), or only those whose payload contains `payload`.
   */
  async revokeOutstanding(em: EntityManager, purpose: TokenPurpose, email: string, payload?: Record<string, unknown>): Promise<void> {
    const query = em
      .createQueryBuilder()
      .update(OneTimeToken)
      .set({ revokedAt: this.clock.now() })
      .where('purpose = :purpose AND email = :email AND used_at IS NULL AND revoked_at IS NULL', {
        purpose,
        email: email.toLowerCase(),
      });
    if (payload) query.andWhere('payload @> :payload', { payload: JSON.stringify(payload) });
    await query.execute();
  }

  async revoke(em: EntityManager, id: string): Promise<boolean> {
    const result = await em.update(OneTimeToken, { id, usedAt: IsNull(), revokedAt: IsNull() }, { revokedAt: this.clock.now() });
    return !!result.affected;
  }
}
