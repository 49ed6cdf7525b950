import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { AppConfig, AuthUser, BadInputError, Clock, ConflictError, Connection, ForbiddenError, isUuid, NotFoundError, PageArgs, pageOfOwner, RequestContext, requestLoader } from '@app/core';
import { citiesById } from '@app/cities';
import { CityOfficerService, lang, nameIn, Organisation, organisationsOfUserIn, recipientsAmong, userById } from '@app/identity';
import { OutboxService } from '@app/notifications';
import { fillKorean } from '@app/rules';
import {
  type ChangeWorkspaceMemberRoleInput,
  type DecideJoinRequestInput,
  type JoinRequestFilter,
  type WorkspaceMemberFilter,
  type RequestToJoinWorkspaceInput,
  type WorkspaceMemberRefInput,
} from './dto/twinning.inputs';
import { TwinningEmail } from './emails/twinning.emails';
import { TwinningStatusChange } from './entities/twinning-status-change.entity';
import { Twinning } from './entities/twinning.entity';
import { JoinRequestStatus, WorkspaceJoinRequest } from './entities/workspace-join-request.entity';
import { WorkspaceMember, WorkspaceRole } from './entities/workspace-member.entity';
import { Workspace } from './entities/workspace.entity';
import { isUniqueViolation } from './twinning.service';
import { ActivityObjectType, ActivityVerb } from './feed/workspace-activity.entity';
import { WorkspaceFollow } from './feed/workspace-follow.entity';
import { ActivityService } from './feed/activity.service';
import { lockWorkspace, requireLead, requireOpen } from './membership-rules';
import { citiesOfTwinning, cityNames } from './twinning-cities';
import { TwinningAccessService } from './twinning-access.service';
import { ANSWER_STATUS_KO } from './twinning-words';

const ALREADY_ASKED = {
  en: 'You already asked to join this workspace; a lead has not answered yet.',
  ko: '이미 이 워크스페이스에 참여를 요청했습니다. 아직 리더가 답하지 않았습니다.',
};

/**
 * Membership of twin workspaces: join requests, roles, leaving (invitations:
 * WorkspaceInvitationsService). Every change locks the workspace row first, so
 * the rule "at least one lead from each city" is checked against a state no
 * concurrent change can alter.
 */
@Injectable()
export class WorkspaceService {
  constructor(
    @Inject(AppConfig) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly outbox: OutboxService,
    private readonly access: TwinningAccessService,
    private readonly officers: CityOfficerService,
    private readonly activity: ActivityService,
  ) {}

  // ---------- reads (callers have checked access) ----------

  async mine(user: AuthUser): Promise<Workspace[]> {
    return this.dataSource
      .getRepository(Workspace)
      .createQueryBuilder('w')
      .innerJoin(WorkspaceMember, 'm', 'm.workspace_id = w.id AND m.user_id = :me', { me: user.id })
      .orderBy('w.created_at', 'DESC')
      .getMany();
  }

  async get(id: string): Promise<Workspace> {
    const workspace = isUuid(id) ? await this.dataSource.getRepository(Workspace).findOneBy({ id }) : null;
    if (!workspace) throw new NotFoundError('workspace', id);
    return workspace;
  }

  /** Earliest joined first: the members of every workspace of the request asked alike, in one statement. */
  members(ctx: RequestContext, workspaceId: string, page: PageArgs, filter: WorkspaceMemberFilter = {}): Promise<Connection<WorkspaceMember>> {
    return pageOfOwner(ctx, {
      key: 'twinning.members',
      filter: { cityId: filter.cityId, role: filter.role },
      rows: (workspaceIds) => {
        const query = this.dataSource.getRepository(WorkspaceMember).createQueryBuilder('m').where('m.workspace_id IN (:...workspaceIds)', { workspaceIds });
        if (filter.cityId) query.andWhere('m.city_id = :cityId', { cityId: filter.cityId });
        if (filter.role) query.andWhere('m.role = :role', { role: filter.role });
        return query;
      },
      owner: { expression: 'm.workspace_id', of: (m) => m.workspaceId },
      sort: { expression: 'm.joined_at', direction: 'ASC', valueOf: (m) => m.joinedAt.toISOString(), cast: 'timestamptz', notNull: true },
    }, workspaceId, page);
  }

