import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Allow, inLanguage, type RequestContext, type Words } from '@app/core';
import { TokenPurpose } from '../entities/one-time-token.entity';
import { User } from '../entities/user.entity';
import { LinkState } from '../one-time-token.service';

registerEnumType(LinkState, {
  name: 'LinkState',
  description: 'Where an emailed link stands. Anything but VALID is also the `reason` of a refusal to use it.',
});

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

@ObjectType({ description: "What an emailed link is for and where it stands, read without using it (the page it opens shows this before its button is pressed)." })
@Allow('PUBLIC')
export class EmailedLink {
  @Field(() => TokenPurpose) purpose: TokenPurpose;
  @Field(() => LinkState) state: LinkState;
  @Field({ description: 'The address the link was sent to.' }) email: string;
  @Field() expiresAt: Date;
  @Field({ description: 'Whether the address has an account (an invitation asks a newcomer for a name and password, anyone else to sign in).' })
  hasAccount: boolean;
  @Field(() => String, { nullable: true, description: "An invitation's kind: 'platform' (roles, an organisation) or 'workspace' (a twin workspace)." })
  invitationKind: string | null;
  /** The token's payload, for the other libs' fields (a workspace invitation's workspace and role). */
  payload: Record<string, unknown>;
}
