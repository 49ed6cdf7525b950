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
      useFactory: (config: AppConfig) => ({ secret: config.JWT_SECRET, signOptions: { algorithm: 'HS256' } }),
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
