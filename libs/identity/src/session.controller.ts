import { Controller, Inject, Logger, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Allow, AppConfig, AppError, ErrorCode, errorsBody } from '@app/core';
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
      refuse(res, 401, ErrorCode.UNAUTHENTICATED, 'You are not signed in on this device. Sign in.');
      return;
    }
    let tokens;
    try {
      tokens = await this.auth.refresh(refreshToken);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      // Ended, expired, reused or not a token at all: the cookie is no use any more.
      clearRefreshCookie(res, this.config);
      refuse(res, 401, ErrorCode.UNAUTHENTICATED, error.code === ErrorCode.UNAUTHENTICATED ? error.message : 'Your session has ended. Sign in again.');
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
        refuse(res, 503, ErrorCode.INTERNAL_SERVER_ERROR, 'Your session could not be ended just now. Try signing out again in a moment.');
        return;
      }
    }
    clearRefreshCookie(res, this.config);
    res.status(200).json({ ok: true, message: 'You are signed out.' });
  }
}

/** A refusal the way GraphQL answers one: `errors[0].extensions.code` and a message a person can act on. */
function refuse(res: Response, status: number, code: ErrorCode, message: string): void {
  res.status(status).json(errorsBody(new AppError(code, message)));
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
    refuse(res, 415, ErrorCode.BAD_USER_INPUT, 'Send this request with content-type: application/json, as the web app does.');
    return true;
  }
  const origin = req.headers.origin;
  const site = req.headers['sec-fetch-site'];
  if ((origin !== undefined && !isThisSite(origin, req, config)) || (site !== undefined && site !== 'same-origin')) {
    refuse(res, 403, ErrorCode.FORBIDDEN, 'This request came from another site, so it was refused. Use the Innovation Twins web app.');
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