  /** Newest first, for every workspace of the request at once. */
  joinRequests(ctx: RequestContext, workspaceId: string, page: PageArgs, filter: JoinRequestFilter = {}): Promise<Connection<WorkspaceJoinRequest>> {
    return pageOfOwner(ctx, {
      key: 'twinning.joinRequests',
      filter: { status: filter.status },
      rows: (workspaceIds) => {
        const query = this.dataSource.getRepository(WorkspaceJoinRequest).createQueryBuilder('r').where('r.workspace_id IN (:...workspaceIds)', { workspaceIds });
        if (filter.status) query.andWhere('r.status = :status', { status: filter.status });
        return query;
      },
      owner: { expression: 'r.workspace_id', of: (r) => r.workspaceId },
      sort: { expression: 'r.created_at', direction: 'DESC', valueOf: (r) => r.createdAt.toISOString(), cast: 'timestamptz', notNull: true },
    }, workspaceId, page);
  }

  /** A twinning's status changes, oldest first; those of every twinning of the request in one statement. */
  statusHistory(ctx: RequestContext, twinningId: string): Promise<TwinningStatusChange[]> {
    return requestLoader<string, TwinningStatusChange[]>(ctx, 'twinning.statusHistory', async (twinningIds) => {
      const rows = await this.dataSource.getRepository(TwinningStatusChange).find({ where: { twinningId: In([...twinningIds]) }, order: { at: 'ASC', id: 'ASC' } });
      return twinningIds.map((id) => rows.filter((r) => r.twinningId === id));
    }).load(twinningId);
  }

  // ---------- join requests ----------

  async requestToJoin(user: AuthUser, input: RequestToJoinWorkspaceInput): Promise<WorkspaceJoinRequest> {
    try {
      return await this.dataSource.transaction(async (em) => {
        const workspace = isUuid(input.workspaceId)
          ? await em.findOne(Workspace, { where: { id: input.workspaceId }, lock: { mode: 'pessimistic_write' } })
          : null;
        const twinning = workspace ? await em.findOneByOrFail(Twinning, { id: workspace.twinningId }) : null;
        // The workspace of a public twinning is known to exist; any other stays hidden.
        const governed = twinning ? await this.officers.governedCityIds(user.id, em) : [];
        if (!workspace || !twinning || !(await this.access.canSeeTwinning(user, twinning, governed, em))) {
          throw new NotFoundError('workspace', input.workspaceId);
        }
        if (await em.existsBy(WorkspaceMember, { workspaceId: workspace.id, userId: user.id })) {
          throw new ConflictError({ en: 'You are already a member of this workspace.', ko: '이미 이 워크스페이스의 멤버입니다.' });
        }
        requireOpen(twinning);
        const organisation = await this.organisationIn(em, user.id, [twinning.cityAId, twinning.cityBId]);
        if (!organisation) {
          const [cityA, cityB] = await citiesOfTwinning(em, twinning);
          throw new ForbiddenError({
            en:
              `Only officers and partners from organisations in ${cityA.nameEn} or ${cityB.nameEn} may ask to join this workspace. ` +
              'Ask an admin to add you to your organisation, or ask a lead to invite you.',
            ko:
              `이 워크스페이스에는 ${fillKorean('{a|이나/나} {b}', { a: cityA.nameKo, b: cityB.nameKo })}에 있는 기관의 공무원과 파트너만 참여를 요청할 수 있습니다. ` +
              '관리자에게 소속 기관에 추가해 달라고 하거나, 리더에게 초대해 달라고 요청하세요.',
          });
        }
        if (await em.existsBy(WorkspaceJoinRequest, { workspaceId: workspace.id, userId: user.id, status: JoinRequestStatus.PENDING })) {
          throw new ConflictError(ALREADY_ASKED);
        }
        const request = await em.save(
          em.create(WorkspaceJoinRequest, {
            workspaceId: workspace.id,
            userId: user.id,
            cityId: organisation.cityId,
            organisationId: organisation.id,
            message: input.message,
          }),
        );
        await this.activity.record(em, {
          workspaceId: workspace.id,
          actor: user,
          verb: ActivityVerb.JOIN_REQUESTED,
          objectType: ActivityObjectType.JOIN_REQUEST,
          objectId: request.id,
          objectLabel: { en: nameIn(user, 'en'), ko: nameIn(user, 'ko') },
        });
        await this.emailLeadsAboutRequest(em, workspace, twinning, request, user, organisation);
        return request;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'UQ_workspace_join_request_pending')) {
        throw new ConflictError(ALREADY_ASKED);
      }
      throw error;
    }
  }

