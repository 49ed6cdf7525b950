import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { AppConfig, AuthUser, BadInputError, Clock, ConflictError, Connection, ForbiddenError, hasRole, isUuid, NotFoundError, PageArgs, paginate, Role } from '@app/core';
import { CitiesService } from '@app/cities';
import { OutboxService } from '@app/notifications';
import type {
  DecideOrganisationRequestInput,
  OrganisationRequestFilter,
  RequestNewOrganisationInput,
  RequestOrganisationMembershipInput,
} from './dto/organisation-requests.inputs';
import { OrganisationRequestEmail } from './emails/organisation-requests.emails';
import { OrganisationJoinRequest, OrganisationRequestStatus } from './entities/organisation-join-request.entity';
import { OrganisationMemberRole, OrganisationMembership } from './entities/organisation-membership.entity';
import { isManager } from './organisations.service';
import { Organisation } from './entities/organisation.entity';
import { User } from './entities/user.entity';
import { recipientsAmong, recipientsOf, roleRecipients, UserRecipient } from './recipients';

const PENDING_INDEX = 'UQ_organisation_join_request_pending';

/** The web pages that list requests (the managers' and the admins'), and where a requester follows theirs. */
export const MEMBER_REQUESTS_PAGE = '/me/organisation-requests';
export const ADMIN_REQUESTS_PAGE = '/admin/organisation-requests';

/**
 * Requests to join an organisation, and proposals of new ones.
 *
 * Who decides: a request to join goes to the organisation's members with a
 * managing role (OrganisationMemberRole.MANAGER) and to the admins, who decide
 * every request. A new organisation has no members yet, so only admins decide
 * proposals; its proposer, once approved, is its first manager. Plain members
 * and anyone else are told NOT_FOUND, as if the request did not exist.
 *
 * Each change is one transaction: the request, the membership (and a new
 * organisation) and the emails, written to the outbox, commit together.
 */
@Injectable()
export class OrganisationRequestsService {
  constructor(
    @Inject(AppConfig) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly cities: CitiesService,
    private readonly outbox: OutboxService,
  ) {}

  // ---------- asking ----------

  /** Asking again while a request is pending answers that request. */
  async requestMembership(actor: AuthUser, input: RequestOrganisationMembershipInput): Promise<OrganisationJoinRequest> {
    try {
      return await this.dataSource.transaction(async (em) => {
        const requester = await this.confirmedRequester(em, actor);
        const organisation = await em.findOneBy(Organisation, { id: input.organisationId });
        if (!organisation) throw new NotFoundError('organisation', input.organisationId);
        if (await em.existsBy(OrganisationMembership, { organisationId: organisation.id, userId: requester.id })) {
          throw new ConflictError(`You are already a member of ${organisation.nameEn}.`, { reason: 'ALREADY_MEMBER' });
        }
        const pending = await em.findOneBy(OrganisationJoinRequest, { organisationId: organisation.id, userId: requester.id, status: OrganisationRequestStatus.PENDING });
        if (pending) return pending;
        const request = await em.save(
          em.create(OrganisationJoinRequest, { userId: requester.id, organisationId: organisation.id, message: input.message || null }),
        );
        await this.emailDeciders(em, request, requester, organisation);
        return request;
      });
    } catch (error) {
      // Two asks at once: the second meets the first's row.
      if (isUniqueViolation(error, PENDING_INDEX)) {
        const pending = await this.dataSource.getRepository(OrganisationJoinRequest).findOneBy({
          organisationId: input.organisationId,
          userId: actor.id,
          status: OrganisationRequestStatus.PENDING,
        });
        if (pending) return pending;
      }
      throw error;
    }
  }

  /**
   * A separate mutation rather than a variant of requestOrganisationMembership's
   * input: GraphQL has no input unions here, and one input with optional fields
   * for both would leave "which fields go together" to prose. Two inputs let
   * class-validator require each one's fields and name a missing one.
   */
  async requestNewOrganisation(actor: AuthUser, input: RequestNewOrganisationInput): Promise<OrganisationJoinRequest> {
    return this.dataSource.transaction(async (em) => {
      const requester = await this.confirmedRequester(em, actor);
      const [city] = await this.cities.getMany([input.cityId], em);
      if (!city) throw BadInputError.field('cityId', `no city has the id "${input.cityId}"; cities are listed by the cities query.`);
      const existing = await em
        .createQueryBuilder(Organisation, 'o')
        .where('o.city_id = :cityId AND (lower(o.name_en) = lower(:en) OR o.name_ko = :ko)', { cityId: city.id, en: input.nameEn, ko: input.nameKo })
        .getOne();
      if (existing) {
        throw new ConflictError(`${existing.nameEn} is already on the platform: ask to join it (requestOrganisationMembership) instead.`, {
          reason: 'ORGANISATION_EXISTS',
          organisationId: existing.id,
        });
      }
      const pending = await em
        .createQueryBuilder(OrganisationJoinRequest, 'r')
        .where('r.user_id = :userId AND r.status = :pending AND r.organisation_id IS NULL', { userId: requester.id, pending: OrganisationRequestStatus.PENDING })
        .andWhere('r.proposed_city_id = :cityId AND lower(r.proposed_name_en) = lower(:en)', { cityId: city.id, en: input.nameEn })
        .getOne();
      if (pending) return pending;
      const request = await em.save(
        em.create(OrganisationJoinRequest, {
          userId: requester.id,
          organisationId: null,
          proposedNameEn: input.nameEn,
          proposedNameKo: input.nameKo,
          proposedKind: input.kind,
          proposedCityId: city.id,
          message: input.message || null,
        }),
      );
      await this.emailDeciders(em, request, requester, null);
      return request;
    });
  }

