import { Injectable } from '@nestjs/common';
import { EntityManager, IsNull } from 'typeorm';
import { BadInputError, Clock, words, type Words } from '@app/core';
import { withParticle } from '@app/rules';
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

/** Each kind of token as a person names it, in both languages, with the particles its Korean takes. */
const PURPOSE_WORDS: Record<TokenPurpose, Words> = {
  [TokenPurpose.EMAIL_CONFIRMATION]: words('confirmation link', '확인 링크'),
  [TokenPurpose.PASSWORD_RESET]: words('password reset link', '비밀번호 재설정 링크'),
  [TokenPurpose.INVITATION]: words('invitation', '초대'),
};

/** Why a token cannot be used, as its holder reads it. */
function tokenProblem(what: Words, problem: 'invalid' | 'used' | 'withdrawn' | 'expired'): Words {
  switch (problem) {
    case 'invalid':
      return words(
        `This ${what.en} is not valid. Check that you copied the whole link, or ask for a new one.`,
        `${withParticle(`이 ${what.ko}`, '이/가')} 올바르지 않습니다. 링크 전체를 복사했는지 확인하거나, 새 링크를 요청해 주세요.`,
      );
    case 'used':
      return words(
        `This ${what.en} has already been used. Ask for a new one if you still need it.`,
        `${withParticle(`이 ${what.ko}`, '은/는')} 이미 사용되었습니다. 아직 필요하다면 새로 요청해 주세요.`,
      );
    case 'withdrawn':
      return words(
        `This ${what.en} was withdrawn. Ask for a new one if you still need it.`,
        `${withParticle(`이 ${what.ko}`, '은/는')} 취소되었습니다. 아직 필요하다면 새로 요청해 주세요.`,
      );
    case 'expired':
      return words(`This ${what.en} has expired. Ask for a new one.`, `${withParticle(`이 ${what.ko}`, '은/는')} 만료되었습니다. 새로 요청해 주세요.`);
  }
}

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
    const what = PURPOSE_WORDS[purpose];
    const invalid = tokenProblem(what, 'invalid');
    const { id, secret } = splitToken(token, field, invalid);
    const record = await em.findOne(OneTimeToken, { where: { id, purpose }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!record || !secretMatches(secret, record.secretHash)) throw BadInputError.field(field, invalid);
    if (record.usedAt) throw BadInputError.field(field, tokenProblem(what, 'used'));
    if (record.revokedAt) throw BadInputError.field(field, tokenProblem(what, 'withdrawn'));
    if (record.expiresAt <= this.clock.now()) throw BadInputError.field(field, tokenProblem(what, 'expired'));
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
