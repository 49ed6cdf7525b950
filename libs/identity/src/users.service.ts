import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, IsNull, MoreThan } from 'typeorm';
import { AuthUser, Clock, Connection, ConflictError, escapeLike, NotFoundError, PageArgs, paginate, RequestContext, requestLoader, Role, words, type Words } from '@app/core';
import { Organisation } from './entities/organisation.entity';
import { OrganisationMembership } from './entities/organisation-membership.entity';
import { RoleGrant } from './entities/role-grant.entity';
import { Session } from './entities/session.entity';
import { User } from './entities/user.entity';
import { usersById } from './identity-reads';
import { lang } from './lang';

export interface UserFilter {
  search?: string;
  role?: Role;
  disabled?: boolean;
}

@Injectable()
export class UsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** One query per request: the user, their roles, and that the session is open. */
  async loadAuthUser(userId: string, sessionId: string): Promise<AuthUser | null> {
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT u.id, u.email, u.display_name, u.preferred_language, u.time_zone,
              COALESCE(array_agg(g.role::text) FILTER (WHERE g.role IS NOT NULL), '{}') AS roles
         FROM session s
         JOIN user_account u ON u.id = s.user_id
         LEFT JOIN role_grant g ON g.user_id = u.id
        WHERE s.id = $1 AND s.user_id = $2 AND s.revoked_at IS NULL AND s.expires_at > $3 AND u.disabled_at IS NULL
        GROUP BY u.id`,
      [sessionId, userId, this.clock.now()],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      id: row.id as string,
      email: row.email as string,
      displayName: row.display_name as string,
      language: lang(row.preferred_language as string),
      timeZone: row.time_zone as string,
      roles: row.roles as Role[],
      sessionId,
    };
  }

  async get(id: string): Promise<User> {
    const user = await this.dataSource.getRepository(User).findOneBy({ id });
    if (!user) throw new NotFoundError('user', id);
    return user;
  }

  /** Batched for DataLoaders: the users in the order of `ids`, undefined where there is none. */
  getMany(ids: readonly string[], em: EntityManager = this.dataSource.manager): Promise<Array<User | undefined>> {
    return usersById(em, ids);
  }

  /** The request's one batched read of accounts by id, shared by every field that shows a person: one statement per request. */
  loader(ctx: RequestContext) {
    return requestLoader<string, User | undefined>(ctx, 'identity.userById', (ids) => usersById(this.dataSource.manager, ids));
  }

  /** Changes what is given; an empty or null name version clears it (pages then show displayName). */
  async updateProfile(userId: string, changes: Partial<Pick<User, 'displayName' | 'nameEn' | 'nameKo' | 'preferredLanguage' | 'timeZone'>>): Promise<User> {
    const defined = Object.fromEntries(
      Object.entries(changes)
        .filter(([, v]) => v !== undefined)
        .map(([key, v]) => [key, (key === 'nameEn' || key === 'nameKo') && !v ? null : v]),
    );
    if (Object.keys(defined).length > 0) await this.dataSource.getRepository(User).update({ id: userId }, defined);
    return this.get(userId);
  }

  list(filter: UserFilter, page: PageArgs): Promise<Connection<User>> {
    const query = this.dataSource.getRepository(User).createQueryBuilder('u');
    if (filter.search) {
      query.andWhere('(u.email ILIKE :q OR u.display_name ILIKE :q OR u.name_en ILIKE :q OR u.name_ko ILIKE :q)', { q: `%${escapeLike(filter.search.trim())}%` });
    }
    if (filter.role) {
      query.andWhere('EXISTS (SELECT 1 FROM role_grant g WHERE g.user_id = u.id AND g.role = :role)', { role: filter.role });
    }
    if (filter.disabled !== undefined) query.andWhere(filter.disabled ? 'u.disabled_at IS NOT NULL' : 'u.disabled_at IS NULL');
    return paginate(query, page, { expression: 'u.email', direction: 'ASC', valueOf: (u) => u.email });
  }

  async rolesFor(userIds: readonly string[]): Promise<Role[][]> {
    const grants = await this.dataSource
      .getRepository(RoleGrant)
      .createQueryBuilder('g')
      .where('g.user_id IN (:...ids)', { ids: [...userIds] })
      .orderBy('g.role')
      .getMany();
    return userIds.map((id) => grants.filter((g) => g.userId === id).map((g) => g.role));
  }

  /** The organisations each person belongs to, by English name, in the order of `userIds`: one statement. */
  async organisationsFor(userIds: readonly string[], em: EntityManager = this.dataSource.manager): Promise<Organisation[][]> {
    return (await this.membershipsFor(userIds, em)).map((memberships) => memberships.map((m) => m.organisation!));
  }

  /** Each person's memberships with their organisations, by the organisation's English name: one statement. */
  async membershipsFor(userIds: readonly string[], em: EntityManager = this.dataSource.manager): Promise<OrganisationMembership[][]> {
    const memberships = await em
      .getRepository(OrganisationMembership)
      .createQueryBuilder('m')
      .innerJoinAndSelect('m.organisation', 'o')
      .where('m.user_id IN (:...ids)', { ids: [...userIds] })
      .orderBy('o.name_en')
      .getMany();
    return userIds.map((id) => memberships.filter((m) => m.userId === id));
  }

  async grantRole(em: EntityManager, userId: string, role: Role, grantedBy: string | null): Promise<void> {
    await em.createQueryBuilder().insert().into(RoleGrant).values({ userId, role, grantedByUserId: grantedBy }).orIgnore().execute();
  }

  async grantRoleAsAdmin(adminId: string, userId: string, role: Role): Promise<User> {
    await this.get(userId);
    await this.dataSource.transaction((em) => this.grantRole(em, userId, role, adminId));
    return this.get(userId);
  }

  async revokeRole(userId: string, role: Role): Promise<User> {
    await this.get(userId);
    await this.dataSource.transaction(async (em) => {
      if (role === Role.ADMIN) await this.keepAnAdmin(em, userId, words('take the admin role from', '이 계정의 관리자 역할을 빼기'));
      await em.delete(RoleGrant, { userId, role });
    });
    return this.get(userId);
  }

  /**
   * The platform must keep one enabled admin. Changes to who is an admin are
   * serialised (a transaction-scoped advisory lock), so two admins removing
   * each other at once cannot both succeed.
   */
  private async keepAnAdmin(em: EntityManager, losingUserId: string, action: Words): Promise<void> {
    await em.query(`SELECT pg_advisory_xact_lock(hashtext('platform.admins'))`);
    const [{ others }] = await em.query(
      `SELECT count(*)::int AS others FROM role_grant g JOIN user_account u ON u.id = g.user_id
        WHERE g.role = 'ADMIN' AND u.disabled_at IS NULL AND g.user_id <> $1`,
      [losingUserId],
    );
    const isAdmin = await em.existsBy(RoleGrant, { userId: losingUserId, role: Role.ADMIN });
    if (isAdmin && others === 0) {
      throw new ConflictError(
        words(
          `This is the last enabled admin: make someone else an admin before you ${action.en} this account.`,
          `활성화된 마지막 관리자입니다. ${action.ko} 전에 다른 사람을 관리자로 지정해 주세요.`,
        ),
        { reason: 'LAST_ADMIN' },
      );
    }
  }

  async setDisabled(adminId: string, userId: string, disabled: boolean): Promise<User> {
    if (userId === adminId && disabled) throw new ConflictError(words('You cannot disable your own account.', '자신의 계정은 비활성화할 수 없습니다.'), { reason: 'OWN_ACCOUNT' });
    await this.get(userId);
    await this.dataSource.transaction(async (em) => {
      if (disabled) await this.keepAnAdmin(em, userId, words('disable', '이 계정을 비활성화하기'));
      const now = this.clock.now();
      await em.update(User, { id: userId }, { disabledAt: disabled ? now : null });
      if (disabled) await em.update(Session, { userId, revokedAt: IsNull() }, { revokedAt: now, revokedReason: 'revoked-by-admin' });
    });
    return this.get(userId);
  }

  /** The person's open sessions (not revoked, not expired), most recently used first. */
  async sessionsOf(userId: string): Promise<Session[]> {
    return (await this.openSessionsFor([userId]))[0];
  }

  /** Each person's open sessions, most recently used first (at most 100 each), in the order of `userIds`: one statement. */
  async openSessionsFor(userIds: readonly string[]): Promise<Session[][]> {
    const sessions = await this.dataSource.getRepository(Session).find({
      where: { userId: In([...userIds]), revokedAt: IsNull(), expiresAt: MoreThan(this.clock.now()) },
      order: { lastUsedAt: 'DESC' },
    });
    const byUser = new Map<string, Session[]>(userIds.map((id) => [id, []]));
    for (const session of sessions) {
      const mine = byUser.get(session.userId)!;
      if (mine.length < 100) mine.push(session);
    }
    return userIds.map((id) => byUser.get(id)!);
  }

  async revokeSession(userId: string, sessionId: string): Promise<void> {
    const result = await this.dataSource
      .getRepository(Session)
      .update({ id: sessionId, userId, revokedAt: IsNull() }, { revokedAt: this.clock.now(), revokedReason: 'signed-out' });
    if (!result.affected) throw new NotFoundError('session', sessionId);
  }
}
