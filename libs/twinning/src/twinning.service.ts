import { Inject, Injectable } from '@nestjs/common';
import { Brackets, DataSource, EntityManager, In } from 'typeorm';
import { AppConfig, AuthUser, BadInputError, Clock, ConflictError, Connection, ForbiddenError, hasRole, isUuid, NotFoundError, PageArgs, paginate, RequestContext, Role } from '@app/core';
import { citiesById, City } from '@app/cities';
import { CityOfficerService, lang, userById } from '@app/identity';
import { OutboxService } from '@app/notifications';
import { pairKey, PairingQueryService, PlatformLinksService } from '@app/pairing';
import { countryName, fillKorean } from '@app/rules';
import type { ChangeTwinningStatusInput, ProposeTwinningInput, RespondToTwinningProposalInput, TwinningFilter, WithdrawTwinningProposalInput } from './dto/twinning.inputs';
import { TwinningEmail } from './emails/twinning.emails';
import { TwinningStatusChange } from './entities/twinning-status-change.entity';
import { LIVE_TWINNING_STATUSES, PUBLIC_TWINNING_STATUSES, Twinning, TwinningStatus } from './entities/twinning.entity';
import { WorkspaceMember, WorkspaceRole } from './entities/workspace-member.entity';
import { Workspace } from './entities/workspace.entity';
import { ActivityObjectType, ActivityVerb } from './feed/workspace-activity.entity';
import { ActivityService } from './feed/activity.service';
import { citiesOfTwinning, cityNames } from './twinning-cities';
import { TwinningAccessService } from './twinning-access.service';
import { twinningLink } from './twinning-link';
import { TWINNING_STATUS_KO, twinningStatusKo } from './twinning-words';

/** Which status may follow which, through changeTwinningStatus (leads and admins). */
const TRANSITIONS: Partial<Record<TwinningStatus, TwinningStatus[]>> = {
  [TwinningStatus.ACTIVE]: [TwinningStatus.DORMANT, TwinningStatus.CLOSED],
  [TwinningStatus.DORMANT]: [TwinningStatus.ACTIVE, TwinningStatus.CLOSED],
};

export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const driver = (error as { driverError?: { code?: string; constraint?: string } })?.driverError;
  return driver?.code === '23505' && (!constraint || driver.constraint === constraint);
}

/** Proposals, responses and the lifecycle of twinnings. */
@Injectable()
export class TwinningService {
  constructor(
    @Inject(AppConfig) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly outbox: OutboxService,
    private readonly officers: CityOfficerService,
    private readonly pairing: PairingQueryService,
    private readonly access: TwinningAccessService,
    private readonly activity: ActivityService,
    private readonly links: PlatformLinksService,
  ) {}