  /** The person who asked takes back a pending request. */
  async withdraw(actor: AuthUser, id: string): Promise<OrganisationJoinRequest> {
    return this.dataSource.transaction(async (em) => {
      const request = await this.lock(em, id);
      if (!request || request.userId !== actor.id) throw new NotFoundError('organisationRequest', id);
      this.requirePending(request);
      await em.update(OrganisationJoinRequest, { id: request.id }, {
        status: OrganisationRequestStatus.WITHDRAWN,
        decidedByUserId: actor.id,
        decidedAt: this.clock.now(),
      });
      return em.findOneByOrFail(OrganisationJoinRequest, { id: request.id });
    });
  }

  // ---------- deciding ----------

  async decide(actor: AuthUser, input: DecideOrganisationRequestInput): Promise<OrganisationJoinRequest> {
    if (!input.approve && !input.reason) {
      throw BadInputError.field('reason', 'is needed to decline: say why, so the person knows what to do next (it is emailed to them).');
    }
    return this.dataSource.transaction(async (em) => {
      const request = await this.lock(em, input.id);
      if (!request || !(await this.mayDecide(em, actor, request))) {
        if (request?.userId === actor.id) throw new ForbiddenError('You cannot decide your own request; you may withdraw it.');
        throw new NotFoundError('organisationRequest', input.id);
      }
      this.requirePending(request);
      let organisationId = request.organisationId;
      let names = { en: request.proposedNameEn ?? '', ko: request.proposedNameKo ?? '' };
      if (organisationId) {
        const organisation = await em.findOneByOrFail(Organisation, { id: organisationId });
        names = { en: organisation.nameEn, ko: organisation.nameKo };
      }
      if (input.approve) {
        // The proposer of a new organisation is its first manager; a newcomer to one joins as a plain member.
        const role = organisationId ? OrganisationMemberRole.MEMBER : OrganisationMemberRole.MANAGER;
        organisationId ??= (await this.createProposed(em, request)).id;
        // Added by an admin meanwhile: approving changes nothing of the membership.
        await em
          .createQueryBuilder()
          .insert()
          .into(OrganisationMembership)
          .values({ organisationId, userId: request.userId, jobTitle: null, role })
          .orIgnore()
          .execute();
      }
      await em.update(OrganisationJoinRequest, { id: request.id }, {
        status: input.approve ? OrganisationRequestStatus.APPROVED : OrganisationRequestStatus.DECLINED,
        organisationId,
        decidedByUserId: actor.id,
        decidedAt: this.clock.now(),
        decisionReason: input.reason ?? null,
      });
      const [requester] = (await recipientsOf(em, [request.userId])).values();
      if (requester) {
        await this.outbox.enqueueEmail(em, {
          template: OrganisationRequestEmail.DECIDED,
          idempotencyKey: `organisation-request-decided:${request.id}`,
          to: requester,
          data: {
            approved: input.approve,
            organisation: names,
            deciderName: actor.displayName,
            reason: input.reason ?? null,
            url: `${this.config.PUBLIC_URL}${MEMBER_REQUESTS_PAGE}`,
          },
        });
      }
      return em.findOneByOrFail(OrganisationJoinRequest, { id: request.id });
    });
  }

  // ---------- reading ----------

  /** The person's own requests, newest first. */
  mine(actor: AuthUser, page: PageArgs): Promise<Connection<OrganisationJoinRequest>> {
    const query = this.dataSource.getRepository(OrganisationJoinRequest).createQueryBuilder('r').where('r.user_id = :me', { me: actor.id });
    return this.newestFirst(query, page);
  }

  /** Every request for admins; for anyone else, the requests to join the organisations they manage. Newest first. */
  list(actor: AuthUser, filter: OrganisationRequestFilter, page: PageArgs): Promise<Connection<OrganisationJoinRequest>> {
    const query = this.dataSource.getRepository(OrganisationJoinRequest).createQueryBuilder('r');
    if (!hasRole(actor, Role.ADMIN)) {
      query.where('r.organisation_id IN (SELECT m.organisation_id FROM organisation_membership m WHERE m.user_id = :me AND m.role = :manager)', {
        me: actor.id,
        manager: OrganisationMemberRole.MANAGER,
      });
    }
    if (filter.status) query.andWhere('r.status = :status', { status: filter.status });
    if (filter.organisationId) query.andWhere('r.organisation_id = :organisationId', { organisationId: filter.organisationId });
    return this.newestFirst(query, page);
  }

