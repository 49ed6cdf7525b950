import { Body, Controller, Get, Header, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Allow, PASSWORD_HASH_COST, RequestCost, ServerPage, validateInput } from '@app/core';
import { escapeHtml } from '@app/notifications';
import { formOf, messageOf, page, PAGE_CSS, signInLink } from './pages';
import { AuthService } from './auth.service';
import { InvitationService } from './invitation.service';
import { AcceptInvitationInput, ResetPasswordInput } from './dto/identity.inputs';
import { PASSWORD_RULE } from './dto/validators';
import { PASSWORD_LENGTH, withParticle } from '@app/rules';

/**
 * The pages the emailed links open. They work without the web app, in both
 * languages, and call the same services as the GraphQL mutations.
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

  /** The emailed link opens a page with a button: mail scanners that follow links confirm nothing. */
  @Get('confirm-email')
  @Header('Content-Type', 'text/html; charset=utf-8')
  confirmEmailForm(@Query('token') token: string | undefined): string {
    return page('Confirm your email address · 이메일 주소 확인', [], `
<form method="post" action="confirm-email">
  <input type="hidden" name="token" value="${escapeHtml(token ?? '')}">
  <p><button type="submit">Confirm · 확인</button></p>
</form>`);
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
  @Header('Content-Type', 'text/html; charset=utf-8')
  resetPasswordForm(@Query('token') token: string | undefined): string {
    return page('Choose a new password · 새 비밀번호', [], `
<form method="post" action="reset-password">
  <input type="hidden" name="token" value="${escapeHtml(token ?? '')}">
  <label>New password · 새 비밀번호 (${escapeHtml(PASSWORD_RULE.replace('must be ', ''))})<br>
  <input type="password" name="newPassword" minlength="${PASSWORD_LENGTH.min}" maxlength="${PASSWORD_LENGTH.max}" required autocomplete="new-password"></label>
  <p><button type="submit">Save · 저장</button></p>
</form>`);
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
  @Header('Content-Type', 'text/html; charset=utf-8')
  forgotPasswordForm(): string {
    return page('Forgot your password? · 비밀번호 찾기', [], `
<form method="post" action="forgot-password">
  <label>Email · 이메일<br><input type="email" name="email" required autocomplete="email"></label>
  <p><button type="submit">Send me a link · 링크 보내기</button></p>
</form>`);
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
  @Header('Content-Type', 'text/html; charset=utf-8')
  acceptInvitationForm(@Query('token') token: string | undefined): string {
    return page('Accept your invitation · 초대 수락', [
      'If you already have an account, leave the fields empty. · 이미 계정이 있으면 빈칸으로 두세요.',
    ], `
<form method="post" action="accept-invitation">
  <input type="hidden" name="token" value="${escapeHtml(token ?? '')}">
  <label>Your name · 이름<br><input name="displayName" maxlength="100"></label><br>
  <label>Password · 비밀번호<br><input type="password" name="password" minlength="${PASSWORD_LENGTH.min}" maxlength="${PASSWORD_LENGTH.max}" autocomplete="new-password"></label><br>
  <label>Language · 언어 <select name="preferredLanguage"><option value="en">English</option><option value="ko">한국어</option></select></label>
  <p><button type="submit">Accept · 수락</button></p>
</form>`);
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
