import { Injectable } from '@nestjs/common';
import { EntityManager, IsNull } from 'typeorm';
import { AppError, Clock, ErrorCode, type Words } from '@app/core';
import { newSecret, parseToken, secretMatches } from './crypto';
import { OneTimeToken, TokenPurpose } from './entities/one-time-token.entity';

export interface IssueToken {
  purpose: TokenPurpose;
  email: string;
  userId?: string | null;
  payload?: Record<string, unknown>;
  ttlMs: number;
  createdByUserId?: string | null;
}

/** Where an emailed link stands; anything but VALID is also the `reason` of the refusal to use it. */
export enum LinkState {
  VALID = 'VALID',
  /** Not a link the platform sent (a part missing, or a secret that does not match). */
  LINK_NOT_VALID = 'LINK_NOT_VALID',
  LINK_USED = 'LINK_USED',
  LINK_WITHDRAWN = 'LINK_WITHDRAWN',
  LINK_EXPIRED = 'LINK_EXPIRED',
}

const PURPOSE_WORDS: Record<TokenPurpose, Words> = {
  [TokenPurpose.EMAIL_CONFIRMATION]: { en: 'confirmation link', ko: '이메일 확인 링크' },
  [TokenPurpose.PASSWORD_RESET]: { en: 'password reset link', ko: '비밀번호 재설정 링크' },
  [TokenPurpose.INVITATION]: { en: 'invitation', ko: '초대 링크' },
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
    const { record, state } = await this.find(em, purpose, token, lock);
    if (state === LinkState.VALID) return record!;
    const { en, ko } = PURPOSE_WORDS[purpose];
    const message: Words = {
      [LinkState.LINK_NOT_VALID]: { en: `This ${en} is not valid. Check that you copied the whole link, or ask for a new one.`, ko: `유효하지 않은 ${ko}입니다. 링크 전체를 복사했는지 확인하거나 새 링크를 요청해 주세요.` },
      [LinkState.LINK_USED]: { en: `This ${en} has already been used. Ask for a new one if you still need it.`, ko: `이미 사용한 ${ko}입니다. 아직 필요하면 새 링크를 요청해 주세요.` },
      [LinkState.LINK_WITHDRAWN]: { en: `This ${en} was withdrawn. Ask for a new one if you still need it.`, ko: `취소된 ${ko}입니다. 아직 필요하면 새 링크를 요청해 주세요.` },
      [LinkState.LINK_EXPIRED]: { en: `This ${en} has expired. Ask for a new one.`, ko: `유효 기간이 지난 ${ko}입니다. 새 링크를 요청해 주세요.` },
    }[state];
    throw new AppError(ErrorCode.BAD_USER_INPUT, { en: `${field}: ${message.en}`, ko: `${field}: ${message.ko}` }, { fields: [{ field, message }], reason: state });
  }

  /**
   * Where a token stands, without using it: its record (null when the token is
   * not genuine) and its state. What an emailed link's page shows before its
   * button is pressed.
   */
  async find(em: EntityManager, purpose: TokenPurpose | null, token: string, lock = false): Promise<{ record: OneTimeToken | null; state: LinkState }> {
    const parts = parseToken(token);
    if (!parts) return { record: null, state: LinkState.LINK_NOT_VALID };
    const { id, secret } = parts;
    const record = await em.findOne(OneTimeToken, { where: { id, ...(purpose ? { purpose } : {}) }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!record || !secretMatches(secret, record.secretHash)) return { record: null, state: LinkState.LINK_NOT_VALID };
    const state = record.usedAt
      ? LinkState.LINK_USED
      : record.revokedAt
        ? LinkState.LINK_WITHDRAWN
        : record.expiresAt <= this.clock.now()
          ? LinkState.LINK_EXPIRED
          : LinkState.VALID;
    return { record, state };
  }

  /**
   * Marks as used, with `record`, the other unused links sent for the same
   * thing: the same sign-up (payload signUpId) or, without one, the same
   * account and purpose.
   */
  async useSiblings(em: EntityManager, record: OneTimeToken): Promise<void> {
    const query = em
      .createQueryBuilder()
      .update(OneTimeToken)
      .set({ usedAt: record.usedAt ?? this.clock.now() })
      .where('purpose = :purpose AND email = :email AND used_at IS NULL AND revoked_at IS NULL AND id <> :id', { purpose: record.purpose, email: record.email, id: record.id });
    const signUpId = record.payload.signUpId;
    if (typeof signUpId === 'string') query.andWhere('payload @> :payload', { payload: JSON.stringify({ signUpId }) });
    else query.andWhere('user_id = :userId', { userId: record.userId });
    await query.execute();
  }

  /** Withdraws every unused token of a purpose for an address (e.g. earlier reset links). */
  async revokeOutstanding(em: EntityManager, purpose: TokenPurpose, email: string): Promise<void> {
    await em
      .createQueryBuilder()
      .update(OneTimeToken)
      .set({ revokedAt: this.clock.now() })
      .where('purpose = :purpose AND email = :email AND used_at IS NULL AND revoked_at IS NULL', { purpose, email: email.toLowerCase() })
      .execute();
  }

  async revoke(em: EntityManager, id: string): Promise<boolean> {
    const result = await em.update(OneTimeToken, { id, usedAt: IsNull(), revokedAt: IsNull() }, { revokedAt: this.clock.now() });
    return !!result.affected;
  }
}