  // ---------- helpers ----------

  private newestFirst(query: SelectQueryBuilder<OrganisationJoinRequest>, page: PageArgs): Promise<Connection<OrganisationJoinRequest>> {
    return paginate(query, page, { expression: 'r.created_at', direction: 'DESC', valueOf: (r) => r.createdAt.toISOString(), cast: 'timestamptz', notNull: true });
  }

  /** Only an account whose address is confirmed may ask (an invited one is, by its link). */
  private async confirmedRequester(em: EntityManager, actor: AuthUser): Promise<User> {
    const user = await em.findOneBy(User, { id: actor.id });
    if (!user) throw new NotFoundError('user', actor.id);
    if (!user.emailConfirmedAt) throw new ForbiddenError('Confirm your email address first (open the link we emailed you), then ask again.');
    return user;
  }

  private lock(em: EntityManager, id: string): Promise<OrganisationJoinRequest | null> {
    return isUuid(id) ? em.findOne(OrganisationJoinRequest, { where: { id }, lock: { mode: 'pessimistic_write' } }) : Promise.resolve(null);
  }

  private async mayDecide(em: EntityManager, actor: AuthUser, request: OrganisationJoinRequest): Promise<boolean> {
    if (hasRole(actor, Role.ADMIN)) return true;
    if (!request.organisationId || request.userId === actor.id) return false;
    return isManager(em, request.organisationId, actor.id);
  }

  private requirePending(request: OrganisationJoinRequest): void {
    if (request.status !== OrganisationRequestStatus.PENDING) {
      throw new ConflictError(`This request was ${request.status.toLowerCase()} already; nothing more can be done with it.`, { status: request.status });
    }
  }

  /** The organisation a proposal names, made on approval (its city must still exist; a namesake made meanwhile is refused). */
  private async createProposed(em: EntityManager, request: OrganisationJoinRequest): Promise<Organisation> {
    const namesake = await em
      .createQueryBuilder(Organisation, 'o')
      .where('o.city_id = :cityId AND (lower(o.name_en) = lower(:en) OR o.name_ko = :ko)', { cityId: request.proposedCityId, en: request.proposedNameEn, ko: request.proposedNameKo })
      .getOne();
    if (namesake) {
      throw new ConflictError(`${namesake.nameEn} was added meanwhile: decline this request and ask the person to join it instead.`, {
        reason: 'ORGANISATION_EXISTS',
        organisationId: namesake.id,
      });
    }
    return em.save(
      em.create(Organisation, {
        nameEn: request.proposedNameEn!,
        nameKo: request.proposedNameKo!,
        kind: request.proposedKind!,
        cityId: request.proposedCityId!,
        website: null,
        emailDomain: null,
      }),
    );
  }

  /**
   * Those who decide hear of a request as it arrives: the organisation's
   * managers (their page lists their organisations' requests) and the admins
   * (theirs lists all). An admin who is also a manager gets one email, the admins'.
   */
  private async emailDeciders(em: EntityManager, request: OrganisationJoinRequest, requester: User, organisation: Organisation | null): Promise<void> {
    const admins = await roleRecipients(em, Role.ADMIN);
    const adminIds = new Set(admins.map((a) => a.userId));
    const managers = organisation
      ? (
          await recipientsAmong(em, `SELECT m.user_id FROM organisation_membership m WHERE m.organisation_id = $1 AND m.role = $2`, [
            organisation.id,
            OrganisationMemberRole.MANAGER,
          ])
        ).filter((m) => !adminIds.has(m.userId))
      : [];
    const cityId = organisation?.cityId ?? request.proposedCityId!;
    const [city] = await this.cities.getMany([cityId], em);
    const common = {
      requesterName: requester.displayName,
      organisation: organisation ? { en: organisation.nameEn, ko: organisation.nameKo } : { en: request.proposedNameEn!, ko: request.proposedNameKo! },
      city: city ? { en: city.nameEn, ko: city.nameKo } : { en: cityId, ko: cityId },
      newOrganisation: !organisation,
      message: request.message,
    };
    const send = async (to: UserRecipient, asAdmin: boolean) =>
      this.outbox.enqueueEmail(em, {
        template: OrganisationRequestEmail.RECEIVED,
        idempotencyKey: `organisation-request-received:${request.id}:${to.userId}`,
        to,
        data: { ...common, asAdmin, url: `${this.config.PUBLIC_URL}${asAdmin ? ADMIN_REQUESTS_PAGE : MEMBER_REQUESTS_PAGE}` },
      });
    for (const manager of managers) await send(manager, false);
    for (const admin of admins) if (admin.userId !== requester.id) await send(admin, true);
  }
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  const driver = (error as { driverError?: { code?: string; constraint?: string } })?.driverError;
  return driver?.code === '23505' && driver.constraint === constraint;
}
