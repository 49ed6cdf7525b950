import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { ForbiddenError, UnauthenticatedError } from '../errors/error-codes';
import { words } from '../i18n/words';
import { AccessRule, ALLOW_KEY, isAllowed } from './allow.decorator';
import type { RequestContext } from './auth-user';

/**
 * Global guard: denies every GraphQL query and mutation (and HTTP route) that does
 * not declare @Allow, and enforces the declaration of those that do; fields of
 * object types are applyFieldAccess's.
 * HTTP routes (health) declare @Allow('PUBLIC') the same way.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    // GraphQL operations declare their own rule: a class-wide @Allow would open every operation in it.
    // HTTP controllers may declare one rule for all their routes.
    const rules = this.reflector.getAllAndOverride<AccessRule[] | undefined>(
      ALLOW_KEY,
      context.getType<string>() === 'graphql' ? [context.getHandler()] : [context.getHandler(), context.getClass()],
    );
    if (!rules) throw new ForbiddenError(words('This operation declares no access rule, so nobody may use it.', '이 작업에는 접근 규칙이 없어 아무도 쓸 수 없습니다.'));
    if (rules.includes('PUBLIC')) return true;

    if (context.getType<string>() !== 'graphql') return false;
    const gql = GqlExecutionContext.create(context);
    const ctx = gql.getContext<RequestContext>();
    if (!ctx.user) {
      const problem = ctx.authProblem;
      if (!problem) throw new UnauthenticatedError();
      throw new UnauthenticatedError(words(`Your session is not valid (${problem.en}). Sign in again.`, `로그인 상태가 유효하지 않습니다(${problem.ko}). 다시 로그인해 주세요.`));
    }
    if (!isAllowed(rules, ctx.user, gql.getRoot())) {
      throw new ForbiddenError();
    }
    return true;
  }
}
