import { GraphQLError, Kind, SelectionSetNode, ValidationContext, ValidationRule } from 'graphql';

/**
 * Refuses operations whose fields nest deeper than `maxDepth` (introspection
 * fields, `__schema` and `__type`, are not counted, so explorers still work).
 *
 * It follows fragment spreads, but never into a fragment already being
 * measured (a cycle) nor into one that does not exist: graphql-js's own rules
 * report those (NoFragmentCycles, KnownFragmentNames) as validation errors,
 * where a rule recursing into a cycle would overflow the stack and answer
 * 500. Each fragment is measured once, however often it is spread, so the
 * work stays proportional to the document's size.
 */
export function depthLimitRule(maxDepth: number): ValidationRule {
  return (context: ValidationContext) => {
    const fragmentDepths = new Map<string, number>();
    const depthOf = (selectionSet: SelectionSetNode): number => {
      let deepest = 0;
      for (const selection of selectionSet.selections) {
        if (selection.kind === Kind.FIELD) {
          if (selection.selectionSet && !selection.name.value.startsWith('__')) deepest = Math.max(deepest, 1 + depthOf(selection.selectionSet));
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          deepest = Math.max(deepest, depthOf(selection.selectionSet));
        } else {
          deepest = Math.max(deepest, fragmentDepth(selection.name.value));
        }
      }
      return deepest;
    };
    const fragmentDepth = (name: string): number => {
      const known = fragmentDepths.get(name);
      if (known !== undefined) return known;
      const fragment = context.getFragment(name);
      if (!fragment) return 0;
      fragmentDepths.set(name, 0); // while it is measured: a spread of it inside itself adds nothing
      const depth = depthOf(fragment.selectionSet);
      fragmentDepths.set(name, depth);
      return depth;
    };
    return {
      OperationDefinition(operation) {
        if (depthOf(operation.selectionSet) > maxDepth) {
          context.reportError(
            new GraphQLError(`'${operation.name?.value ?? ''}' exceeds maximum operation depth of ${maxDepth}`, { nodes: [operation] }),
          );
        }
        return false;
      },
    };
  };
}
