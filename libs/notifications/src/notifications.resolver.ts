import { ArgsType, Field, ID, InputType, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { IsEmail, IsEnum, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { DataSource } from 'typeorm';
import { Allow, Args, Ctx, PageArgs, Paginated, RequestContext, Role, says } from '@app/core';
import { OutboxMessage, OutboxStatus } from './entities/outbox-message.entity';
import { OutboxService } from './outbox.service';
import { testMessageTemplate } from './templates/test-message.template';

const OutboxMessageConnection = Paginated(OutboxMessage);

@InputType()
class SendTestEmailInput {
  @Field({ nullable: true, description: 'Defaults to your own address.' })
  @IsOptional()
  @IsEmail({}, says('must be an email address', '이메일 주소여야 합니다.'))
  to?: string;
}

@ObjectType()
@Allow(Role.ADMIN)
class SendTestEmailResult {
  @Field() queued: boolean;
  @Field() to: string;
}

@ArgsType()
class OutboxMessagesArgs {
  @Field(() => [OutboxStatus], { nullable: true }) @IsOptional() @IsEnum(OutboxStatus, { each: true })
  status?: OutboxStatus[];

  @Field({ nullable: true, description: 'Part of the recipient address.' }) @IsOptional() @IsString() @MaxLength(100)
  search?: string;
}

@InputType()
class RetryOutboxMessageInput {
  @Field(() => ID) @IsUUID('4', says('must be a message id', '메시지 ID여야 합니다.')) id: string;
}

@Resolver(() => OutboxMessage)
export class NotificationsResolver {
  constructor(
    private readonly outbox: OutboxService,
    private readonly dataSource: DataSource,
  ) {}

  @Query(() => OutboxMessageConnection, { description: 'Outgoing emails, newest first; filter by status to see the ones that keep failing, and by recipient.' })
  @Allow(Role.ADMIN)
  outboxMessages(@Args() page: PageArgs, @Args() filter: OutboxMessagesArgs) {
    return this.outbox.list(page, filter);
  }

  @Mutation(() => OutboxMessage, { description: 'Try a failed or parked email again.' })
  @Allow(Role.ADMIN)
  retryOutboxMessage(@Args('input') input: RetryOutboxMessageInput) {
    return this.outbox.retry(input.id);
  }

  @Mutation(() => SendTestEmailResult, { description: 'Send a test email (to yourself by default) to check delivery.' })
  @Allow(Role.ADMIN)
  async sendTestEmail(@Ctx() ctx: RequestContext, @Args('input', { nullable: true }) input?: SendTestEmailInput) {
    const user = ctx.user!;
    const to = input?.to?.toLowerCase() ?? user.email;
    await this.dataSource.transaction((em) =>
      this.outbox.enqueueEmail(em, {
        template: testMessageTemplate,
        to: { email: to, language: user.language, timeZone: user.timeZone },
        data: { requestedBy: user.displayName, requestedAt: this.outbox.now().toISOString() },
      }),
    );
    return { queued: true, to };
  }
}
