import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser, ForbiddenError, NotFoundError, RequestContext, requestLoader, Role, words } from '@app/core';
import { CitiesService } from '@app/cities';
import { Organisation, OrganisationKind } from './entities/organisation.entity';
import { OrganisationMembership } from './entities/organisation-membership.entity';
import { User } from './entities/user.entity';

/**
 * Who may edit a city's evidence: admins for every city, and the city's
 * officers, i.e. members of the city's CITY_GOVERNMENT organisation. Members
 * of the city's universities, companies or agencies are not officers.
 */
@Injectable()
export class CityOfficerService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cities: CitiesService,
  ) {}

  /** The cities whose government organisation the user belongs to, by id. */
  async governedCityIds(userId: string, em: EntityManager = this.dataSource.manager): Promise<string[]> {
    const rows: Array<{ city_id: string }> = await em.query(
      `SELECT DISTINCT o.city_id
         FROM organisation_membership m
         JOIN organisation o ON o.id = m.organisation_id
        WHERE m.user_id = $1 AND o.kind = $2
        ORDER BY o.city_id`,
      [userId, OrganisationKind.CITY_GOVERNMENT],
    );
    return rows.map((row) => row.city_id);
  }

  /** The officers of a city: enabled members of its CITY_GOVERNMENT organisations, by email. */
  officersOf(cityId: string, em: EntityManager = this.dataSource.manager): Promise<User[]> {
    return em
      .createQueryBuilder(User, 'u')
      .where(
        `EXISTS (SELECT 1 FROM organisation_membership m JOIN organisation o ON o.id = m.organisation_id
                  WHERE m.user_id = u.id AND o.city_id = :cityId AND o.kind = :kind)`,
        { cityId, kind: OrganisationKind.CITY_GOVERNMENT },
      )
      .andWhere('u.disabled_at IS NULL')
      .orderBy('u.email')
      .getMany();
  }

  /** The city government organisation (of this city) the person belongs to, if any. */
  async governmentOrganisationOf(userId: string, cityId: string, em: EntityManager = this.dataSource.manager): Promise<string | null> {
    const row = await em
      .createQueryBuilder(OrganisationMembership, 'm')
      .innerJoin(Organisation, 'o', 'o.id = m.organisation_id')
      .where('m.user_id = :userId AND o.city_id = :cityId AND o.kind = :kind', { userId, cityId, kind: OrganisationKind.CITY_GOVERNMENT })
      .orderBy('o.name_en')
      .getOne();
    return row?.organisationId ?? null;
  }

  /** The cities whose government the signed-in person works for, read once per request. */
  governedByCaller(ctx: RequestContext): Promise<string[]> {
    if (!ctx.user) return Promise.resolve([]);
    const userId = ctx.user.id;
    return requestLoader<string, string[]>(ctx, 'identity.governedCityIds', async (ids) => Promise.all(ids.map((id) => this.governedCityIds(id)))).load(userId);
  }

  /**
   * Passes for admins and the city's officers. An unknown city is NOT_FOUND
   * (checked first, for everyone); anyone else is FORBIDDEN, told who may edit.
   */
  async assertCanEditCity(user: AuthUser, cityId: string, em: EntityManager = this.dataSource.manager): Promise<void> {
    await this.assertCanEditOneOf(user, [cityId], em);
  }

  /**
   * Passes when the user may edit at least one of the cities (admins: always).
   * For evidence shared by two cities, such as a link between them. Every
   * city must exist (NOT_FOUND names the first unknown one).
   */
  async assertCanEditOneOf(user: AuthUser, cityIds: readonly string[], em: EntityManager = this.dataSource.manager): Promise<void> {
    const unique = [...new Set(cityIds)];
    const cities = await this.cities.getMany(unique, em);
    const byId = new Map(cities.filter((city) => !!city).map((city) => [city.id, city]));
    const unknown = unique.find((id) => !byId.has(id));
    if (unknown !== undefined) throw new NotFoundError('city', unknown);
    if (user.roles.includes(Role.ADMIN)) return;
    const governed = new Set(await this.governedCityIds(user.id, em));
    if (unique.some((id) => governed.has(id))) return;
    const oneOf = (names: string[], or: string) => (names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} ${or} ${names[names.length - 1]}`);
    const named = unique.map((id) => byId.get(id)!);
    const whose = oneOf(named.map((city) => city.nameEn), 'or');
    const whoseKo = oneOf(named.map((city) => city.nameKo), '또는');
    throw new ForbiddenError(
      words(
        `Only officers of ${whose}'s city government (members of its CITY_GOVERNMENT organisation) and programme admins may change this. ` +
          'Ask an admin to add you to your city government organisation if you are one of its officers.',
        `${whoseKo} 시 정부 소속 공무원(그 시의 CITY_GOVERNMENT 기관 멤버)과 프로그램 관리자만 바꿀 수 있습니다. ` +
          '시 정부 공무원이라면 관리자에게 소속 시 정부 기관에 추가해 달라고 요청해 주세요.',
      ),
    );
  }
}