  async decideJoinRequest(user: AuthUser, input: DecideJoinRequestInput): Promise<WorkspaceJoinRequest> {
    const found = await this.dataSource.getRepository(WorkspaceJoinRequest).findOneBy({ id: input.id });
    if (!found) throw new NotFoundError('joinRequest', input.id);
    if (input.approve && !input.role) throw BadInputError.field('role', { en: 'is needed to approve: choose LEAD, MEMBER or OBSERVER.', ko: '승인하려면 역할을 골라 주세요: LEAD, MEMBER, OBSERVER 중 하나.' });
    return this.dataSource.transaction(async (em) => {
      const { workspace, twinning, access } = await lockWorkspace(em, this.access, user, found.workspaceId, () => new NotFoundError('joinRequest', input.id));
      requireLead(access, { en: 'answer join requests', ko: '참여 요청에 답할' });
      const request = await em.findOneByOrFail(WorkspaceJoinRequest, { id: input.id });
      if (request.status !== JoinRequestStatus.PENDING) {
        throw new ConflictError(
          { en: `This request was already answered: it is ${request.status}.`, ko: `이 요청에는 이미 답했습니다. 현재 ‘${ANSWER_STATUS_KO[request.status]}’ 상태입니다.` },
          { status: request.status },
        );
      }
      const now = this.clock.now();
      if (input.approve) {
        requireOpen(twinning);
        if (await em.existsBy(WorkspaceMember, { workspaceId: workspace.id, userId: request.userId })) {
          throw new ConflictError({
            en: 'This person has joined meanwhile (by invitation): decline the request, or change their role instead.',
            ko: '그사이 이 사람이 초대를 받아 참여했습니다. 요청을 거절하거나, 대신 역할을 바꾸세요.',
          });
        }
        await em
          .createQueryBuilder()
          .insert()
          .into(WorkspaceMember)
          .values({ workspaceId: workspace.id, userId: request.userId, role: input.role!, cityId: request.cityId, organisationId: request.organisationId })
          .execute();
      }
      const requester = (await userById(em, request.userId))!;
      Object.assign(request, {
        status: input.approve ? JoinRequestStatus.APPROVED : JoinRequestStatus.DECLINED,
        grantedRole: input.approve ? input.role! : null,
        decidedByUserId: user.id,
        decidedAt: now,
        decisionReason: input.reason ?? null,
      });
      await em.update(WorkspaceJoinRequest, { id: request.id }, {
        status: request.status,
        grantedRole: request.grantedRole,
        decidedByUserId: request.decidedByUserId,
        decidedAt: now,
        decisionReason: request.decisionReason,
      });
      const [cityA, cityB] = await citiesOfTwinning(em, twinning);
      await this.outbox.enqueueEmail(em, {
        template: TwinningEmail.JOIN_REQUEST_DECIDED,
        idempotencyKey: `workspace-join-request:${request.id}`,
        to: { email: requester.email, userId: requester.id, language: lang(requester.preferredLanguage), timeZone: requester.timeZone },
        data: {
          cityA: cityNames(cityA),
          cityB: cityNames(cityB),
          approved: input.approve,
          role: request.grantedRole,
          reason: request.decisionReason,
          deciderName: user.displayName,
          url: `${this.config.PUBLIC_URL}/workspaces/${workspace.id}`,
        },
      });
      const joined = input.approve ? await em.findOneBy(WorkspaceMember, { workspaceId: workspace.id, userId: request.userId }) : null;
      await this.activity.record(em, {
        workspaceId: workspace.id,
        actor: user,
        // Everyone sees who joined; only leads see requests (as in the joinRequests list).
        verb: joined ? ActivityVerb.MEMBER_JOINED : ActivityVerb.JOIN_REQUEST_DECLINED,
        objectType: joined ? ActivityObjectType.MEMBER : ActivityObjectType.JOIN_REQUEST,
        objectId: joined ? joined.id : request.id,
        objectLabel: { en: nameIn(requester, 'en'), ko: nameIn(requester, 'ko') },
        details: joined ? { role: joined.role, via: 'request' } : {},
      });
      return request;
    });
  }