  async propose(user: AuthUser, input: ProposeTwinningInput): Promise<Twinning> {
    if (input.cityId === input.partnerCityId) throw BadInputError.field('partnerCityId', { en: 'must be another city: a twinning joins two cities.', ko: '다른 도시를 골라 주세요. 자매결연은 두 도시를 잇습니다.' });
    const [own, partner] = await citiesById(this.dataSource.manager, [input.cityId, input.partnerCityId]);
    if (!own) throw BadInputError.field('cityId', { en: `no city has the id "${input.cityId}".`, ko: `ID가 "${input.cityId}"인 도시가 없습니다.` });
    if (!partner) throw BadInputError.field('partnerCityId', { en: `no city has the id "${input.partnerCityId}".`, ko: `ID가 "${input.partnerCityId}"인 도시가 없습니다.` });
    if (own.countryCode === partner.countryCode) {
      throw BadInputError.field('partnerCityId', {
        en: `must be in another country: ${own.nameEn} and ${partner.nameEn} are both in ${countryName(own.countryCode, 'en')}.`,
        ko: `다른 나라의 도시를 골라 주세요. ${fillKorean('{own|와/과} {partner|은/는}', { own: own.nameKo, partner: partner.nameKo })} 둘 다 ${countryName(own.countryCode, 'ko')}에 있습니다.`,
      });
    }
    const governed = await this.officers.governedCityIds(user.id);
    if (!governed.includes(own.id)) {
      throw new ForbiddenError({
        en: `Only officers of ${own.nameEn}'s city government (members of its CITY_GOVERNMENT organisation) may propose a twinning for ${own.nameEn}.`,
        ko: `${own.nameKo} 시 정부 소속 공무원만 ${own.nameKo}의 자매결연을 제안할 수 있습니다.`,
      });
    }
    const key = pairKey(own.id, partner.id);
    let snapshot: Record<string, unknown> | null = null;
    if (input.fromSuggestion) {
      snapshot = (await this.pairing.snapshot(own.id, partner.id)) as unknown as Record<string, unknown> | null;
      if (!snapshot) throw BadInputError.field('fromSuggestion', {
          en: `there is no stored pairing score for ${key} yet; propose directly instead.`,
          ko: `${key}의 저장된 매칭 점수가 아직 없습니다. 추천 없이 직접 제안해 주세요.`,
        });
    }
    await this.assertNoLiveTwinning(key, own, partner);
    try {
      return await this.dataSource.transaction(async (em) => {
        const now = this.clock.now();
        const twinning = await em.save(
          em.create(Twinning, {
            pairKey: key,
            cityAId: own.id,
            cityBId: partner.id,
            status: TwinningStatus.PROPOSED,
            proposedByUserId: user.id,
            message: input.message,
            fromSuggestion: input.fromSuggestion,
            scoreSnapshot: snapshot,
          }),
        );
        await this.record(em, twinning, null, user.id, input.message, now);
        for (const officer of await this.officers.officersOf(partner.id, em)) {
          await this.outbox.enqueueEmail(em, {
            template: TwinningEmail.PROPOSAL_RECEIVED,
            idempotencyKey: `twinning-proposal:${twinning.id}:${officer.id}`,
            to: { email: officer.email, userId: officer.id, language: lang(officer.preferredLanguage), timeZone: officer.timeZone },
            data: {
              cityA: cityNames(own),
              cityB: cityNames(partner),
              proposerName: user.displayName,
              message: input.message,
              url: `${this.config.PUBLIC_URL}/twinnings/${twinning.id}`,
            },
          });
        }
        return twinning;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'UQ_twinning_live_pair')) await this.assertNoLiveTwinning(key, own, partner);
      throw error;
    }
  }

  async respond(user: AuthUser, input: RespondToTwinningProposalInput): Promise<Twinning> {
    return this.dataSource.transaction(async (em) => {
      const { twinning, governed } = await this.lockVisible(em, user, input.id);
      // Who may answer first, then whether there is still something to answer.
      const [cityA, cityB] = await citiesOfTwinning(em, twinning);
      if (!governed.includes(twinning.cityBId)) {
        throw new ForbiddenError({
          en: `Only officers of ${cityB.nameEn}'s city government may answer this proposal.`,
          ko: `${cityB.nameKo} 시 정부 소속 공무원만 이 제안에 답할 수 있습니다.`,
        });
      }
      if (twinning.proposedByUserId === user.id) {
        // An officer of both cities cannot be both sides of one agreement.
        throw new ConflictError(
          {
            en: `You proposed this twinning, so another officer of ${cityB.nameEn}'s city government must answer it.`,
            ko: `이 자매결연은 직접 제안하셨으므로 ${cityB.nameKo} 시 정부의 다른 공무원이 답해야 합니다.`,
          },
          { reason: 'own-proposal' },
        );
      }
      if (twinning.status !== TwinningStatus.PROPOSED) {
        throw new ConflictError(
          { en: `This proposal was already answered: the twinning is ${twinning.status}.`, ko: `이 제안에는 이미 답했습니다. 이 자매결연은 ${twinningStatusKo(twinning.status)}입니다.` },
          { status: twinning.status },
        );
      }
      const now = this.clock.now();
      const accepted = input.accept;
      twinning.status = accepted ? TwinningStatus.ACTIVE : TwinningStatus.DECLINED;
      twinning.decidedByUserId = user.id;
      twinning.decidedAt = now;
      twinning.decisionReason = input.reason;
      if (accepted) twinning.activeSince = now;
      await em.update(Twinning, { id: twinning.id }, {
        status: twinning.status,
        decidedByUserId: user.id,
        decidedAt: now,
        decisionReason: input.reason,
        activeSince: twinning.activeSince,
      });
      await this.record(em, twinning, TwinningStatus.PROPOSED, user.id, input.reason, now);
      let workspaceId: string | null = null;
      if (accepted) {
        const workspace = await em.save(em.create(Workspace, { twinningId: twinning.id, lastActivityAt: now }));
        workspaceId = workspace.id;
        const leads = [
          { userId: twinning.proposedByUserId, cityId: twinning.cityAId },
          { userId: user.id, cityId: twinning.cityBId },
        ];
        for (const lead of leads) {
          await em.save(
            em.create(WorkspaceMember, {
              workspaceId: workspace.id,
              userId: lead.userId,
              role: WorkspaceRole.LEAD,
              cityId: lead.cityId,
              organisationId: await this.officers.governmentOrganisationOf(lead.userId, lead.cityId, em),
            }),
          );
        }
        await this.activity.record(em, {
          workspaceId: workspace.id,
          actor: user,
          verb: ActivityVerb.WORKSPACE_OPENED,
          objectType: ActivityObjectType.TWINNING,
          objectId: twinning.id,
          details: { reason: input.reason },
        });
      }
      const proposer = (await userById(em, twinning.proposedByUserId))!;
      await this.outbox.enqueueEmail(em, {
        template: accepted ? TwinningEmail.PROPOSAL_ACCEPTED : TwinningEmail.PROPOSAL_DECLINED,
        idempotencyKey: `twinning-response:${twinning.id}`,
        to: { email: proposer.email, userId: proposer.id, language: lang(proposer.preferredLanguage), timeZone: proposer.timeZone },
        data: {
          cityA: cityNames(cityA),
          cityB: cityNames(cityB),
          responderName: user.displayName,
          reason: input.reason,
          url: `${this.config.PUBLIC_URL}/workspaces/${workspaceId ?? ''}`,
        },
      });
      return twinning;
    });
  }

