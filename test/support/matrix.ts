import { GqlResponse } from './harness';

/** Who tries an operation in a permission matrix. */
export type Actor = 'anonymous' | 'nonMember' | 'admin' | 'observer' | 'member' | 'lead';

/** Order matters: the lead acts last, so refusals are checked before the state changes. */
export const ACTORS: Actor[] = ['anonymous', 'nonMember', 'admin', 'observer', 'member', 'lead'];

/** The outcome of a GraphQL call as a matrix cell: OK, or the error code. */
export const codeOf = (res: GqlResponse<unknown>): string => res.errors?.[0]?.extensions.code ?? 'OK';

/**
 * Runs one operation as every actor and returns what each got, for a single
 * `toEqual` against the expected row (the failure shows the whole row).
 */
export async function matrixRow(attempt: (actor: Actor) => Promise<GqlResponse<unknown>>, actors: Actor[] = ACTORS): Promise<Record<string, string>> {
  const got: Record<string, string> = {};
  for (const actor of actors) got[actor] = codeOf(await attempt(actor));
  return got;
}
