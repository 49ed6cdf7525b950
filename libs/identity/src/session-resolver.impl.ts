import { Injectable } from '@nestjs/common';
import { AuthUser, SessionResolver, type Words } from '@app/core';
import { AuthService } from './auth.service';

@Injectable()
export class AccessTokenSessionResolver extends SessionResolver {
  constructor(private readonly auth: AuthService) {
    super();
  }

  resolve(accessToken: string): Promise<{ user: AuthUser | null; problem?: Words }> {
    return this.auth.resolveAccessToken(accessToken);
  }
}
