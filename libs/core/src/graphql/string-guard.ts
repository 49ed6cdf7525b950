import type { Words } from '../i18n/words';
import { DocumentNode, Kind, ValueNode, visit } from 'graphql';
import type { FieldProblem } from '../errors/error-codes';

/** Characters no text we keep may hold: NUL (PostgreSQL refuses it in text) and UTF-16 surrogates without their other half. */
const NUL = /\u0000/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** What makes a string impossible to store, or null when it may be stored. */
export function unsafeStringKind(value: string): 'nul' | 'surrogate' | null {
  if (NUL.test(value)) return 'nul';
  if (LONE_SURROGATE.test(value)) return 'surrogate';
  return null;
}

/** Why a string may not be stored, or null when it may. */
export function unsafeStringProblem(value: string): Words | null {
  switch (unsafeStringKind(value)) {
    case 'nul':
      return {
        en: 'must not contain a NUL character (U+0000); remove it and try again.',
        ko: 'NUL 문자(U+0000)를 쓸 수 없습니다. 지우고 다시 시도하세요.',
      };
    case 'surrogate':
      return {
        en: 'holds broken text (half of a UTF-16 surrogate pair); type or paste it again.',
        ko: '깨진 글자(UTF-16 서로게이트 쌍의 한쪽)가 들어 있습니다. 다시 입력하거나 붙여 넣으세요.',
      };
    default:
      return null;
  }
}

/** A string found inside a value; its path is worked out only when asked for. */
export interface FoundString {
  text: string;
  readonly path: Array<string | number>;
}

/** One step down from the parent, kept as a chain: copying the path at every level would cost its depth squared. */
interface PathLink {
  parent: PathLink | undefined;
  key: string | number;
}

/**
 * Every string inside `value` (input objects and lists at any depth) with its
 * path below `path`. Walked with a stack of its own, so that however deeply a
 * request nests its values the walk cannot overflow the call stack, in time
 * linear in the size of the value: a path is put together only when read.
 */
export function* stringsIn(value: unknown, path: Array<string | number> = []): Generator<FoundString> {
  const pending: Array<{ value: unknown; link: PathLink | undefined }> = [{ value, link: undefined }];
  while (pending.length) {
    const next = pending.pop()!;
    if (typeof next.value === 'string') {
      const link = next.link;
      yield {
        text: next.value,
        get path() {
          const keys: Array<string | number> = [];
          for (let step = link; step; step = step.parent) keys.push(step.key);
          return [...path, ...keys.reverse()];
        },
      };
    } else if (next.value && typeof next.value === 'object') {
      const entries: Array<[string | number, unknown]> = Array.isArray(next.value) ? next.value.map((item, index) => [index, item]) : Object.entries(next.value);
      // Pushed last to first, so that they come out in order.
      for (let i = entries.length - 1; i >= 0; i--) pending.push({ value: entries[i][1], link: { parent: next.link, key: entries[i][0] } });
    }
  }
}

/**
 * A field as input errors name it: its path, dotted, without the positions
 * of a list of strings at its end (`sectors`, not `sectors.1`).
 */
export function fieldName(path: Array<string | number>): string {
  while (path.length > 1 && typeof path[path.length - 1] === 'number') path = path.slice(0, -1);
  return path.join('.');
}

/** The most fields one refusal names. */
export const MAX_PROBLEMS = 20;

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
  const checkValue = (value: unknown, path: Array<string | number>): void => {
    for (const found of stringsIn(value, path)) {
      // Enough to act on: more would only cost time (each path is as long as its depth).
      if (problems.length >= MAX_PROBLEMS) return;
      const problem = unsafeStringProblem(found.text);
      if (!problem) continue;
      const field = fieldName(found.path);
      if (!seen.has(field)) {
        seen.add(field);
        problems.push({ field, message: problem });
      }
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
