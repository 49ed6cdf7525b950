import { Inject } from '@nestjs/common';
import { Info, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Request } from 'express';
import type { GraphQLResolveInfo } from 'graphql';
import { Allow, AppConfig, Args, Ctx, PASSWORD_HASH_COST, RequestContext, words } from '@app/core';
import { AuthService, Tokens } from './auth.service';
import {
  ChangePasswordInput,
  RefreshSessionInput,
  RequestPasswordResetInput,
  ResendEmailConfirmationInput,
  ResetPasswordInput,
  SignInInput,
  SignUpInput,
  TokenInput,
} from './dto/identity.inputs';
import { Acknowledgement, acknowledge, AuthPayload, EmailedLink } from './dto/identity.outputs';
import { clearRefreshCookie, selects, setRefreshCookie } from './session-cookie';
import { UsersService } from './users.service';

/** The GraphQL context as Apollo's Express integration fills it: Express's request, whose `res` is the response. */
type HttpContext = RequestContext & { req?: Request };

@Resolver()
export class AuthResolver {
  constructor(
    @Inject(AppConfig) private readonly config: AppConfig,
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  // Each password hash or check is priced at PASSWORD_HASH_COST (cost.ts): at most two fit in one request.
  @Mutation(() => Acknowledgement, { complexity: PASSWORD_HASH_COST, description: 'Create a basic account; a confirmation link is emailed.' })
  @Allow('PUBLIC')
  async signUp(@Args('input') input: SignUpInput, @Ctx() ctx: RequestContext): Promise<Acknowledgement> {
    await this.auth.signUp(input);
    return acknowledge(ctx, words('Check your inbox: we have sent a link to confirm your email address.', '받은편지함을 확인해 주세요. 이메일 주소를 확인할 링크를 보내 드렸습니다.'));
  }

  @Mutation(() => Acknowledgement, {
    description:
      'Email the confirmation link again, when the address has a sign-up waiting for it (or its owner, that the address has an account). ' +
      'The same answer for every address; links sent before keep working until they expire or one is used.',
  })
  @Allow('PUBLIC')
  async resendEmailConfirmation(@Args('input') input: ResendEmailConfirmationInput, @Ctx() ctx: RequestContext): Promise<Acknowledgement> {
    await this.auth.resendEmailConfirmation(input.email);
    return acknowledge(
      ctx,
      words(
        'If that address is waiting for its confirmation, a new link is on its way. The earlier links still work.',
        '그 주소가 확인을 기다리고 있다면 새 링크를 보내 드렸습니다. 먼저 받은 링크도 그대로 쓸 수 있습니다.',
      ),
    );
  }

  @Query(() => EmailedLink, {
    nullable: true,
    description: 'What an emailed link (its token) is for and where it stands, without using it; null for a token the platform never sent.',
  })
  @Allow('PUBLIC')
  emailedLink(@Args('token') token: string): Promise<EmailedLink | null> {
    return this.auth.emailedLink(token);
  }

  @Mutation(() => Acknowledgement, { description: 'Confirm an email address with the token from the emailed link.' })
  @Allow('PUBLIC')
  async confirmEmail(@Args('input') input: TokenInput, @Ctx() ctx: RequestContext): Promise<Acknowledgement> {
    await this.auth.confirmEmail(input.token);
    return acknowledge(ctx, words('Your email address is confirmed. You can now sign in.', '이메일 주소가 확인되었습니다. 이제 로그인할 수 있습니다.'));
  }

  @Mutation(() => AuthPayload, {
    complexity: PASSWORD_HASH_COST,
    description:
      'Sign in. A client that asks for `refreshToken` gets it in the answer. One that does not (the web app) gets it as an ' +
      'httpOnly cookie for /auth, which only POST /auth/refresh and POST /auth/sign-out read and which script in a page cannot see.',
  })
  @Allow('PUBLIC')
  async signIn(@Args('input') input: SignInInput, @Ctx() ctx: HttpContext, @Info() info: GraphQLResolveInfo) {
    const tokens = await this.auth.signIn(input.email, input.password, {
      ip: ctx.ip,
      userAgent: ctx.req?.headers['user-agent'],
    });
    if (!selects(info, 'refreshToken') && ctx.req?.res) setRefreshCookie(ctx.req.res, this.config, tokens);
    return this.actAs(ctx, tokens);
  }

  @Mutation(() => AuthPayload, { description: 'Exchange a refresh token for new tokens. Each refresh token works once.' })
  @Allow('PUBLIC')
  async refreshSession(@Args('input') input: RefreshSessionInput, @Ctx() ctx: RequestContext) {
    return this.actAs(ctx, await this.auth.refresh(input.refreshToken));
  }

  @Mutation(() => Acknowledgement, { description: 'End this session.' })
  @Allow('SIGNED_IN')
  async signOut(@Ctx() ctx: HttpContext): Promise<Acknowledgement> {
    await this.auth.signOut(ctx.user!.sessionId!);
    this.clearCookie(ctx);
    return acknowledge(ctx, words('You are signed out.', '로그아웃했습니다.'));
  }

  @Mutation(() => Acknowledgement, { description: 'End every session of yours, on every device.' })
  @Allow('SIGNED_IN')
  async signOutEverywhere(@Ctx() ctx: HttpContext): Promise<Acknowledgement> {
    await this.auth.signOut(ctx.user!.sessionId!, ctx.user!.id);
    this.clearCookie(ctx);
    return acknowledge(ctx, words('You are signed out everywhere.', '모든 기기에서 로그아웃했습니다.'));
  }

  @Mutation(() => Acknowledgement, { description: 'Email a password reset link, if the address has an account.' })
  @Allow('PUBLIC')
  async requestPasswordReset(@Args('input') input: RequestPasswordResetInput, @Ctx() ctx: RequestContext): Promise<Acknowledgement> {
    await this.auth.requestPasswordReset(input.email);
    return acknowledge(
      ctx,
      words('If that address has an account, a link to reset the password is on its way.', '그 주소로 만든 계정이 있다면 비밀번호 재설정 링크를 보내 드립니다.'),
    );
  }

  @Mutation(() => Acknowledgement, { complexity: PASSWORD_HASH_COST, description: 'Set a new password with the token from the emailed link; signs out everywhere.' })
  @Allow('PUBLIC')
  async resetPassword(@Args('input') input: ResetPasswordInput, @Ctx() ctx: RequestContext): Promise<Acknowledgement> {
    await this.auth.resetPassword(input.token, input.newPassword);
    return acknowledge(ctx, words('Your password is changed. Sign in with the new one.', '비밀번호를 바꿨습니다. 새 비밀번호로 로그인해 주세요.'));
  }

  // Checks the current password, then hashes the new one.
  @Mutation(() => Acknowledgement, { complexity: 2 * PASSWORD_HASH_COST, description: 'Change your password; signs out everywhere.' })
  @Allow('SIGNED_IN')
  async changePassword(@Args('input') input: ChangePasswordInput, @Ctx() ctx: HttpContext): Promise<Acknowledgement> {
    await this.auth.changePassword(ctx.user!.id, input.currentPassword, input.newPassword, ctx.ip);
    this.clearCookie(ctx);
    return acknowledge(ctx, words('Your password is changed. Sign in again with the new one.', '비밀번호를 바꿨습니다. 새 비밀번호로 다시 로그인해 주세요.'));
  }

  /** A browser's session cookie (if it has one) goes with the session it belongs to. */
  private clearCookie(ctx: HttpContext): void {
    if (ctx.req?.res) clearRefreshCookie(ctx.req.res, this.config);
  }

  /** The rest of this response is read as the person who just signed in (so `user { email }` answers). */
  private async actAs(ctx: RequestContext, tokens: Tokens): Promise<Tokens> {
    const sessionUser = await this.users.loadAuthUser(tokens.user.id, tokens.sessionId);
    if (sessionUser) ctx.user = sessionUser;
    return tokens;
  }
}