  // ---------- roles, removal, leaving ----------

  async changeRole(user: AuthUser, input: ChangeWorkspaceMemberRoleInput): Promise<WorkspaceMember> {
    return this.dataSource.transaction(async (em) => {
      const { workspace, access } = await lockWorkspace(em, this.access, user, input.workspaceId);
      requireLead(access, { en: "change members' roles", ko: '멤버의 역할을 바꿀' });
      const member = await this.memberOrNotFound(em, workspace.id, input.userId);
      if (member.role === input.role) return member;
      if (member.role === WorkspaceRole.LEAD) await this.assertNotLastLead(em, member, 'demoted');
      const from = member.role;
      member.role = input.role;
      await em.update(WorkspaceMember, { id: member.id }, { role: input.role });
      await this.activity.record(em, {
        workspaceId: workspace.id,
        actor: user,
        verb: ActivityVerb.MEMBER_ROLE_CHANGED,
        objectType: ActivityObjectType.MEMBER,
        objectId: member.id,
        objectLabel: await this.nameOf(em, member.userId),
        details: { from, to: input.role },
      });
      return member;
    });
  }

  async removeMember(user: AuthUser, input: WorkspaceMemberRefInput): Promise<boolean> {
    return this.dataSource.transaction(async (em) => {
      const { workspace, access } = await lockWorkspace(em, this.access, user, input.workspaceId);
      requireLead(access, { en: 'remove members', ko: '멤버를 내보낼' });
      const member = await this.memberOrNotFound(em, workspace.id, input.userId);
      if (member.role === WorkspaceRole.LEAD) await this.assertNotLastLead(em, member, 'removed');
      await this.deleteMember(em, member);
      await this.activity.record(em, {
        workspaceId: workspace.id,
        actor: user,
        verb: ActivityVerb.MEMBER_REMOVED,
        objectType: ActivityObjectType.MEMBER,
        objectId: member.id,
        objectLabel: await this.nameOf(em, member.userId),
      });
      return true;
    });
  }

  async leave(user: AuthUser, workspaceId: string): Promise<boolean> {
    return this.dataSource.transaction(async (em) => {
      const workspace = isUuid(workspaceId) ? await em.findOne(Workspace, { where: { id: workspaceId }, lock: { mode: 'pessimistic_write' } }) : null;
      const member = workspace ? await em.findOneBy(WorkspaceMember, { workspaceId, userId: user.id }) : null;
      if (!workspace || !member) throw new NotFoundError('workspace', workspaceId);
      if (member.role === WorkspaceRole.LEAD) await this.assertNotLastLead(em, member, 'leave', true);
      await this.deleteMember(em, member);
      await this.activity.record(em, {
        workspaceId: workspace.id,
        actor: user,
        verb: ActivityVerb.MEMBER_LEFT,
        objectType: ActivityObjectType.MEMBER,
        objectId: member.id,
      });
      return true;
    });
  }

