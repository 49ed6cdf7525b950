import { PipeTransform } from '@nestjs/common';
// eslint-disable-next-line no-restricted-imports -- the one place that wraps it
import { Args as GraphqlArgs, ArgsOptions } from '@nestjs/graphql';
import { createValidationPipe } from '../errors/validation.pipe';

/** Types whose values arrive checked by GraphQL itself: scalars, enums (recorded as String or Number) and lists of them. */
const UNCHECKED = new Set<unknown>([String, Number, Boolean, Array, Date]);

const validation = createValidationPipe();

/**
 * A resolver's arguments, validated: `@Args()` of @nestjs/graphql with the
 * platform's validation (class-validator rules of the input or args class,
 * unknown properties dropped, BAD_USER_INPUT per field) attached to this one
 * parameter. Scalars are left to GraphQL's own checks.
 *
 * Validation used to be a global pipe, which Nest runs for every parameter of
 * every resolver, field resolvers included: a list of 28 cities paid for 56
 * pipe calls (and a copy of each parent) to check nothing. Attached here, it
 * runs only where an argument can break a rule. The lint forbids importing
 * `Args` from @nestjs/graphql, so no argument escapes it.
 */
export function Args(): ParameterDecorator;
export function Args(property: string, options?: ArgsOptions): ParameterDecorator;
export function Args(options: ArgsOptions): ParameterDecorator;
export function Args(propertyOrOptions?: string | ArgsOptions, options?: ArgsOptions): ParameterDecorator {
  return (target, key, index) => {
    const types = key === undefined ? undefined : (Reflect.getMetadata('design:paramtypes', target, key) as unknown[] | undefined);
    const declared = types?.[index];
    // TypeScript records a union with null, an interface or `any` as Object, which the pipe cannot check:
    // such an argument would pass unvalidated, so it is refused where it is declared.
    if (declared === Object || declared === undefined) {
      throw new Error(`${target.constructor.name}.${String(key)}: argument ${index} needs a class, scalar or enum type (not a union with null, an interface or any), so that it can be validated.`);
    }
    const pipes: PipeTransform[] = UNCHECKED.has(declared) ? [] : [validation];
    const decorator =
      typeof propertyOrOptions === 'string'
        ? GraphqlArgs(propertyOrOptions, options ?? {}, ...pipes)
        : propertyOrOptions
          ? GraphqlArgs(propertyOrOptions, ...pipes)
          : GraphqlArgs(...pipes);
    decorator(target, key, index);
  };
}

/**
 * The arguments of a field that takes none. A field resolver that needs only
 * its parent and the request context declares them plainly,
 * `(city: City, _args: NoArgs, ctx: RequestContext)`, in the order GraphQL
 * passes them: without parameter decorators Nest hands the method to GraphQL
 * as it is, with no wrapper per call (about 0.1 ms each: a list of 50 pairs
 * resolves hundreds of fields).
 */
export type NoArgs = Record<string, never>;
