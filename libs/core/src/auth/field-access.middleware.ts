import { defaultFieldResolver, GraphQLFieldResolver, GraphQLSchema, isObjectType } from 'graphql';
import { accessCheck, AccessRule } from './allow.decorator';
import type { RequestContext } from './auth-user';

/**
 * Enforces @Allow on the fields of object types (operations on Query and
 * Mutation are the guard's). A field's own rule wins over its type's; a field
 * with neither is closed. Only restricted fields get a wrapper, so public
 * fields, most of any response, cost nothing. A field the user may not read
 * resolves to null, which is why restricted fields are declared nullable.
 * Each field's rule is compiled once, when the schema is built (accessCheck).
 */
export function applyFieldAccess(schema: GraphQLSchema): GraphQLSchema {
  const roots = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].filter(Boolean));
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__') || roots.has(type)) continue;
    const typeRules = type.extensions?.allow as AccessRule[] | undefined;
    for (const field of Object.values(type.getFields())) {
      const rules = (field.extensions?.allow as AccessRule[] | undefined) ?? typeRules ?? [];
      if (rules.includes('PUBLIC')) continue;
      const resolve: GraphQLFieldResolver<unknown, RequestContext> = field.resolve ?? defaultFieldResolver;
      const allowed = accessCheck(rules);
      field.resolve = (source, args, context, info) => (allowed((context as RequestContext).user, source) ? resolve(source, args, context, info) : null);
    }
  }
  return schema;
}
