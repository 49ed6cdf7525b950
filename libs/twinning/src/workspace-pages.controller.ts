import { Body, Controller, Get, Header, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Allow, PASSWORD_HASH_COST, RequestCost, ServerPage, validateInput } from '@app/core';
import { formOf, messageOf, page, redirectToLinkPage, signInLink } from '@app/identity';
import { withParticle } from '@app/rules';
import { AcceptWorkspaceInvitationInput } from './dto/twinning.inputs';
import { DigestService } from './feed/digest.service';
import { WorkspaceInvitationsService } from './workspace-invitations.service';

/**
 * The addresses workspace emails linked to before the web app had pages for
 * them: each GET opens the web app's page (LINK_PAGES); each POST still
 * answers a form opened before, and a mail client's one-click unsubscribe.
 */
@Controller('workspaces')
@Allow('PUBLIC')
@ServerPage()
export class WorkspacePagesController {
  constructor(
    private readonly invitations: WorkspaceInvitationsService,
    private readonly digests: DigestService,
  ) {}

  /** A digest's unsubscribe link from before the web app had its page: the page, whose one button unsubscribes (link scanners unsubscribe nobody). */
  @Get('unsubscribe')
  unsubscribeForm(@Req() req: Request, @Res() res: Response): void {
    redirectToLinkPage(res, 'stopWorkspaceDigest', req.originalUrl);
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

  /** An invitation's link from before the web app had its page: the page, which recognises who is signed in. */
  @Get('accept-invitation')
  form(@Req() req: Request, @Res() res: Response): void {
    redirectToLinkPage(res, 'joinWorkspace', req.originalUrl);
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