  async withdraw(user: AuthUser, input: WithdrawTwinningProposalInput): Promise<Twinning> {
    return this.dataSource.transaction(async (em) => {
      const { twinning } = await this.lockVisible(em, user, input.id);
      if (twinning.proposedByUserId !== user.id) throw new ForbiddenError({ en: 'Only the officer who made the proposal may withdraw it.', ko: '제안은 그 제안을 한 공무원만 철회할 수 있습니다.' });
      if (twinning.status !== TwinningStatus.PROPOSED) {
        throw new ConflictError(
          {
            en: `Only a proposal still waiting for an answer can be withdrawn; this twinning is ${twinning.status}.`,
            ko: `답을 기다리는 제안만 철회할 수 있습니다. 이 자매결연은 ${twinningStatusKo(twinning.status)}입니다.`,
          },
          { status: twinning.status },
        );
      }
      const now = this.clock.now();
      twinning.status = TwinningStatus.WITHDRAWN;
      await em.update(Twinning, { id: twinning.id }, { status: twinning.status });
      await this.record(em, twinning, TwinningStatus.PROPOSED, user.id, input.reason ?? 'Withdrawn by the proposer.', now);
      return twinning;
    });
  }

  async changeStatus(user: AuthUser, input: ChangeTwinningStatusInput): Promise<Twinning> {
    return this.dataSource.transaction(async (em) => {
      const { twinning } = await this.lockVisible(em, user, input.id);
      const workspace = await this.access.workspaceOf(twinning.id, em);
      const access = workspace ? (await this.access.workspaceAccess(user, [workspace.id], em))[0] : null;
      if (!hasRole(user, Role.ADMIN) && access?.role !== WorkspaceRole.LEAD) {
        throw new ForbiddenError({
          en: "Only the workspace's leads and programme admins may change a twinning's status.",
          ko: '자매결연의 상태는 워크스페이스 리더와 프로그램 관리자만 바꿀 수 있습니다.',
        });
      }
      const allowed = TRANSITIONS[twinning.status] ?? [];
      if (!allowed.includes(input.status)) {
        throw new ConflictError(
          twinning.status === input.status
            ? { en: `The twinning is already ${input.status}.`, ko: `이 자매결연은 이미 ‘${TWINNING_STATUS_KO[input.status]}’ 상태입니다.` }
            : {
                en: `A ${twinning.status} twinning cannot become ${input.status}` + (allowed.length ? ` (it can become ${allowed.join(' or ')}).` : '.'),
                ko:
                  `‘${TWINNING_STATUS_KO[twinning.status]}’ 상태인 자매결연은 ‘${TWINNING_STATUS_KO[input.status]}’ 상태로 바꿀 수 없습니다.` +
                  (allowed.length ? ` ${allowed.map((s) => `‘${TWINNING_STATUS_KO[s]}’`).join(' 또는 ')} 상태로는 바꿀 수 있습니다.` : ''),
              },
          { status: twinning.status },
        );
      }
      const now = this.clock.now();
      const from = twinning.status;
      twinning.status = input.status;
      if (input.status === TwinningStatus.CLOSED) twinning.closedAt = now;
      await em.update(Twinning, { id: twinning.id }, { status: twinning.status, closedAt: twinning.closedAt });
      await this.record(em, twinning, from, user.id, input.reason, now);
      if (workspace) {
        await this.activity.record(em, {
          workspaceId: workspace.id,
          actor: user,
          verb: ActivityVerb.TWINNING_STATUS_CHANGED,
          objectType: ActivityObjectType.TWINNING,
          objectId: twinning.id,
          details: { from, to: input.status, reason: input.reason },
        });
      }
      return twinning;
    });
  }

