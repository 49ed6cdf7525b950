import { Body, Controller, Get, Header, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Allow, PASSWORD_HASH_COST, RequestCost, ServerPage, validateInput } from '@app/core';
import { formOf, messageOf, page, PAGE_CSS, redirectToLinkPage, signInLink } from './pages';
import { AuthService } from './auth.service';
import { InvitationService } from './invitation.service';
import { withParticle } from '@app/rules';
import { AcceptInvitationInput, ResetPasswordInput } from './dto/identity.inputs';

/**
 * The addresses emails linked to before the web app had pages for them: each
 * GET now opens the web app's page (LINK_PAGES), and each POST still answers
 * a form opened before, calling the same services as the GraphQL mutations.
 */
@Controller('account')
@Allow('PUBLIC')
@ServerPage()
export class AccountController {
  constructor(
    private readonly auth: AuthService,
    private readonly invitations: InvitationService,
  ) {}

  /** The stylesheet of every page here (and of the other pages made with page()). */
  @Get('page.css')
  @Header('Content-Type', 'text/css; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=3600')
  stylesheet(): string {
    return PAGE_CSS;
  }

  /**
   * Links in emails sent before the web app had these pages open the web
   * app's page instead (its button confirms; mail scanners that follow links
   * confirm nothing). The forms below answer pages opened before that.
   */
  @Get('confirm-email')
  confirmEmailForm(@Req() req: Request, @Res() res: Response): void {
    redirectToLinkPage(res, 'confirmEmail', req.originalUrl);
  }

  @Post('confirm-email')
  @Header('Content-Type', 'text/html; charset=utf-8')
  async confirmEmail(@Body() body: Record<string, string>, @Res() res: Response) {
    try {
      await this.auth.confirmEmail(String(body.token ?? ''));
      res.status(200).send(page('Email confirmed · 이메일 확인 완료', [
        'Your email address is confirmed. You can now sign in.',
        '이메일 주소가 확인되었습니다. 이제 로그인할 수 있습니다.',
      ], signInLink()));
    } catch (error) {
      res.status(400).send(page('Link not valid · 유효하지 않은 링크', [messageOf(error)]));
    }
  }

  @Get('reset-password')
  resetPasswordForm(@Req() req: Request, @Res() res: Response): void {
    redirectToLinkPage(res, 'resetPassword', req.originalUrl);
  }

  @Post('reset-password')
  @RequestCost(PASSWORD_HASH_COST)
  @Header('Content-Type', 'text/html; charset=utf-8')
  async resetPassword(@Body() body: Record<string, string>, @Res() res: Response) {
    let input: ResetPasswordInput;
    try {
      input = await validateInput(ResetPasswordInput, { token: String(body.token ?? ''), newPassword: String(body.newPassword ?? '') });
    } catch (error) {
      res.status(400).send(page('Try again · 다시 시도', [messageOf(error)]));
      return;
    }
    try {
      await this.auth.resetPassword(input.token, input.newPassword);
      res.status(200).send(page('Password changed · 비밀번호 변경 완료', [
        'Your password is changed. Sign in with the new one.',
        '비밀번호가 변경되었습니다. 새 비밀번호로 로그인하세요.',
      ], signInLink()));
    } catch (error) {
      res.status(400).send(page('Link not valid · 유효하지 않은 링크', [messageOf(error)]));
    }
  }

  @Get('forgot-password')
  forgotPasswordForm(@Req() req: Request, @Res() res: Response): void {
    redirectToLinkPage(res, 'forgotPassword', req.originalUrl);
  }

  @Post('forgot-password')
  @Header('Content-Type', 'text/html; charset=utf-8')
  async forgotPassword(@Body() body: Record<string, string>): Promise<string> {
    const email = String(body.email ?? '').trim();
    if (/^[^@\s]+@[^@\s]+$/.test(email)) await this.auth.requestPasswordReset(email);
    return page('Check your inbox · 메일함을 확인하세요', [
      'If that address has an account, a link to reset the password is on its way.',
      '해당 주소로 된 계정이 있으면 비밀번호 재설정 링크를 보내 드렸습니다.',
    ]);
  }

  @Get('accept-invitation')
  acceptInvitationForm(@Req() req: Request, @Res() res: Response): void {
    redirectToLinkPage(res, 'acceptInvitation', req.originalUrl);
  }

  @Post('accept-invitation')
  @RequestCost(PASSWORD_HASH_COST)
  @Header('Content-Type', 'text/html; charset=utf-8')
  async acceptInvitation(@Body() body: Record<string, string>, @Res() res: Response) {
    try {
      const result = await this.invitations.accept(await validateInput(AcceptInvitationInput, formOf(body)));
      res.status(200).send(page('Welcome · 환영합니다', [
        `${result.accountCreated ? 'Your account is ready' : 'Your account is updated'}: sign in as ${result.email}.`,
        `${result.accountCreated ? '계정이 만들어졌습니다' : '계정이 업데이트되었습니다'}. ${withParticle(result.email, '으로/로')} 로그인하세요.`,
      ], signInLink()));
    } catch (error) {
      res.status(400).send(page('Could not accept · 수락할 수 없음', [messageOf(error)]));
    }
  }
}
