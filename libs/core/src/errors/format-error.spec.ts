import { ForbiddenException } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { BadInputError, NotFoundError } from './error-codes';
import { formatGraphqlError } from './format-error';

function format(error: GraphQLError) {
  const logged: unknown[] = [];
  const result = formatGraphqlError({ message: error.message, extensions: { ...error.extensions, stacktrace: ['at x'] } }, error, (e) => logged.push(e));
  return { result, logged };
}

describe('formatGraphqlError', () => {
  it('keeps expected errors as they are, without a stack trace, and logs nothing', () => {
    const { result, logged } = format(BadInputError.field('email', 'must be an email address'));
    expect(result).toEqual({
      message: 'email: must be an email address',
      extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'email', message: 'must be an email address' }] },
    });
    expect(logged).toEqual([]);
    expect(format(new NotFoundError('city', 'atlantis')).result.extensions).toEqual({ code: 'NOT_FOUND' });
  });

  it('maps Nest HTTP exceptions to stable codes', () => {
    const error = new GraphQLError('Forbidden resource', { originalError: new ForbiddenException() });
    expect(format(error).result).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
  });

  it('hides unexpected errors behind INTERNAL_SERVER_ERROR and logs them once', () => {
    const cause = new Error('relation "secret_table" does not exist');
    const error = new GraphQLError(cause.message, { originalError: cause });
    const { result, logged } = format(error);
    expect(result.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(result.message).not.toContain('secret_table');
    expect(logged).toEqual([cause]);
  });
});
