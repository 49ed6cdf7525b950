import { ValidationError, ValidationPipe } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { BadInputError, FieldProblem } from './error-codes';
import { validationWords } from './validation-words';

/** Flatten class-validator's tree into `input.address.city: must be ...` problems, each in English and Korean. */
export function toFieldProblems(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([type, message]) => ({
      field,
      message: validationWords(error, type, message.startsWith(`${error.property} `) ? message.slice(error.property.length + 1) : message),
    }));
    return [...own, ...toFieldProblems(error.children ?? [], field)];
  });
}

/**
 * Validates a GraphQL argument object (attached by Args, graphql/args.decorator.ts); a failure is BAD_USER_INPUT with
 * one message per field, so a form can show each next to its input.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    // Properties without a validator are dropped; test/core/schema.e2e-spec.ts checks every input field has one.
    whitelist: true,
    forbidUnknownValues: false,
    // The target stays on the error (never sent) so the Korean can read the check's arguments (validation-words.ts).
    validationError: { target: true, value: false },
    exceptionFactory: badInput,
  });
}

function badInput(errors: ValidationError[]): BadInputError {
  return BadInputError.ofFields(toFieldProblems(errors));
}

/**
 * The same checks for input that does not come through GraphQL (an HTML form
 * an emailed link opens): the declared input class, its messages per field.
 */
export async function validateInput<T extends object>(inputClass: new () => T, plain: Record<string, unknown>): Promise<T> {
  const input = plainToInstance(inputClass, plain);
  const errors = await validate(input, { whitelist: true, forbidUnknownValues: false, validationError: { target: true, value: false } });
  if (errors.length) throw badInput(errors);
  return input;
}
