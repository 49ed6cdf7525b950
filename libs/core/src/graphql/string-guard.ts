import { DocumentNode, Kind, ValueNode, visit } from 'graphql';
import type { FieldProblem } from '../errors/error-codes';

/** Characters no text we keep may hold: NUL (PostgreSQL refuses it in text) and UTF-16 surrogates without their other half. */
const NUL = /\u0000/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a string may not be stored, or null when it may. */
export function unsafeStringProblem(value: string): string | null {
  if (NUL.test(value)) return 'must not contain a NUL character (U+0000); remove it and try again.';
  if (LONE_SURROGATE.test(value)) return 'holds broken text (half of a UTF-16 surrogate pair); type or paste it again.';
  return null;
}

/**
 * Every string argument of a request, written inline or passed in variables,
 * at any depth of input objects and lists, checked by unsafeStringProblem
 * before anything runs. Fields are named as input errors name them: inside
 * an input object from that object (`displayName`, `budgets.0.description`),
 * an argument by its own name (`search`); a list of strings by the list.
 */
export function findUnsafeStrings(document: DocumentNode, variables: Record<string, unknown> | undefined): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  const report = (path: Array<string | number>, message: string) => {
    while (path.length > 1 && typeof path[path.length - 1] === 'number') path = path.slice(0, -1);
    const field = path.join('.');
    if (!seen.has(field)) {
      seen.add(field);
      problems.push({ field, message });
    }
  };
  const checkValue = (value: unknown, path: Array<string | number>): void => {
    if (typeof value === 'string') {
      const problem = unsafeStringProblem(value);
      if (problem) report(path, problem);
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => checkValue(item, [...path, index]));
    } else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) checkValue(item, [...path, key]);
    }
  };
  const checkNode = (node: ValueNode, path: Array<string | number>): void => {
    switch (node.kind) {
      case Kind.STRING:
        return checkValue(node.value, path);
      case Kind.LIST:
        return node.values.forEach((item, index) => checkNode(item, [...path, index]));
      case Kind.OBJECT:
        return node.fields.forEach((field) => checkNode(field.value, [...path, field.name.value]));
      case Kind.VARIABLE:
        return checkValue(variables?.[node.name.value], path);
      default:
        return;
    }
  };
  visit(document, {
    Argument(argument) {
      // An input object's fields are named from inside it, as class-validator names them.
      const value = argument.value.kind === Kind.VARIABLE ? variables?.[argument.value.name.value] : undefined;
      const isObject = argument.value.kind === Kind.OBJECT || (value !== null && typeof value === 'object' && !Array.isArray(value));
      checkNode(argument.value, isObject ? [] : [argument.name.value]);
      return false;
    },
    // Default values of variables are strings a request sends too.
    VariableDefinition(definition) {
      if (definition.defaultValue && variables?.[definition.variable.name.value] === undefined) {
        checkNode(definition.defaultValue, [definition.variable.name.value]);
      }
      return false;
    },
  });
  return problems;
}
