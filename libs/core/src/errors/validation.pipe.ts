import { ValidationError, ValidationPipe } from '@nestjs/common';
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
    exceptionFactory: (errors) => {
      const fields = toFieldProblems(errors);
      const summary = fields.map((f) => `${f.field} ${f.message}`).join('; ');
      return new BadInputError(`Please correct the input: ${summary}.`, fields);
    },
  });
}
