import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig, AuthUser, BadInputError, Clock, ConflictError, Connection, ForbiddenError, isUuid, NotFoundError, PageArgs, pageOfOwner, RequestContext } from '@app/core';
import { cityWithCountry } from '@app/cities';
import { AuthService, createInvitedAccount, issueInvitationToken, lang, linkPageUrl, nameIn, oneTimeTokenById, OneTimeTokenService, organisationsOfUserIn, PasswordHasher, TokenPurpose, User, userByEmail, userById } from '@app/identity';
import { OutboxService } from '@app/notifications';
import { AcceptWorkspaceInvitationInput, type InviteToWorkspaceInput, type WorkspaceInvitationFilter } from './dto/twinning.inputs';
import type { AcceptWorkspaceInvitationResult } from './dto/twinning.outputs';
import { TwinningEmail } from './emails/twinning.emails';
import { PUBLIC_TWINNING_STATUSES, Twinning } from './entities/twinning.entity';
import { WorkspaceInvitation, WorkspaceInvitationStatus } from './entities/workspace-invitation.entity';
import { WorkspaceMember, WorkspaceRole } from './entities/workspace-member.entity';
import { Workspace } from './entities/workspace.entity';
import { ActivityObjectType, ActivityVerb } from './feed/workspace-activity.entity';
import { ActivityService } from './feed/activity.service';
import { lockWorkspace, noNewMembers, requireLead, requireOpen } from './membership-rules';
import { citiesOfTwinning, cityNames } from './twinning-cities';
import { TwinningAccessService } from './twinning-access.service';
import { ANSWER_STATUS_KO } from './twinning-words';

/** What a workspace invitation token carries (identity refuses every kind but 'platform' in its own flow). */
export interface WorkspaceInvitationPayload {
  kind: 'workspace';
  workspaceId: string;
  role: WorkspaceRole;
}

/**
 * Invitations to twin workspaces: a lead invites by email, the link works once
 * (signed in, as a new account, or with an existing account's password), and a
 * lead may withdraw it while it waits. Changes lock the workspace row first, as
 * every membership change does (membership-rules.ts).
 */
@Injectable()
export class WorkspaceInvitationsService {
  constructor(
    @Inject(AppConfig) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly outbox: OutboxService,
    private readonly tokens: OneTimeTokenService,
    private readonly hasher: PasswordHasher,
    private readonly auth: AuthService,
    private readonly access: TwinningAccessService,
    private readonly activity: ActivityService,
  ) {}

  // ---------- reads (callers have checked access) ----------

  /** Newest first; `pending` keeps only those still waiting to be accepted. Every workspace of the request at once. */
  invitations(ctx: RequestContext, workspaceId: string, page: PageArgs, filter: WorkspaceInvitationFilter = {}): Promise<Connection<WorkspaceInvitation>> {
    return pageOfOwner(ctx, {
      key: 'twinning.invitations',
      filter: { pending: filter.pending },
      rows: (workspaceIds) => {
        const query = this.dataSource.getRepository(WorkspaceInvitation).createQueryBuilder('i').where('i.workspace_id IN (:...workspaceIds)', { workspaceIds });
        if (filter.pending) query.andWhere('i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > :now', { now: this.clock.now() });
        return query;
      },
      owner: { expression: 'i.workspace_id', of: (i) => i.workspaceId },
      sort: { expression: 'i.created_at', direction: 'DESC', valueOf: (i) => i.createdAt.toISOString(), cast: 'timestamptz', notNull: true },
    }, workspaceId, page);
  }

  invitationStatus(invitation: WorkspaceInvitation): WorkspaceInvitationStatus {
    if (invitation.acceptedAt) return WorkspaceInvitationStatus.ACCEPTED;
    if (invitation.revokedAt) return WorkspaceInvitationStatus.REVOKED;
    if (invitation.expiresAt <= this.clock.now()) return WorkspaceInvitationStatus.EXPIRED;
    return WorkspaceInvitationStatus.PENDING;
  }

  // ---------- changes ----------

