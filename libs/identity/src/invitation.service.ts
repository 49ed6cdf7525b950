import { Inject, Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { AppConfig, AuthUser, BadInputError, Clock, Role, words } from '@app/core';
import { OutboxService, PLATFORM_NAME } from '@app/notifications';
import type { AcceptInvitationInput, InviteUserInput } from './dto/identity.inputs';
import { IdentityEmail } from './emails/identity.emails';
import { TokenPurpose } from './entities/one-time-token.entity';
import { OrganisationMembership } from './entities/organisation-membership.entity';
import { Session } from './entities/session.entity';
import { User } from './entities/user.entity';
import { createInvitedAccount, issueInvitationToken } from './invited-account';
import { lang } from './lang';
import { OneTimeTokenService } from './one-time-token.service';
import { OrganisationsService } from './organisations.service';
import { linkPageUrl } from './pages';
import { PasswordHasher } from './password-hasher';
import { UsersService } from './users.service';

interface PlatformInvitation {
  kind: 'platform';
  roles: Role[];
  organisationId?: string;
}

/**
 * Admins invite people by email. Accepting creates an account already
 * confirmed (the link proved the address) or, for an existing account,
 * grants what the invitation carries.
 */
@Injectable()
export class InvitationService {
  constructor(
    @Inject(AppConfig) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly tokens: OneTimeTokenService,
    private readonly outbox: OutboxService,
    private readonly hasher: PasswordHasher,
    private readonly users: UsersService,
    private readonly organisations: OrganisationsService,
  ) {}

  async invite(by: AuthUser, input: InviteUserInput): Promise<void> {
    if (input.organisationId) await this.organisations.get(input.organisationId);
    const email = input.email.toLowerCase();
    await this.dataSource.transaction(async (em) => {
      const existing = await em.findOneBy(User, { email });
      const payload: PlatformInvitation = { kind: 'platform', roles: input.roles, organisationId: input.organisationId };
      const { token, record } = await issueInvitationToken(em, this.tokens, this.config, { email, invitee: existing, payload, invitedByUserId: by.id });
      const language = existing ? lang(existing.preferredLanguage) : (input.language ?? 'en');
      await this.outbox.enqueueEmail(em, {
        template: IdentityEmail.INVITATION,
        idempotencyKey: `invitation:${record.id}`,
        to: { email, userId: existing?.id ?? null, language, timeZone: existing?.timeZone ?? 'Europe/London' },
        data: {
          invitedBy: by.displayName,
          what: { en: `to join the ${PLATFORM_NAME.en} platform`, ko: `${PLATFORM_NAME.ko} 플랫폼에` },
          url: linkPageUrl(this.config, 'acceptInvitation', token, language),
          expiresAt: record.expiresAt.toISOString(),
        },
      });
    });
  }

  async accept(input: AcceptInvitationInput): Promise<{ email: string; accountCreated: boolean }> {
    // Anyone may post a token: a link that is not current is refused before the costly hash (see resetPassword).
    if (input.password) await this.tokens.check(this.dataSource.manager, TokenPurpose.INVITATION, input.token);
    const passwordHash = input.password ? await this.hasher.hash(input.password) : null;
    return this.dataSource.transaction(async (em) => {
      const record = await this.tokens.consume(em, TokenPurpose.INVITATION, input.token);
      const payload = record.payload as unknown as PlatformInvitation;
      if (payload.kind !== 'platform') {
        // Other contexts (twin workspaces) issue invitations with the same token mechanism and accept them themselves.
        throw BadInputError.field(
          'token',
          words(
            'This invitation is not for the platform itself: open it from the link in its email.',
            '이 초대는 플랫폼 자체에 대한 초대가 아닙니다. 초대 이메일에 있는 링크로 열어 주세요.',
          ),
        );
      }
      let user = await em.findOneBy(User, { email: record.email });
      const accountCreated = !user;
      if (!user) {
        user = await createInvitedAccount(em, record.email, input, passwordHash, this.clock.now());
      } else if (!user.emailConfirmedAt) {
        // Nobody has proved this address before: whoever signed up with it may not be its owner.
        // The invitation proves it now, so its owner sets the password and any earlier sessions end.
        if (!passwordHash) throw BadInputError.field('password', words('is needed: choose the password for your account.', '계정에 쓸 비밀번호를 정해 주세요.'));
        const now = this.clock.now();
        await em.update(User, { id: user.id }, { emailConfirmedAt: now, passwordHash, displayName: input.displayName ?? user.displayName });
        await em.update(Session, { userId: user.id, revokedAt: IsNull() }, { revokedAt: now, revokedReason: 'password-changed' });
      }
      for (const role of payload.roles ?? []) await this.users.grantRole(em, user.id, role, record.createdByUserId);
      if (payload.organisationId) {
        await em
          .createQueryBuilder()
          .insert()
          .into(OrganisationMembership)
          .values({ userId: user.id, organisationId: payload.organisationId })
          .orIgnore()
          .execute();
      }
      return { email: user.email, accountCreated };
    });
  }
}
