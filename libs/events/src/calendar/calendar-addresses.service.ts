import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig, AppError, Clock, ConflictError, ErrorCode, type Language, words } from '@app/core';
import { accountProfileSql, enabledAccountTimeZoneSql, lang, newSecret, parseToken, sha256 } from '@app/identity';
import { NewCalendarAddress } from '../dto/events.outputs';
import { CalendarAddress } from '../entities/calendar-address.entity';

/**
 * Personal calendar addresses. A calendar app cannot sign in, so a person's
 * feed lives at an address that is its own credential: random, stored hashed,
 * shown once, and replaceable (the old address stops at once) or removable
 * from the account.
 */
@Injectable()
export class CalendarAddressesService {
  constructor(
    @Inject(AppConfig) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  mine(userId: string): Promise<CalendarAddress | null> {
    return this.dataSource.getRepository(CalendarAddress).findOneBy({ userId });
  }

  /** A first address; CONFLICT when the person has one (replacing it is `rotate`, so a stale page never kills a working address by accident). */
  async create(userId: string): Promise<NewCalendarAddress> {
    const id = randomUUID();
    const { secret, hash } = newSecret();
    const createdAt = this.clock.now();
    const inserted = await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(CalendarAddress)
      .values({ id, userId, secretHash: hash, createdAt, lastUsedAt: null })
      .orIgnore()
      .returning('id')
      .execute();
    if (!inserted.raw.length) {
      throw new ConflictError(
        words(
          'You already have a calendar address. To replace it, make a new one (rotateCalendarAddress): the old one then stops working.',
          '이미 캘린더 주소가 있습니다. 바꾸려면 새 주소를 만들어 주세요(rotateCalendarAddress). 그러면 이전 주소는 더 이상 쓸 수 없습니다.',
        ),
        { reason: 'CALENDAR_ADDRESS_EXISTS' },
      );
    }
    return { url: this.url(id, secret), createdAt };
  }

  /** A new address in place of the person's current one, which answers 404 from now on; NOT_FOUND when they have none. */
  async rotate(userId: string): Promise<NewCalendarAddress> {
    const id = randomUUID();
    const { secret, hash } = newSecret();
    const createdAt = this.clock.now();
    const [rows]: [Array<{ id: string }>, number] = await this.dataSource.query(
      `UPDATE calendar_address SET id = $2, secret_hash = $3, created_at = $4, last_used_at = NULL WHERE user_id = $1 RETURNING id`,
      [userId, id, hash, createdAt],
    );
    if (!rows.length) {
      throw new AppError(
        ErrorCode.NOT_FOUND,
        words('You have no calendar address to replace: make one first (createCalendarAddress).', '바꿀 캘린더 주소가 없습니다. 먼저 주소를 만들어 주세요(createCalendarAddress).'),
      );
    }
    return { url: this.url(id, secret), createdAt };
  }

  /** Stops the person's address without a new one; false when they had none. */
  async remove(userId: string): Promise<boolean> {
    const result = await this.dataSource.getRepository(CalendarAddress).delete({ userId });
    return (result.affected ?? 0) > 0;
  }

  /**
   * Whose address this is, their time zone and language, noting that it was used, in one
   * statement; null for anything that is not a current address of an enabled
   * account (a disabled account's feed answers 404 and is not noted as used).
   * The secret is compared by its SHA-256, which tells a guesser nothing.
   */
  async use(token: string): Promise<{ userId: string; timeZone: string; language: Language } | null> {
    const parts = parseToken(token);
    if (!parts) return null;
    const [rows]: [Array<{ userId: string; timeZone: string; language: string | null }>, number] = await this.dataSource.query(
      `UPDATE calendar_address a SET last_used_at = $3
        WHERE a.id = $1 AND a.secret_hash = $2 AND ${enabledAccountTimeZoneSql('a.user_id')} IS NOT NULL
        RETURNING a.user_id AS "userId", ${enabledAccountTimeZoneSql('a.user_id')} AS "timeZone", ${accountProfileSql('a.user_id')}->>'language' AS "language"`,
      [parts.id, sha256(parts.secret), this.clock.now()],
    );
    return rows[0] ? { ...rows[0], language: lang(rows[0].language) } : null;
  }

  private url(id: string, secret: string): string {
    return `${this.config.PUBLIC_URL}/calendars/users/${id}.${secret}.ics`;
  }
}
