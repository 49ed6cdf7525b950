import { Controller, Get, Headers, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Allow, errorsBody, hasRole, isUuid, NotFoundError, requestLanguage, Role, SessionResolver, UnauthenticatedError } from '@app/core';
import { FundAuditService } from './audit.service';
import { Fund } from '../funds/fund.entity';
import { BoardService } from '../board/board.service';
import { DataSource } from 'typeorm';

/**
 * GET /funds/{id}/audit.csv with `Authorization: Bearer <access token>`: the
 * fund's audit log for admins (all of it) and the fund's board (without
 * drafts or the applications a member is conflicted on). Anyone else gets
 * 404, exactly as for a fund that does not exist. Refusals answer as GraphQL
 * does, in the caller's language (Accept-Language, else their account's).
 */
@Controller('funds')
@Allow('PUBLIC')
export class FundAuditController {
  constructor(
    private readonly sessions: SessionResolver,
    private readonly board: BoardService,
    private readonly audit: FundAuditService,
    private readonly dataSource: DataSource,
  ) {}

  @Get(':id/audit.csv')
  async csv(
    @Param('id') id: string,
    @Headers('authorization') authorization: string | undefined,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const token = authorization?.startsWith('Bearer ') ? authorization.slice('Bearer '.length).trim() : null;
    const { user } = token ? await this.sessions.resolve(token) : { user: null };
    const language = requestLanguage(acceptLanguage, user?.language);
    if (!user) {
      const signIn = new UnauthenticatedError({
        en: 'Sign in (send your access token as a Bearer token) to export the audit log.',
        ko: '감사 기록을 내려받으려면 로그인해 주세요(액세스 토큰을 Bearer 토큰으로 보내 주세요).',
      });
      res.status(401).json(errorsBody(signIn, language));
      return;
    }
    const fund = isUuid(id) ? await this.dataSource.getRepository(Fund).findOneBy({ id }) : null;
    const admin = hasRole(user, Role.ADMIN);
    const allowed = !!fund && (admin || (await this.board.fundsWhereMember(user.id)).includes(fund.id));
    if (!allowed) {
      res.status(404).json(errorsBody(new NotFoundError('fund', id), language));
      return;
    }
    // Board members get the log without drafts and without the applications they are conflicted on.
    const redaction = admin ? undefined : await this.board.auditRedaction(user.id, fund.id);
    res
      .status(200)
      .set({ 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="fund-${fund.id}-audit.csv"`, 'cache-control': 'no-store' })
      .send(await this.audit.csv(fund.id, { language, timeZone: user.timeZone }, redaction));
  }
}