  async invite(user: AuthUser, input: InviteToWorkspaceInput): Promise<WorkspaceInvitation> {
    const email = input.email.toLowerCase();
    return this.dataSource.transaction(async (em) => {
      const { workspace, twinning, access } = await lockWorkspace(em, this.access, user, input.workspaceId);
      requireLead(access, { en: 'invite people', ko: '사람을 초대할' });
      const inviter = await em.findOneByOrFail(WorkspaceMember, { workspaceId: workspace.id, userId: user.id });
      requireOpen(twinning);
      const existing = await userByEmail(em, email);
      if (existing && (await em.existsBy(WorkspaceMember, { workspaceId: workspace.id, userId: existing.id }))) {
        throw BadInputError.field('email', { en: 'belongs to someone who is already a member of this workspace.', ko: '이미 이 워크스페이스의 멤버인 사람의 주소입니다.' });
      }
      const payload: WorkspaceInvitationPayload = { kind: 'workspace', workspaceId: workspace.id, role: input.role };
      const { token, record } = await issueInvitationToken(em, this.tokens, this.config, { email, invitee: existing, payload, invitedByUserId: user.id });
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
      const { country } = await cityWithCountry(em, inviter.cityId);
      const [cityA, cityB] = await citiesOfTwinning(em, twinning);
      const language = existing ? lang(existing.preferredLanguage) : lang(country.defaultLanguage);
      await this.outbox.enqueueEmail(em, {
        template: TwinningEmail.WORKSPACE_INVITATION,
        idempotencyKey: `workspace-invitation:${invitation.id}`,
        to: { email, userId: existing?.id ?? null, language, timeZone: existing?.timeZone ?? country.timeZone },
        data: {
          invitedBy: user.displayName,
          cityA: cityNames(cityA),
          cityB: cityNames(cityB),
          role: input.role,
          url: linkPageUrl(this.config, 'joinWorkspace', token, language),
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
      const { workspace, access } = await lockWorkspace(em, this.access, user, found.workspaceId, () => new NotFoundError('invitation', id));
      requireLead(access, { en: 'withdraw invitations', ko: '초대를 취소할' });
      const invitation = await em.findOneByOrFail(WorkspaceInvitation, { id });
      const status = this.invitationStatus(invitation);
      if (status !== WorkspaceInvitationStatus.PENDING) {
        throw new ConflictError(
          { en: `Only a pending invitation can be withdrawn; this one is ${status}.`, ko: `대기 중인 초대만 취소할 수 있습니다. 이 초대는 ‘${ANSWER_STATUS_KO[status]}’ 상태입니다.` },
          { status },
        );
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
        throw BadInputError.field('token', {
          en: 'This is not an invitation to a twin workspace: open it from the link in its email.',
          ko: '트윈 워크스페이스 초대가 아닙니다. 초대 이메일의 링크로 열어 주세요.',
        });
      }
      const invitation = await em.findOneByOrFail(WorkspaceInvitation, { tokenId: record.id });
      const workspace = await em.findOneOrFail(Workspace, { where: { id: payload.workspaceId }, lock: { mode: 'pessimistic_write' } });
      const twinning = await em.findOneByOrFail(Twinning, { id: workspace.twinningId });
      if (!PUBLIC_TWINNING_STATUSES.includes(twinning.status)) {
        throw BadInputError.field('token', noNewMembers(twinning.status));
      }
      let accountCreated = false;
      let member: User;
      if (user) {
        if (user.email.toLowerCase() !== record.email) {
          throw new ForbiddenError({
            en:
              'This invitation was sent to a different email address from the one you are signed in with. ' +
              'Sign in with the invited address (or sign out and accept to create an account), or ask a lead to invite this address.',
            ko:
              '이 초대는 지금 로그인한 이메일 주소와 다른 주소로 보낸 것입니다. ' +
              '초대받은 주소로 로그인하거나(또는 로그아웃한 뒤 수락해 계정을 만들거나), 리더에게 이 주소로 초대해 달라고 요청하세요.',
          });
        }
        member = (await userById(em, user.id))!;
      } else {
        const existing = await userByEmail(em, record.email);
        if (existing) {
          throw BadInputError.field('token', {
            en: `An account already exists for ${record.email}: sign in first, then accept the invitation.`,
            ko: `${record.email} 주소의 계정이 이미 있습니다. 먼저 로그인한 뒤 초대를 수락하세요.`,
          });
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
          objectLabel: { en: nameIn(member, 'en'), ko: nameIn(member, 'ko') },
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
    const record = await oneTimeTokenById(this.dataSource.manager, id);
    const account = await this.auth.verifyPassword(record?.email ?? 'unknown-invitation', password, ip);
    if (!record || !account || !account.emailConfirmedAt) {
      throw BadInputError.field('password', {
        en: 'is not the password of the invited account. If you have forgotten it, reset it first.',
        ko: '초대받은 계정의 비밀번호가 아닙니다. 비밀번호를 잊었다면 먼저 재설정하세요.',
      });
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

  // ---------- helpers ----------

  /** Which of the pair's cities a new member represents: their organisation's, else the inviter's. */
  private async representation(em: EntityManager, userId: string, twinning: Twinning, fallbackCityId: string): Promise<{ cityId: string; organisationId: string | null }> {
    const orgs = await organisationsOfUserIn(em, userId, [twinning.cityAId, twinning.cityBId]);
    const org = orgs.find((o) => o.cityId === fallbackCityId) ?? orgs[0];
    return org ? { cityId: org.cityId, organisationId: org.id } : { cityId: fallbackCityId, organisationId: null };
  }
}
