import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig, AuthUser, BadInputError, Clock, ConflictError, Connection, ForbiddenError, NotFoundError, PageArgs, paginate } from '@app/core';
import { City, Country } from '@app/cities';
import { AuthService, CityOfficerService, createInvitedAccount, lang, OneTimeToken, OneTimeTokenService, Organisation, OrganisationMembership, PasswordHasher, TokenPurpose, User } from '@app/identity';
import { OutboxService } from '@app/notifications';
import {
  AcceptWorkspaceInvitationInput,
  type ChangeWorkspaceMemberRoleInput,
  type DecideJoinRequestInput,
  type InviteToWorkspaceInput,
  type JoinRequestFilter,
  type WorkspaceInvitationFilter,
  type WorkspaceMemberFilter,
  type RequestToJoinWorkspaceInput,
  type WorkspaceMemberRefInput,
} from './dto/twinning.inputs';
import type { AcceptWorkspaceInvitationResult } from './dto/twinning.outputs';
import { TwinningEmail } from './emails/twinning.emails';
import { PUBLIC_TWINNING_STATUSES, Twinning, TwinningStatusChange } from './entities/twinning.entity';
import {
  JoinRequestStatus,
  Workspace,
  WorkspaceInvitation,
  WorkspaceInvitationStatus,
  WorkspaceJoinRequest,
  WorkspaceMember,
  WorkspaceRole,
} from './entities/workspace.entity';
import { isUniqueViolation } from './twinning.service';
import { ActivityObjectType, ActivityVerb, WorkspaceFollow } from './feed/activity.entity';
import { ActivityService } from './feed/activity.service';
import { citiesOfTwinning, cityNames } from './twinning-cities';
import { isUuid, TwinningAccessService, WorkspaceAccess } from './twinning-access.service';

/** What a workspace invitation token carries (identity refuses every kind but 'platform' in its own flow). */
export interface WorkspaceInvitationPayload {
  kind: 'workspace';
  workspaceId: string;
  role: WorkspaceRole;
}

interface Locked {
  workspace: Workspace;
  twinning: Twinning;
  access: WorkspaceAccess;
}

/**
 * Membership of twin workspaces: invitations, join requests, roles, leaving.
 * Every change locks the workspace row first, so the rule "at least one lead
 * from each city" is checked against a state no concurrent change can alter.
 */
