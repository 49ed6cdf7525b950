import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser, BadInputError, ConflictError, Connection, escapeLike, ForbiddenError, hasRole, NotFoundError, PageArgs, paginate, Role } from '@app/core';
import { CitiesService, cityCountrySql } from '@app/cities';
import { Organisation } from './entities/organisation.entity';
import { organisationsById } from './identity-reads';
import { OrganisationMemberRole, OrganisationMembership } from './entities/organisation-membership.entity';
import { User } from './entities/user.entity';
import type { CreateOrganisationInput, OrganisationFilter, OrganisationMemberInput, OrganisationMemberRoleInput } from './dto/identity.inputs';

@Injectable()
export class OrganisationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cities: CitiesService,
  ) {}

  list(filter: OrganisationFilter = {}, page: PageArgs): Promise<Connection<Organisation>> {
    const query = this.dataSource.getRepository(Organisation).createQueryBuilder('o');
    if (filter.cityId) query.andWhere('o.city_id = :cityId', { cityId: filter.cityId });
    if (filter.countryCode) query.andWhere(`${cityCountrySql('o.city_id')} = :countryCode`, { countryCode: filter.countryCode.toUpperCase() });
    if (filter.kind) query.andWhere('o.kind = :kind', { kind: filter.kind });
    if (filter.search) {
      query.andWhere('(o.name_en ILIKE :q OR o.name_ko ILIKE :q)', { q: `%${escapeLike(filter.search.trim())}%` });
    }
    return paginate(query, page, { expression: 'o.name_en', direction: 'ASC', valueOf: (o) => o.nameEn });
  }

  async get(id: string): Promise<Organisation> {
    const organisation = await this.dataSource.getRepository(Organisation).findOneBy({ id });
    if (!organisation) throw new NotFoundError('organisation', id);
    return organisation;
  }

  async create(input: CreateOrganisationInput): Promise<Organisation> {
    const [city] = await this.cities.getMany([input.cityId]);
    if (!city) throw BadInputError.field('cityId', `no city has the id "${input.cityId}".`);
    const repo = this.dataSource.getRepository(Organisation);
    return repo.save(repo.create({ ...input, website: input.website ?? null, emailDomain: null }));
  }

  async setEmailDomain(id: string, emailDomain: string | null): Promise<Organisation> {
    const organisation = await this.get(id);
    await this.dataSource.getRepository(Organisation).update({ id }, { emailDomain });
    return { ...organisation, emailDomain };
  }

  /**
   * Adds the person as a MEMBER unless a role is given; someone already a
   * member keeps their role unless one is given. One transaction: a role the
   * rules refuse (LAST_MANAGER) leaves the membership as it was.
   */
  async addMember(actor: AuthUser, input: OrganisationMemberInput): Promise<Organisation> {
    const organisation = await this.get(input.organisationId);
    return this.dataSource.transaction(async (em) => {
      if (!(await em.existsBy(User, { id: input.userId }))) throw new NotFoundError('user', input.userId);
      await em
        .createQueryBuilder()
        .insert()
        .into(OrganisationMembership)
        .values({ organisationId: input.organisationId, userId: input.userId, jobTitle: input.jobTitle ?? null, role: input.role ?? OrganisationMemberRole.MEMBER })
        .orUpdate(['job_title'], ['user_id', 'organisation_id'])
        .execute();
      if (input.role) await this.setRoleIn(em, actor, { organisationId: input.organisationId, userId: input.userId, role: input.role });
      return organisation;
    });
  }

  /**
   * Makes a member a manager or a plain member: admins, and the
   * organisation's managers. The last manager is not made a plain member
   * (CONFLICT, LAST_MANAGER): someone must stay to decide requests with the
   * admins. Changes to an organisation's managers are serialised (a
   * transaction-scoped advisory lock), so two managers demoting each other at
   * once cannot both succeed.
   */
  setRole(actor: AuthUser, input: OrganisationMemberRoleInput): Promise<OrganisationMembership> {
    return this.dataSource.transaction((em) => this.setRoleIn(em, actor, input));
  }

  private async setRoleIn(em: EntityManager, actor: AuthUser, input: OrganisationMemberRoleInput): Promise<OrganisationMembership> {
    await em.query(`SELECT pg_advisory_xact_lock(hashtext('organisation.managers:' || $1))`, [input.organisationId]);
    // Who may act first, so someone who may not cannot tell which organisations exist.
    if (!hasRole(actor, Role.ADMIN) && !(await isManager(em, input.organisationId, actor.id))) {
      throw new ForbiddenError("Only the organisation's managers and the admins change its members' roles.");
    }
    if (!(await em.existsBy(Organisation, { id: input.organisationId }))) throw new NotFoundError('organisation', input.organisationId);
    const membership = await em.findOneBy(OrganisationMembership, { organisationId: input.organisationId, userId: input.userId });
    if (!membership) throw new NotFoundError('organisationMembership');
    if (membership.role === input.role) return membership;
    if (membership.role === OrganisationMemberRole.MANAGER) {
      const managers = await em.countBy(OrganisationMembership, { organisationId: input.organisationId, role: OrganisationMemberRole.MANAGER });
      if (managers <= 1) {
        throw new ConflictError('This is the organisation’s last manager: make another member a manager first.', { reason: 'LAST_MANAGER' });
      }
    }
    await em.update(OrganisationMembership, { organisationId: input.organisationId, userId: input.userId }, { role: input.role });
    return { ...membership, role: input.role };
  }

  async removeMember(input: OrganisationMemberInput): Promise<Organisation> {
    const organisation = await this.get(input.organisationId);
    const result = await this.dataSource
      .getRepository(OrganisationMembership)
      .delete({ organisationId: input.organisationId, userId: input.userId });
    if (!result.affected) throw new NotFoundError('organisationMembership');
    return organisation;
  }

  /** Each organisation's memberships with their people, by name, in the order of `organisationIds`: one statement. */
  async membershipsOf(organisationIds: readonly string[]): Promise<OrganisationMembership[][]> {
    const memberships = await this.dataSource
      .getRepository(OrganisationMembership)
      .createQueryBuilder('m')
      .innerJoinAndSelect('m.user', 'u')
      .where('m.organisation_id IN (:...ids)', { ids: [...organisationIds] })
      .orderBy('u.display_name')
      .addOrderBy('u.email')
      .getMany();
    const byOrganisation = new Map<string, OrganisationMembership[]>(organisationIds.map((id) => [id, []]));
    for (const membership of memberships) byOrganisation.get(membership.organisationId)?.push(membership);
    return organisationIds.map((id) => byOrganisation.get(id)!);
  }

  getMany(ids: readonly string[], em: EntityManager = this.dataSource.manager): Promise<Array<Organisation | undefined>> {
    return organisationsById(em, ids);
  }
}

/** Whether the person manages the organisation (decides requests to join it, changes its members' roles). */
/** Of `organisationIds`, whether `userId` manages each (one statement for them all). */
export async function managesEach(em: EntityManager, userId: string, organisationIds: readonly string[]): Promise<boolean[]> {
  const rows: Array<{ organisation_id: string }> = await em.query(
    `SELECT organisation_id FROM organisation_membership WHERE user_id = $1 AND role = $2 AND organisation_id = ANY($3::uuid[])`,
    [userId, OrganisationMemberRole.MANAGER, organisationIds],
  );
  const managed = new Set(rows.map((r) => r.organisation_id));
  return organisationIds.map((id) => managed.has(id));
}

export function isManager(em: EntityManager, organisationId: string, userId: string): Promise<boolean> {
  return em.existsBy(OrganisationMembership, { organisationId, userId, role: OrganisationMemberRole.MANAGER });
}
