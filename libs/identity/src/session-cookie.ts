import type { Request, Response } from 'express';
import { getDirectiveValues, GraphQLIncludeDirective, GraphQLResolveInfo, GraphQLSkipDirective, Kind, SelectionNode } from 'graphql';
import { AppConfig } from '@app/core';
import type { Tokens } from './auth.service';

/** The web app's refresh token: an httpOnly cookie that only the /auth endpoints receive. */
export const REFRESH_COOKIE = 'twins_refresh';
export const REFRESH_COOKIE_PATH = '/auth';

function cookieOptions(config: AppConfig) {
  return {
    httpOnly: true, // script in the page can never read it
    sameSite: 'strict' as const, // never sent with a request another site starts
    secure: new URL(config.PUBLIC_URL).protocol === 'https:',
    path: REFRESH_COOKIE_PATH, // never sent with GraphQL, pages or files
  };
}

export function setRefreshCookie(res: Response, config: AppConfig, tokens: Pick<Tokens, 'refreshToken' | 'refreshTokenExpiresAt'>): void {
  res.cookie(REFRESH_COOKIE, tokens.refreshToken, { ...cookieOptions(config), expires: tokens.refreshTokenExpiresAt });
}

export function clearRefreshCookie(res: Response, config: AppConfig): void {
  res.clearCookie(REFRESH_COOKIE, cookieOptions(config));
}

export function refreshCookieOf(req: Request): string | undefined {
  const value = (req.cookies as Record<string, unknown> | undefined)?.[REFRESH_COOKIE];
  return typeof value === 'string' && value ? value : undefined;
}

/**
 * Whether a GraphQL operation selects `field` on the object this resolver
 * returns (directly, through fragments, and not skipped by @skip/@include).
 */
export function selects(info: GraphQLResolveInfo, field: string): boolean {
  const visit = (selections: readonly SelectionNode[]): boolean =>
    selections.some((node) => {
      if (!included(node, info.variableValues)) return false;
      if (node.kind === Kind.FIELD) return node.name.value === field;
      if (node.kind === Kind.INLINE_FRAGMENT) return visit(node.selectionSet.selections);
      const fragment = info.fragments[node.name.value];
      return !!fragment && visit(fragment.selectionSet.selections);
    });
  return info.fieldNodes.some((node) => !!node.selectionSet && visit(node.selectionSet.selections));
}

function included(node: SelectionNode, variables: Record<string, unknown>): boolean {
  if (getDirectiveValues(GraphQLSkipDirective, node, variables)?.if === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, node, variables)?.if !== false;
}
