import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { BadInputError, Connection, escapeLike, NotFoundError, PageArgs, paginate } from '@app/core';
import { CitiesService, cityCountrySql } from '@app/cities';
import { Organisation } from './entities/organisation.entity';
import { organisationsById } from './identity-reads';
import { OrganisationMembership } from './entities/organisation-membership.entity';
import { User } from './entities/user.entity';
import type { CreateOrganisationInput, OrganisationFilter, OrganisationMemberInput } from './dto/identity.inputs';

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

  async addMember(input: OrganisationMemberInput): Promise<Organisation> {
    const organisation = await this.get(input.organisationId);
    if (!(await this.dataSource.getRepository(User).existsBy({ id: input.userId }))) {
      throw new NotFoundError('user', input.userId);
    }
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(OrganisationMembership)
      .values({ organisationId: input.organisationId, userId: input.userId, jobTitle: input.jobTitle ?? null })
      .orUpdate(['job_title'], ['user_id', 'organisation_id'])
      .execute();
    return organisation;
  }

  async removeMember(input: OrganisationMemberInput): Promise<Organisation> {
    const organisation = await this.get(input.organisationId);
    const result = await this.dataSource
      .getRepository(OrganisationMembership)
      .delete({ organisationId: input.organisationId, userId: input.userId });
    if (!result.affected) throw new NotFoundError('membership of that user in that organisation');
    return organisation;
  }

  /** Each organisation's members by name, in the order of `organisationIds`: one statement. */
  async membersOf(organisationIds: readonly string[]): Promise<User[][]> {
    const memberships = await this.dataSource
      .getRepository(OrganisationMembership)
      .createQueryBuilder('m')
      .innerJoinAndSelect('m.user', 'u')
      .where('m.organisation_id IN (:...ids)', { ids: [...organisationIds] })
      .orderBy('u.display_name')
      .addOrderBy('u.email')
      .getMany();
    return organisationIds.map((id) => memberships.filter((m) => m.organisationId === id).map((m) => m.user!));
  }

  getMany(ids: readonly string[], em: EntityManager = this.dataSource.manager): Promise<Array<Organisation | undefined>> {
    return organisationsById(em, ids);
  }
}
