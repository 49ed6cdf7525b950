import { ValidationError, ValidationPipe } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { BadInputError, FieldProblem } from './error-codes';

/** Flatten class-validator's tree into `input.address.city: must be ...` problems. */
export function toFieldProblems(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field,
      message: message.startsWith(`${error.property} `) ? message.slice(error.property.length + 1) : message,
    }));
    return [...own, ...toFieldProblems(error.children ?? [], field)];
  });
}

/**
 * Validates every GraphQL argument object; a failure is BAD_USER_INPUT with
 * one message per field, so a form can show each next to its input.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    // Properties without a validator are dropped; test/core/schema.e2e-spec.ts checks every input field has one.
    whitelist: true,
    forbidUnknownValues: false,
    validationError: { target: false, value: false },
    exceptionFactory: badInput,
  });
}

function badInput(errors: ValidationError[]): BadInputError {
  const fields = toFieldProblems(errors);
  const summary = fields.map((f) => `${f.field} ${f.message}`).join('; ');
  return new BadInputError(`Please correct the input: ${summary}.`, fields);
}

/**
 * The same checks for input that does not come through GraphQL (an HTML form
 * an emailed link opens): the declared input class, its messages per field.
 */
export async function validateInput<T extends object>(inputClass: new () => T, plain: Record<string, unknown>): Promise<T> {
  const input = plainToInstance(inputClass, plain);
  const errors = await validate(input, { whitelist: true, forbidUnknownValues: false, validationError: { target: false, value: false } });
  if (errors.length) throw badInput(errors);
  return input;
}
