import { Field, ObjectType } from '@nestjs/graphql';
import { Allow, inLanguage, type RequestContext, type Words } from '@app/core';
import { User } from '../entities/user.entity';

@ObjectType({ description: 'What a sign-in or refresh gives: a short-lived access token and the next refresh token.' })
@Allow('PUBLIC')
export class AuthPayload {
  @Field({ description: 'Send as `Authorization: Bearer <token>`.' }) accessToken: string;
  @Field() accessTokenExpiresAt: Date;
  @Field({
    description:
      'Good for one refresh (refreshSession); each refresh returns the next. Given here only when asked for: a signIn that does not ask sets it as an httpOnly cookie instead.',
  })
  refreshToken: string;
  @Field() refreshTokenExpiresAt: Date;
  @Field(() => User) user: User;
}

@ObjectType({ description: 'The answer to a request whose outcome must not reveal whether an account exists.' })
@Allow('PUBLIC')
export class Acknowledgement {
  @Field() ok: boolean;
  @Field({ description: 'What happens next, for the person.' }) message: string;
}

/** An Acknowledgement saying `message` in the request's language. */
export function acknowledge(ctx: RequestContext, message: Words): Acknowledgement {
  return { ok: true, message: inLanguage(message, ctx.language) };
}

@ObjectType()
@Allow('PUBLIC')
export class AcceptInvitationResult {
  @Field() email: string;
  @Field({ description: 'True when accepting created a new account; otherwise an existing one was updated.' })
  accountCreated: boolean;
}