@Injectable()
export class WorkspaceService {
  constructor(
    @Inject(AppConfig) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly outbox: OutboxService,
    private readonly tokens: OneTimeTokenService,
    private readonly hasher: PasswordHasher,
    private readonly auth: AuthService,
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

  /** Earliest joined first. */
  members(workspaceId: string, page: PageArgs, filter: WorkspaceMemberFilter = {}): Promise<Connection<WorkspaceMember>> {
    const query = this.dataSource.getRepository(WorkspaceMember).createQueryBuilder('m').where('m.workspace_id = :workspaceId', { workspaceId });
    if (filter.cityId) query.andWhere('m.city_id = :cityId', { cityId: filter.cityId });
    if (filter.role) query.andWhere('m.role = :role', { role: filter.role });
    return paginate(query, page, { expression: 'm.joined_at', direction: 'ASC', valueOf: (m) => m.joinedAt.toISOString(), cast: 'timestamptz', notNull: true });
  }

  /** Newest first; `pending` keeps only those still waiting to be accepted. */
  invitations(workspaceId: string, page: PageArgs, filter: WorkspaceInvitationFilter = {}): Promise<Connection<WorkspaceInvitation>> {
    const query = this.dataSource.getRepository(WorkspaceInvitation).createQueryBuilder('i').where('i.workspace_id = :workspaceId', { workspaceId });
    if (filter.pending) {
      query.andWhere('i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > :now', { now: this.clock.now() });
    }
    return paginate(query, page, { expression: 'i.created_at', direction: 'DESC', valueOf: (i) => i.createdAt.toISOString(), cast: 'timestamptz', notNull: true });
  }

  /** Newest first. */
  joinRequests(workspaceId: string, page: PageArgs, filter: JoinRequestFilter = {}): Promise<Connection<WorkspaceJoinRequest>> {
    const query = this.dataSource.getRepository(WorkspaceJoinRequest).createQueryBuilder('r').where('r.workspace_id = :workspaceId', { workspaceId });
    if (filter.status) query.andWhere('r.status = :status', { status: filter.status });
    return paginate(query, page, { expression: 'r.created_at', direction: 'DESC', valueOf: (r) => r.createdAt.toISOString(), cast: 'timestamptz', notNull: true });
  }

  statusHistory(twinningId: string): Promise<TwinningStatusChange[]> {
    return this.dataSource.getRepository(TwinningStatusChange).find({ where: { twinningId }, order: { at: 'ASC', id: 'ASC' } });
  }

  invitationStatus(invitation: WorkspaceInvitation): WorkspaceInvitationStatus {
    if (invitation.acceptedAt) return WorkspaceInvitationStatus.ACCEPTED;
    if (invitation.revokedAt) return WorkspaceInvitationStatus.REVOKED;
    if (invitation.expiresAt <= this.clock.now()) return WorkspaceInvitationStatus.EXPIRED;
    return WorkspaceInvitationStatus.PENDING;
  }

  // ---------- invitations ----------

  async invite(user: AuthUser, input: InviteToWorkspaceInput): Promise<WorkspaceInvitation> {
    const email = input.email.toLowerCase();
    return this.dataSource.transaction(async (em) => {
      const { workspace, twinning, access } = await this.lock(em, user, input.workspaceId);
      this.requireLead(access, 'invite people');
      const inviter = await em.findOneByOrFail(WorkspaceMember, { workspaceId: workspace.id, userId: user.id });
      this.requireOpen(twinning);
      const existing = await em.findOneBy(User, { email });
      if (existing && (await em.existsBy(WorkspaceMember, { workspaceId: workspace.id, userId: existing.id }))) {
        throw BadInputError.field('email', 'belongs to someone who is already a member of this workspace.');
      }
      const payload: WorkspaceInvitationPayload = { kind: 'workspace', workspaceId: workspace.id, role: input.role };
      const { token, record } = await this.tokens.issue(em, {
        purpose: TokenPurpose.INVITATION,
        email,
        userId: existing?.id ?? null,
        payload: payload as unknown as Record<string, unknown>,
        ttlMs: this.config.INVITATION_TTL_DAYS * 86400_000,
        createdByUserId: user.id,
      });
      const invitation = await em.save(
        em.create(WorkspaceInvitation, {
          workspaceId: workspace.id,
          tokenId: record.id,
          email,
          role: input.role,
          invitedByUserId: user.id,
          inviterCityId: inviter.cityId,
          expiresAt: record.expiresAt,
        }),
      );
      // Someone without an account most likely works in the inviter's city: their country's language and zone.
      const inviterCity = await em.findOneByOrFail(City, { id: inviter.cityId });
      const country = await em.findOneByOrFail(Country, { code: inviterCity.countryCode });
      const [cityA, cityB] = await citiesOfTwinning(em, twinning);
      await this.outbox.enqueueEmail(em, {
        template: TwinningEmail.WORKSPACE_INVITATION,
        idempotencyKey: `workspace-invitation:${invitation.id}`,
        to: {
          email,
          userId: existing?.id ?? null,
          language: existing ? lang(existing.preferredLanguage) : lang(country.defaultLanguage),
          timeZone: existing?.timeZone ?? country.timeZone,
        },
        data: {
          invitedBy: user.displayName,
          cityA: cityNames(cityA),
          cityB: cityNames(cityB),
          role: input.role,
          url: `${this.config.PUBLIC_URL}/workspaces/accept-invitation?token=${encodeURIComponent(token)}`,
          expiresAt: record.expiresAt.toISOString(),
        },
      });
      await this.activity.record(em, {
        workspaceId: workspace.id,
        actor: user,
        verb: ActivityVerb.MEMBER_INVITED,
        objectType: ActivityObjectType.INVITATION,
        objectId: invitation.id,
        details: { role: input.role },
      });
      return invitation;
    });
  }

  async revokeInvitation(user: AuthUser, id: string): Promise<WorkspaceInvitation> {
    const found = isUuid(id) ? await this.dataSource.getRepository(WorkspaceInvitation).findOneBy({ id }) : null;
    if (!found) throw new NotFoundError('invitation', id);
    return this.dataSource.transaction(async (em) => {
      const { workspace, access } = await this.lock(em, user, found.workspaceId, () => new NotFoundError('invitation', id));
      this.requireLead(access, 'withdraw invitations');
      const invitation = await em.findOneByOrFail(WorkspaceInvitation, { id });
      const status = this.invitationStatus(invitation);
      if (status !== WorkspaceInvitationStatus.PENDING) {
        throw new ConflictError(`Only a pending invitation can be withdrawn; this one is ${status}.`, { status });
      }
      await this.tokens.revoke(em, invitation.tokenId);
      invitation.revokedAt = this.clock.now();
      await em.update(WorkspaceInvitation, { id }, { revokedAt: invitation.revokedAt });
      await this.activity.record(em, {
        workspaceId: workspace.id,
        actor: user,
        verb: ActivityVerb.INVITATION_REVOKED,
        objectType: ActivityObjectType.INVITATION,
        objectId: invitation.id,
      });
      return invitation;
    });
  }

  async acceptInvitation(user: AuthUser | null, input: AcceptWorkspaceInvitationInput): Promise<AcceptWorkspaceInvitationResult> {
    // Anyone may post a token: a link that is not current is refused before the costly hash (as for password resets).
    if (!user && input.password) await this.tokens.check(this.dataSource.manager, TokenPurpose.INVITATION, input.token);
    const passwordHash = !user && input.password ? await this.hasher.hash(input.password) : null;
    return this.dataSource.transaction(async (em) => {
      // Consuming inside the transaction: any refusal below rolls the use back, so the link still works.
      const record = await this.tokens.consume(em, TokenPurpose.INVITATION, input.token);
      const payload = record.payload as unknown as Partial<WorkspaceInvitationPayload>;
      if (payload.kind !== 'workspace' || !payload.workspaceId || !payload.role) {
        throw BadInputError.field('token', 'This is not an invitation to a twin workspace: open it from the link in its email.');
      }
      const invitation = await em.findOneByOrFail(WorkspaceInvitation, { tokenId: record.id });
      const workspace = await em.findOneOrFail(Workspace, { where: { id: payload.workspaceId }, lock: { mode: 'pessimistic_write' } });
      const twinning = await em.findOneByOrFail(Twinning, { id: workspace.twinningId });
      if (!PUBLIC_TWINNING_STATUSES.includes(twinning.status)) {
        throw BadInputError.field('token', `This workspace's twinning is ${twinning.status}, so it takes no new members.`);
      }
      let accountCreated = false;
      let member: User;
      if (user) {
        if (user.email.toLowerCase() !== record.email) {
          throw new ForbiddenError(
            'This invitation was sent to a different email address from the one you are signed in with. ' +
              'Sign in with the invited address (or sign out and accept to create an account), or ask a lead to invite this address.',
          );
        }
        member = await em.findOneByOrFail(User, { id: user.id });
      } else {
        const existing = await em.findOneBy(User, { email: record.email });
        if (existing) {
          throw BadInputError.field('token', `An account already exists for ${record.email}: sign in first, then accept the invitation.`);
        }
        member = await createInvitedAccount(em, record.email, input, passwordHash, this.clock.now());
        accountCreated = true;
      }
      const already = await em.findOneBy(WorkspaceMember, { workspaceId: workspace.id, userId: member.id });
      if (!already) {
        const represented = await this.representation(em, member.id, twinning, invitation.inviterCityId);
        const inserted = await em.insert(WorkspaceMember, {
          workspaceId: workspace.id,
          userId: member.id,
          role: payload.role,
          cityId: represented.cityId,
          organisationId: represented.organisationId,
        });
        await this.activity.record(em, {
          workspaceId: workspace.id,
          actor: member,
          verb: ActivityVerb.MEMBER_JOINED,
          objectType: ActivityObjectType.MEMBER,
          objectId: String(inserted.identifiers[0].id),
          objectLabel: { en: member.displayName, ko: member.displayName },
          details: { role: payload.role, via: 'invitation' },
        });
      }
      await em.update(WorkspaceInvitation, { id: invitation.id }, { acceptedAt: this.clock.now(), acceptedByUserId: member.id });
      return { workspaceId: workspace.id, email: member.email, role: already?.role ?? payload.role, accountCreated, joined: !already };
    });
  }

  /**
   * For the page an emailed invitation opens, where nobody is signed in: an
   * existing account proves itself with its password (counted like a sign-in).
   */
  async acceptInvitationWithPassword(token: string, password: string, ip: string): Promise<AcceptWorkspaceInvitationResult> {
    const id = token.split('.')[0];
    const record = isUuid(id) ? await this.dataSource.getRepository(OneTimeToken).findOneBy({ id }) : null;
    const account = await this.auth.verifyPassword(record?.email ?? 'unknown-invitation', password, ip);
    if (!record || !account || !account.emailConfirmedAt) {
      throw BadInputError.field('password', 'is not the password of the invited account. If you have forgotten it, reset it first.');
    }
    const user: AuthUser = {
      id: account.id,
      email: account.email,
      displayName: account.displayName,
      roles: [],
      language: lang(account.preferredLanguage),
      timeZone: account.timeZone,
    };
    return this.acceptInvitation(user, Object.assign(new AcceptWorkspaceInvitationInput(), { token }));
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
          throw new ConflictError('You are already a member of this workspace.');
        }
        this.requireOpen(twinning);
        const organisation = await this.organisationIn(em, user.id, [twinning.cityAId, twinning.cityBId]);
        if (!organisation) {
          const [cityA, cityB] = await citiesOfTwinning(em, twinning);
          throw new ForbiddenError(
            `Only officers and partners from organisations in ${cityA.nameEn} or ${cityB.nameEn} may ask to join this workspace. ` +
              'Ask an admin to add you to your organisation, or ask a lead to invite you.',
          );
        }
        if (await em.existsBy(WorkspaceJoinRequest, { workspaceId: workspace.id, userId: user.id, status: JoinRequestStatus.PENDING })) {
          throw new ConflictError('You already asked to join this workspace; a lead has not answered yet.');
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
          objectLabel: { en: user.displayName, ko: user.displayName },
        });
        await this.emailLeadsAboutRequest(em, workspace, twinning, request, user, organisation);
        return request;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'UQ_workspace_join_request_pending')) {
        throw new ConflictError('You already asked to join this workspace; a lead has not answered yet.');
      }
      throw error;
    }
  }

  async decideJoinRequest(user: AuthUser, input: DecideJoinRequestInput): Promise<WorkspaceJoinRequest> {
    const found = await this.dataSource.getRepository(WorkspaceJoinRequest).findOneBy({ id: input.id });
    if (!found) throw new NotFoundError('join request', input.id);
    if (input.approve && !input.role) throw BadInputError.field('role', 'is needed to approve: choose LEAD, MEMBER or OBSERVER.');
    return this.dataSource.transaction(async (em) => {
      const { workspace, twinning, access } = await this.lock(em, user, found.workspaceId, () => new NotFoundError('join request', input.id));
      this.requireLead(access, 'answer join requests');
      const request = await em.findOneByOrFail(WorkspaceJoinRequest, { id: input.id });
      if (request.status !== JoinRequestStatus.PENDING) {
        throw new ConflictError(`This request was already answered: it is ${request.status}.`, { status: request.status });
      }
      const now = this.clock.now();
      if (input.approve) {
        this.requireOpen(twinning);
        if (await em.existsBy(WorkspaceMember, { workspaceId: workspace.id, userId: request.userId })) {
          throw new ConflictError('This person has joined meanwhile (by invitation): decline the request, or change their role instead.');
        }
        await em
          .createQueryBuilder()
          .insert()
          .into(WorkspaceMember)
          .values({ workspaceId: workspace.id, userId: request.userId, role: input.role!, cityId: request.cityId, organisationId: request.organisationId })
          .execute();
      }
      const requester = await em.findOneByOrFail(User, { id: request.userId });
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
        objectLabel: { en: requester.displayName, ko: requester.displayName },
        details: joined ? { role: joined.role, via: 'request' } : {},
      });
      return request;
    });
  }

  // ---------- roles, removal, leaving ----------

  async changeRole(user: AuthUser, input: ChangeWorkspaceMemberRoleInput): Promise<WorkspaceMember> {
    return this.dataSource.transaction(async (em) => {
      const { workspace, access } = await this.lock(em, user, input.workspaceId);
      this.requireLead(access, "change members' roles");
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
      const { workspace, access } = await this.lock(em, user, input.workspaceId);
      this.requireLead(access, 'remove members');
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

  /**
   * Locks the workspace row (every membership change goes through here) and
   * checks the person may see it: members and admins; NOT_FOUND otherwise.
   */
  private async lock(em: EntityManager, user: AuthUser, workspaceId: string, notFound?: () => Error): Promise<Locked> {
    const workspace = isUuid(workspaceId) ? await em.findOne(Workspace, { where: { id: workspaceId }, lock: { mode: 'pessimistic_write' } }) : null;
    const access = workspace ? (await this.access.workspaceAccess(user, [workspace.id], em))[0] : null;
    if (!workspace || !access) throw notFound ? notFound() : new NotFoundError('workspace', workspaceId);
    const twinning = await em.findOneByOrFail(Twinning, { id: workspace.twinningId });
    return { workspace, twinning, access };
  }

  /** The acting lead's membership; FORBIDDEN for other members and admins (leads run membership). */
  /** FORBIDDEN unless the person leads the workspace (admins read, but leads run membership). */
  private requireLead(access: WorkspaceAccess, what: string): void {
    if (access.role === WorkspaceRole.LEAD) return;
    throw new ForbiddenError(
      access.admin && !access.role
        ? `Only the workspace's leads may ${what}; admins may read the workspace and change its twinning's status.`
        : `Only the workspace's leads may ${what}.`,
    );
  }

  private requireOpen(twinning: Twinning): void {
    if (!PUBLIC_TWINNING_STATUSES.includes(twinning.status)) {
      throw new ConflictError(`This workspace's twinning is ${twinning.status}, so it takes no new members.`, { status: twinning.status });
    }
  }

  private async memberOrNotFound(em: EntityManager, workspaceId: string, userId: string): Promise<WorkspaceMember> {
    const member = await em.findOneBy(WorkspaceMember, { workspaceId, userId });
    if (!member) throw new NotFoundError('member of this workspace with user id', userId);
    return member;
  }

  /** Every workspace keeps a lead from each city. The caller holds the workspace lock. */
  private async assertNotLastLead(em: EntityManager, member: WorkspaceMember, change: 'demoted' | 'removed' | 'leave', self = false): Promise<void> {
    const leads = await em.countBy(WorkspaceMember, { workspaceId: member.workspaceId, cityId: member.cityId, role: WorkspaceRole.LEAD });
    if (leads > 1) return;
    const city = await em.findOneByOrFail(City, { id: member.cityId });
    const who = self ? 'You are' : 'This member is';
    const cannot = self ? 'so you cannot leave' : `so they cannot be ${change}`;
    throw new ConflictError(
      `${who} the last lead from ${city.nameEn}, ${cannot}: every workspace keeps at least one lead from each city. ` +
        `Appoint another lead from ${city.nameEn} first.`,
      { cityId: city.id },
    );
  }

  /** Which of the pair's cities a new member represents: their organisation's, else the inviter's. */
  private async representation(em: EntityManager, userId: string, twinning: Twinning, fallbackCityId: string): Promise<{ cityId: string; organisationId: string | null }> {
    const orgs = await this.organisationsIn(em, userId, [twinning.cityAId, twinning.cityBId]);
    const org = orgs.find((o) => o.cityId === fallbackCityId) ?? orgs[0];
    return org ? { cityId: org.cityId, organisationId: org.id } : { cityId: fallbackCityId, organisationId: null };
  }

  private async organisationIn(em: EntityManager, userId: string, cityIds: string[]): Promise<Organisation | null> {
    return (await this.organisationsIn(em, userId, cityIds))[0] ?? null;
  }

  private organisationsIn(em: EntityManager, userId: string, cityIds: string[]): Promise<Organisation[]> {
    return em
      .createQueryBuilder(Organisation, 'o')
      .innerJoin(OrganisationMembership, 'm', 'm.organisation_id = o.id AND m.user_id = :userId', { userId })
      .where('o.city_id IN (:...cityIds)', { cityIds })
      .orderBy('o.kind')
      .addOrderBy('o.name_en')
      .getMany();
  }

  /** A member goes, and their digests with them. */
  private async deleteMember(em: EntityManager, member: WorkspaceMember): Promise<void> {
    await em.delete(WorkspaceMember, { id: member.id });
    await em.delete(WorkspaceFollow, { workspaceId: member.workspaceId, userId: member.userId });
  }

  private async nameOf(em: EntityManager, userId: string): Promise<{ en: string; ko: string }> {
    const { displayName } = await em.findOneByOrFail(User, { id: userId });
    return { en: displayName, ko: displayName };
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
    const leads = await em
      .createQueryBuilder(User, 'u')
      .innerJoin(WorkspaceMember, 'm', 'm.user_id = u.id AND m.workspace_id = :workspaceId AND m.role = :lead', { workspaceId: workspace.id, lead: WorkspaceRole.LEAD })
      .where('u.disabled_at IS NULL')
      .getMany();
    const [cityA, cityB] = await citiesOfTwinning(em, twinning);
    for (const lead of leads) {
      await this.outbox.enqueueEmail(em, {
        template: TwinningEmail.JOIN_REQUEST_RECEIVED,
        idempotencyKey: `workspace-join-request-received:${request.id}:${lead.id}`,
        to: { email: lead.email, userId: lead.id, language: lang(lead.preferredLanguage), timeZone: lead.timeZone },
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
