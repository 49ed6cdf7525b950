import { registerDecorator, ValidationOptions } from 'class-validator';
import { PASSWORD_LENGTH } from '@app/rules';

/** An IANA time zone the runtime knows, e.g. Europe/London or Asia/Seoul. */
export function IsTimeZone(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isTimeZone',
      target: target.constructor,
      propertyName,
      options: { message: 'must be an IANA time zone such as Europe/London or Asia/Seoul', ...options },
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string' || value.length > 64) return false;
          try {
            new Intl.DateTimeFormat('en', { timeZone: value });
            return true;
          } catch {
            return false;
          }
        },
      },
    });
}

export const PASSWORD_RULE = `must be ${PASSWORD_LENGTH.min} to ${PASSWORD_LENGTH.max} characters long`;
