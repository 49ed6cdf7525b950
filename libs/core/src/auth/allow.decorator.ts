import { applyDecorators, SetMetadata } from '@nestjs/common';
import { Extensions } from '@nestjs/graphql';
import type { AuthUser } from './auth-user';
import { Role } from './roles';

/**
 * Who may use an operation or a field. Nothing is open unless it says so:
 * - PUBLIC: anyone, signed in or not;
 * - SIGNED_IN: any signed-in account, whatever its roles;
 * - a Role: accounts holding that platform role;
 * - Self(prop): the signed-in user whose id equals `parent[prop]` (fields only).
 * Row-level rules (membership of a workspace, say) live in services and answer NOT_FOUND.
 */
export type AccessRule = 'PUBLIC' | 'SIGNED_IN' | Role | SelfRule;
export interface SelfRule {
  self: string;
}
export const Self = (property = 'id'): SelfRule => ({ self: property });

export const ALLOW_KEY = 'access:allow';

/**
 * Declares access for a query, mutation, field resolver, object type (the
 * default for all its fields) or a single field. The same declaration feeds
 * the guard (operations), the field middleware (fields) and the schema walk
 * test that fails when anything lacks one.
 */
export function Allow(...rules: AccessRule[]) {
  if (rules.length === 0) throw new Error('@Allow() needs at least one rule');
  return applyDecorators(SetMetadata(ALLOW_KEY, rules), Extensions({ allow: rules }));
}

export function isAllowed(rules: readonly AccessRule[], user: AuthUser | null, parent?: unknown): boolean {
  return rules.some((rule) => {
    if (rule === 'PUBLIC') return true;
    if (!user) return false;
    if (rule === 'SIGNED_IN') return true;
    if (typeof rule === 'object') {
      return !!parent && (parent as Record<string, unknown>)[rule.self] === user.id;
    }
    return user.roles.includes(rule);
  });
}

/**
 * isAllowed for one field's rules, decided when the schema is built: what
 * does not depend on the row (signed in, a role) becomes one test, so a
 * restricted field costs a comparison per value, not a walk of its rules.
 */
export function accessCheck(rules: readonly AccessRule[]): (user: AuthUser | null, parent: unknown) => boolean {
  if (rules.includes('PUBLIC')) return () => true;
  if (rules.includes('SIGNED_IN')) return (user) => user !== null;
  const roles = rules.filter((rule): rule is Role => typeof rule === 'string');
  const selves = rules.filter((rule): rule is SelfRule => typeof rule === 'object').map((rule) => rule.self);
  if (selves.length === 0) return (user) => user !== null && user.roles.some((role) => roles.includes(role));
  return (user, parent) =>
    user !== null && (user.roles.some((role) => roles.includes(role)) || (!!parent && selves.some((property) => (parent as Record<string, unknown>)[property] === user.id)));
}

export function describeRules(rules: readonly AccessRule[]): string {
  return rules.map((r) => (typeof r === 'object' ? `self(${r.self})` : r)).join(' | ');
}