  // ---------- helpers ----------

  private async memberOrNotFound(em: EntityManager, workspaceId: string, userId: string): Promise<WorkspaceMember> {
    const member = await em.findOneBy(WorkspaceMember, { workspaceId, userId });
    if (!member) throw new NotFoundError('workspaceMember', userId);
    return member;
  }

  /** Every workspace keeps a lead from each city. The caller holds the workspace lock. */
  private async assertNotLastLead(em: EntityManager, member: WorkspaceMember, change: 'demoted' | 'removed' | 'leave', self = false): Promise<void> {
    const leads = await em.countBy(WorkspaceMember, { workspaceId: member.workspaceId, cityId: member.cityId, role: WorkspaceRole.LEAD });
    if (leads > 1) return;
    const city = (await citiesById(em, [member.cityId]))[0]!;
    const who = self ? 'You are' : 'This member is';
    const cannot = self ? 'so you cannot leave' : `so they cannot be ${change}`;
    const whoKo = self ? '본인이' : '이 멤버가';
    const cannotKo = self ? '떠날 수 없습니다' : change === 'removed' ? '내보낼 수 없습니다' : '역할을 낮출 수 없습니다';
    throw new ConflictError(
      {
        en:
          `${who} the last lead from ${city.nameEn}, ${cannot}: every workspace keeps at least one lead from each city. ` +
          `Appoint another lead from ${city.nameEn} first.`,
        ko:
          `${whoKo} ${city.nameKo}의 마지막 리더이므로 ${cannotKo}. 모든 워크스페이스에는 도시마다 리더가 한 명 이상 있어야 합니다. ` +
          `먼저 ${city.nameKo}의 다른 리더를 지정하세요.`,
      },
      { reason: 'LAST_LEAD', cityId: city.id },
    );
  }

  private async organisationIn(em: EntityManager, userId: string, cityIds: string[]): Promise<Organisation | null> {
    return (await organisationsOfUserIn(em, userId, cityIds))[0] ?? null;
  }

  /** A member goes, and their digests with them. */
  private async deleteMember(em: EntityManager, member: WorkspaceMember): Promise<void> {
    await em.delete(WorkspaceMember, { id: member.id });
    await em.delete(WorkspaceFollow, { workspaceId: member.workspaceId, userId: member.userId });
  }

  private async nameOf(em: EntityManager, userId: string): Promise<{ en: string; ko: string }> {
    const user = (await userById(em, userId))!;
    return { en: nameIn(user, 'en'), ko: nameIn(user, 'ko') };
  }

  /** Every lead hears of a join request: it waits on them. */
  private async emailLeadsAboutRequest(
    em: EntityManager,
    workspace: Workspace,
    twinning: Twinning,
    request: WorkspaceJoinRequest,
    requester: AuthUser,
    organisation: Organisation,
  ): Promise<void> {
    const leads = await recipientsAmong(em, `SELECT m.user_id FROM workspace_member m WHERE m.workspace_id = $1 AND m.role = $2`, [workspace.id, WorkspaceRole.LEAD]);
    const [cityA, cityB] = await citiesOfTwinning(em, twinning);
    for (const lead of leads) {
      await this.outbox.enqueueEmail(em, {
        template: TwinningEmail.JOIN_REQUEST_RECEIVED,
        idempotencyKey: `workspace-join-request-received:${request.id}:${lead.userId}`,
        to: lead,
        data: {
          cityA: cityNames(cityA),
          cityB: cityNames(cityB),
          requesterName: requester.displayName,
          organisation: { en: organisation.nameEn, ko: organisation.nameKo },
          message: request.message,
          url: `${this.config.PUBLIC_URL}/workspaces/${workspace.id}`,
        },
      });
    }
  }
}
