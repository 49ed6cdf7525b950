import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { AppConfig, SessionResolver } from '@app/core';
import { CitiesModule } from '@app/cities';
import { AccountController } from './account.controller';
import { AccountRequestService } from './account-requests.worker';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { CityOfficerService } from './city-officer.service';
import { InvitationService } from './invitation.service';
import { OneTimeTokenService } from './one-time-token.service';
import { OrganisationRequestsResolver } from './organisation-requests.resolver';
import { OrganisationRequestsService } from './organisation-requests.service';
import { OrganisationMembershipsResolver, OrganisationsResolver } from './organisations.resolver';
import { OrganisationsService } from './organisations.service';
import { PasswordHasher } from './password-hasher';
import { SessionController } from './session.controller';
import { AccessTokenSessionResolver } from './session-resolver.impl';
import { SignInRateLimiter } from './sign-in-rate-limiter';
import { UsersResolver } from './users.resolver';
import { SessionFieldsResolver } from './session-fields.resolver';
import { UsersService } from './users.service';

@Module({
  imports: [
    CitiesModule,
    JwtModule.registerAsync({
      inject: [AppConfig],
      // A key object, made once: given the string, jsonwebtoken tries (and fails) to read it as a public key on
      // every verification, throwing and catching inside Node's crypto: a tenth of a signed-in request's CPU.
      useFactory: (config: AppConfig) => ({ secret: createSecretKey(Buffer.from(config.JWT_SECRET, 'utf8')), signOptions: { algorithm: 'HS256' } }),
    }),
  ],
  controllers: [AccountController, SessionController],
  providers: [
    AuthService,
    AccountRequestService,
    UsersService,
    OrganisationsService,
    OrganisationRequestsService,
    CityOfficerService,
    InvitationService,
    OneTimeTokenService,
    PasswordHasher,
    SignInRateLimiter,
    AuthResolver,
    UsersResolver,
    SessionFieldsResolver,
    OrganisationsResolver,
    OrganisationMembershipsResolver,
    OrganisationRequestsResolver,
    { provide: SessionResolver, useClass: AccessTokenSessionResolver },
  ],
  exports: [SessionResolver, UsersService, OrganisationsService, CityOfficerService, OneTimeTokenService, PasswordHasher, AuthService],
})
export class IdentityModule {}