  async list(ctx: RequestContext, filter: TwinningFilter, page: PageArgs): Promise<Connection<Twinning>> {
    const query = this.dataSource.getRepository(Twinning).createQueryBuilder('t');
    if (!hasRole(ctx.user, Role.ADMIN)) {
      const governed = await this.officers.governedByCaller(ctx);
      query.andWhere(
        new Brackets((q) => {
          q.where('t.status IN (:...publicStatuses)', { publicStatuses: PUBLIC_TWINNING_STATUSES });
          if (ctx.user) {
            if (governed.length) q.orWhere('(t.city_a_id IN (:...governed) OR t.city_b_id IN (:...governed))', { governed });
            q.orWhere(
              'EXISTS (SELECT 1 FROM workspace w JOIN workspace_member m ON m.workspace_id = w.id WHERE w.twinning_id = t.id AND m.user_id = :me)',
              { me: ctx.user.id },
            );
          }
        }),
      );
    }
    if (filter.cityId) query.andWhere('(t.city_a_id = :cityId OR t.city_b_id = :cityId)', { cityId: filter.cityId });
    if (filter.status) query.andWhere('t.status = :status', { status: filter.status });
    return paginate(query, page, { expression: 't.created_at', direction: 'DESC', valueOf: (t) => t.createdAt.toISOString(), cast: 'timestamptz', notNull: true });
  }

  async get(ctx: RequestContext, id: string): Promise<Twinning> {
    const twinning = isUuid(id) ? await this.dataSource.getRepository(Twinning).findOneBy({ id }) : null;
    if (!twinning || !(await this.access.canSeeTwinning(ctx.user, twinning, await this.officers.governedByCaller(ctx)))) {
      throw new NotFoundError('twinning', id);
    }
    return twinning;
  }

  /** Locks the twinning row; NOT_FOUND when it does not exist or the person may not see it. Also the cities the person governs. */
  private async lockVisible(em: EntityManager, user: AuthUser, id: string): Promise<{ twinning: Twinning; governed: string[] }> {
    const twinning = await em.findOne(Twinning, { where: { id }, lock: { mode: 'pessimistic_write' } });
    const governed = twinning ? await this.officers.governedCityIds(user.id, em) : [];
    if (!twinning || !(await this.access.canSeeTwinning(user, twinning, governed, em))) throw new NotFoundError('twinning', id);
    return { twinning, governed };
  }

  private async assertNoLiveTwinning(pairKey: string, a: City, b: City): Promise<void> {
    const live = await this.dataSource.getRepository(Twinning).findOneBy({ pairKey, status: In(LIVE_TWINNING_STATUSES) });
    if (live) {
      throw new ConflictError(
        {
          en: `${a.nameEn} and ${b.nameEn} already have a twinning that is ${live.status}: a pair has one live twinning at a time.`,
          ko: `${fillKorean('{a|와/과} {b}', { a: a.nameKo, b: b.nameKo })} 사이에는 이미 ‘${TWINNING_STATUS_KO[live.status]}’ 상태인 자매결연이 있습니다. 두 도시 사이의 자매결연은 한 번에 하나만 진행할 수 있습니다.`,
        },
        { status: live.status, twinningId: PUBLIC_TWINNING_STATUSES.includes(live.status) ? live.id : undefined },
      );
    }
  }

  /**
   * Every status change goes through here: its history row, and the pair's
   * link as pairing evidence (pairing asks for both cities' scores again),
   * all in the change's transaction.
   */
  private async record(em: EntityManager, twinning: Twinning, from: TwinningStatus | null, actorUserId: string, reason: string, at: Date): Promise<void> {
    await em.insert(TwinningStatusChange, { twinningId: twinning.id, fromStatus: from, toStatus: twinning.status, actorUserId, reason, at });
    await this.links.record(em, twinningLink(twinning, from, await citiesOfTwinning(em, twinning), at, actorUserId));
  }
}
