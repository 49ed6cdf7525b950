import { FieldMiddleware, MiddlewareContext, NextFn } from '@nestjs/graphql';
import { AccessRule, isAllowed } from './allow.decorator';
import type { RequestContext } from './auth-user';

/**
 * Enforces @Allow on plain object fields (resolver methods are covered by the
 * guard). A field's own rule wins over its type's. A field the user may not
 * read resolves to null when nullable; a non-null one fails the request, which
 * is why restricted fields are declared nullable.
 */
export const fieldAccessMiddleware: FieldMiddleware = async (ctx: MiddlewareContext, next: NextFn) => {
  const { info } = ctx;
  if (!info) return next();
  const field = info.parentType.getFields()[info.fieldName];
  const rules = (field?.extensions?.allow ?? info.parentType.extensions?.allow) as AccessRule[] | undefined;
  if (rules?.includes('PUBLIC')) return next();
  const context = ctx.context as RequestContext;
  if (!rules || !isAllowed(rules, context.user, ctx.source)) return null;
  return next();
};
