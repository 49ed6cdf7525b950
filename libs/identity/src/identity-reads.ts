import { EntityManager, In } from 'typeorm';
import { inOrderOf, isUuid, uuidsAmong } from '@app/core';
import { OneTimeToken } from './entities/one-time-token.entity';
import { OrganisationMembership } from './entities/organisation-membership.entity';
import { Organisation } from './entities/organisation.entity';
import { User } from './entities/user.entity';

/*
 * Identity's rows as other contexts read them, on the caller's EntityManager
 * (so inside its transaction). They answer what the caller asks and no more.
 */

/** The account, or null when there is none (an id that is not a UUID names none). */
export function userById(em: EntityManager, id: string): Promise<User | null> {
  return isUuid(id) ? em.findOneBy(User, { id }) : Promise.resolve(null);
}

/** The accounts in the order of `ids`, undefined where there is none: one statement. */
export async function usersById(em: EntityManager, ids: readonly string[]): Promise<Array<User | undefined>> {
  const wanted = uuidsAmong(ids);
  return inOrderOf(ids, wanted.length ? await em.findBy(User, { id: In(wanted) }) : [], (u) => u.id);
}

/** The account with this address (as the caller normalised it), or null. */
export function userByEmail(em: EntityManager, email: string): Promise<User | null> {
  return em.findOneBy(User, { email });
}

/** The person's organisations in these cities, ordered by kind, then English name (the order a member's city is chosen by). */
export function organisationsOfUserIn(em: EntityManager, userId: string, cityIds: string[]): Promise<Organisation[]> {
  return em
    .createQueryBuilder(Organisation, 'o')
    .innerJoin(OrganisationMembership, 'm', 'm.organisation_id = o.id AND m.user_id = :userId', { userId })
    .where('o.city_id IN (:...cityIds)', { cityIds })
    .orderBy('o.kind')
    .addOrderBy('o.name_en')
    .getMany();
}

/** The one-time token with this id, whatever its state (the caller checks purpose and expiry), or null. */
export function oneTimeTokenById(em: EntityManager, id: string): Promise<OneTimeToken | null> {
  return isUuid(id) ? em.findOneBy(OneTimeToken, { id }) : Promise.resolve(null);
}

/** The organisations in the order of `ids`, undefined where there is none: one statement. */
export async function organisationsById(em: EntityManager, ids: readonly string[]): Promise<Array<Organisation | undefined>> {
  const wanted = uuidsAmong(ids);
  return inOrderOf(ids, wanted.length ? await em.findBy(Organisation, { id: In(wanted) }) : [], (o) => o.id);
}
