import { Body, Controller, Get, Header, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Allow, PASSWORD_HASH_COST, RequestCost, ServerPage, validateInput } from '@app/core';
import { formOf, messageOf, page, signInLink } from '@app/identity';
import { escapeHtml } from '@app/notifications';
import { withParticle } from '@app/rules';
import { AcceptWorkspaceInvitationInput } from './dto/twinning.inputs';
import { DigestService } from './feed/digest.service';
import { WorkspaceInvitationsService } from './workspace-invitations.service';

/**
 * The page a workspace invitation email opens, in both languages: a new
 * person creates their account by accepting; someone with an account enters
 * its password. Signed-in clients use the acceptWorkspaceInvitation mutation.
 */
@Controller('workspaces')
@Allow('PUBLIC')
@ServerPage()
export class WorkspacePagesController {
  constructor(
    private readonly invitations: WorkspaceInvitationsService,
    private readonly digests: DigestService,
  ) {}

  /** A digest's unsubscribe link: a page with one button (so link scanners unsubscribe nobody). */
  @Get('unsubscribe')
  @Header('Content-Type', 'text/html; charset=utf-8')
  unsubscribeForm(@Query('token') token: string | undefined): string {
    return page('Stop the workspace digest · 워크스페이스 요약 메일 그만 받기', [
      'You will no longer receive email digests of this workspace. You stay a member, and can follow it again at any time.',
      '이 워크스페이스의 요약 메일을 더 이상 받지 않습니다. 멤버 자격은 그대로이며 언제든 다시 구독할 수 있습니다.',
    ], `
<form method="post" action="unsubscribe">
  <input type="hidden" name="token" value="${escapeHtml(token ?? '')}">
  <p><button type="submit">Unsubscribe · 구독 해지</button></p>
</form>`);
  }

  /** The button above, and mail clients' one-click unsubscribe (RFC 8058: POST with the token in the URL). */
  @Post('unsubscribe')
  @Header('Content-Type', 'text/html; charset=utf-8')
  async unsubscribe(@Query('token') queryToken: string | undefined, @Body() body: Record<string, string> | undefined, @Res() res: Response) {
    const token = String(body?.token ?? queryToken ?? '');
    if (!(await this.digests.unsubscribe(token))) {
      res.status(400).send(page('Link not recognised · 알 수 없는 링크', [
        'This unsubscribe link is not valid. Open it from the digest email, or stop following the workspace from its page.',
        '유효하지 않은 링크입니다. 요약 메일의 링크를 사용하거나 워크스페이스 페이지에서 구독을 해지하세요.',
      ]));
      return;
    }
    res.status(200).send(page('Unsubscribed · 구독 해지됨', [
      'You will receive no more digests of this workspace.',
      '이 워크스페이스의 요약 메일은 더 이상 발송되지 않습니다.',
    ]));
  }

  @Get('accept-invitation')
  @Header('Content-Type', 'text/html; charset=utf-8')
  form(@Query('token') token: string | undefined): string {
    return page('Join the twin workspace · 트윈 워크스페이스 참여', [
      'New here? Enter your name and choose a password. Already have an account? Enter its password only.',
      '처음이시면 이름과 새 비밀번호를, 이미 계정이 있으면 그 비밀번호만 입력하세요.',
    ], `
<form method="post" action="accept-invitation">
  <input type="hidden" name="token" value="${escapeHtml(token ?? '')}">
  <label>Your name · 이름<br><input name="displayName" maxlength="100"></label><br>
  <label>Password · 비밀번호<br><input type="password" name="password" minlength="10" maxlength="200" required></label><br>
  <label>Language · 언어 <select name="preferredLanguage"><option value="en">English</option><option value="ko">한국어</option></select></label>
  <p><button type="submit">Join · 참여</button></p>
</form>`);
  }

  @Post('accept-invitation')
  @RequestCost(PASSWORD_HASH_COST)
  @Header('Content-Type', 'text/html; charset=utf-8')
  async accept(@Body() body: Record<string, string>, @Req() req: Request, @Res() res: Response) {
    try {
      const input = await validateInput(AcceptWorkspaceInvitationInput, formOf(body));
      // A name means a new account; a password alone is an existing account proving itself.
      const result = input.displayName
        ? await this.invitations.acceptInvitation(null, input)
        : await this.invitations.acceptInvitationWithPassword(input.token, input.password ?? '', req.ip ?? 'unknown');
      res.status(200).send(page('Welcome to the workspace · 워크스페이스에 오신 것을 환영합니다', [
        `${result.accountCreated ? 'Your account is ready and you' : 'You'} joined as ${result.role.toLowerCase()}. Sign in as ${result.email}.`,
        `${withParticle(result.email, '으로/로')} 로그인하세요.`,
      ], signInLink(`/workspaces/${result.workspaceId}`)));
    } catch (error) {
      res.status(400).send(page('Could not join · 참여할 수 없음', [messageOf(error)]));
    }
  }
}
