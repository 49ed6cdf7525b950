import { Controller, Inject, Logger, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Allow, AppConfig, AppError, ErrorCode, errorsBody, requestLanguage, words, type Words } from '@app/core';
import { AuthService } from './auth.service';
import { clearRefreshCookie, refreshCookieOf, setRefreshCookie } from './session-cookie';
import { UsersService } from './users.service';

/**
 * The web app's session, kept in an httpOnly cookie (see session-cookie.ts):
 * - POST /auth/refresh trades the cookie's refresh token for an access token,
 *   the signed-in user and the next refresh token, which goes back only in
 *   the cookie (never in the body, so script in the page can never read it);
 * - POST /auth/sign-out ends the cookie's session and clears the cookie.
 * Both refuse what a cross-site page could send (see crossSiteProblem).
 * Clients that are not browsers use signIn { refreshToken } and refreshSession.
 */
@Controller('auth')
@Allow('PUBLIC')
export class SessionController {
  private readonly logger = new Logger(SessionController.name);

  constructor(
    @Inject(AppConfig) private readonly config: AppConfig,
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  @Post('refresh')
  async refresh(@Req() req: Request, @Res() res: Response): Promise<void> {
    res.setHeader('Cache-Control', 'no-store');
    if (refuseCrossSite(req, res, this.config)) return;
    const refreshToken = refreshCookieOf(req);
    if (!refreshToken) {
      refuse(req, res, 401, new AppError(ErrorCode.UNAUTHENTICATED, words('You are not signed in on this device. Sign in.', '이 기기에서는 로그인되어 있지 않습니다. 로그인해 주세요.')));
      return;
    }
    let tokens;
    try {
      tokens = await this.auth.refresh(refreshToken);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      // Ended, expired, reused or not a token at all: the cookie is no use any more.
      clearRefreshCookie(res, this.config);
      refuse(req, res, 401, error.code === ErrorCode.UNAUTHENTICATED ? error : new AppError(ErrorCode.UNAUTHENTICATED, SESSION_ENDED));
      return;
    }
    setRefreshCookie(res, this.config, tokens);
    const user = (await this.users.loadAuthUser(tokens.user.id, tokens.sessionId))!; // refresh() has just checked the session and the account
    res.status(200).json({
      accessToken: tokens.accessToken,
      accessTokenExpiresAt: tokens.accessTokenExpiresAt.toISOString(),
      refreshTokenExpiresAt: tokens.refreshTokenExpiresAt.toISOString(),
      user: {
        id: user.id,
        email: user.email,
        displayName: user.displayName,
        preferredLanguage: user.language,
        timeZone: user.timeZone,
        roles: user.roles,
      },
    });
  }

  @Post('sign-out')
  async signOut(@Req() req: Request, @Res() res: Response): Promise<void> {
    res.setHeader('Cache-Control', 'no-store');
    if (refuseCrossSite(req, res, this.config)) return;
    const refreshToken = refreshCookieOf(req);
    if (refreshToken) {
      try {
        await this.auth.signOutWithRefreshToken(refreshToken);
      } catch (error) {
        // The session could not be ended (the database is away): the cookie stays, so signing out again can finish it.
        this.logger.error(`Sign-out failed: ${(error as Error).message}`);
        refuse(
          req,
          res,
          503,
          new AppError(
            ErrorCode.INTERNAL_SERVER_ERROR,
            words('Your session could not be ended just now. Try signing out again in a moment.', '지금은 로그인을 끝낼 수 없습니다. 잠시 뒤에 다시 로그아웃해 주세요.'),
          ),
        );
        return;
      }
    }
    clearRefreshCookie(res, this.config);
    res.status(200).json({ ok: true, message: SIGNED_OUT[requestLanguage(req.headers['accept-language'])] });
  }
}

const SESSION_ENDED: Words = words('Your session has ended. Sign in again.', '로그인이 끝났습니다. 다시 로그인해 주세요.');
const SIGNED_OUT: Words = words('You are signed out.', '로그아웃했습니다.');

/**
 * A refusal the way GraphQL answers one: `errors[0].extensions.code` and a
 * message a person can act on, in the language the request asks for.
 */
function refuse(req: Request, res: Response, status: number, error: AppError): void {
  res.status(status).json(errorsBody(error, requestLanguage(req.headers['accept-language'])));
}

/**
 * Cross-site request forgery: the cookie is SameSite=Strict, so browsers do
 * not send it with requests other sites start. Beyond that, only what the web
 * app itself sends is taken:
 * - a JSON body (content-type: application/json): an HTML form cannot send
 *   one, and script on another site that tries must first ask permission
 *   (a CORS preflight), which this API never grants;
 * - when the browser says where the request comes from (Origin,
 *   Sec-Fetch-Site), it must be this site.
 */
function refuseCrossSite(req: Request, res: Response, config: AppConfig): boolean {
  if (!/^application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? '')) {
    refuse(
      req,
      res,
      415,
      new AppError(
        ErrorCode.BAD_USER_INPUT,
        words('Send this request with content-type: application/json, as the web app does.', '웹 앱처럼 content-type: application/json으로 요청을 보내 주세요.'),
      ),
    );
    return true;
  }
  const origin = req.headers.origin;
  const site = req.headers['sec-fetch-site'];
  if ((origin !== undefined && !isThisSite(origin, req, config)) || (site !== undefined && site !== 'same-origin')) {
    refuse(
      req,
      res,
      403,
      new AppError(
        ErrorCode.FORBIDDEN,
        words('This request came from another site, so it was refused. Use the Innovation Twins web app.', '다른 사이트에서 온 요청이라 받지 않았습니다. 이노베이션 트윈스 웹 앱을 이용해 주세요.'),
      ),
    );
    return true;
  }
  return false;
}

/** PUBLIC_URL's origin, or the address the request was sent to (the web app's development server forwards to the API). */
function isThisSite(origin: string, req: Request, config: AppConfig): boolean {
  if (origin === new URL(config.PUBLIC_URL).origin) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false; // "null" (a sandboxed frame, a file) or garbage
  }
}
