import { ForbiddenException } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { BadInputError, NotFoundError } from './error-codes';
import { errorInLanguage, formatGraphqlError } from './format-error';

function format(error: GraphQLError) {
  const logged: unknown[] = [];
  const result = formatGraphqlError({ message: error.message, extensions: { ...error.extensions, stacktrace: ['at x'] } }, error, (e) => logged.push(e));
  return { result, logged };
}

describe('formatGraphqlError', () => {
  it('keeps expected errors as they are, without a stack trace, and logs nothing', () => {
    const { result, logged } = format(BadInputError.field('email', { en: 'must be an email address', ko: '이메일 주소여야 합니다.' }));
    // As sent: JSON, which leaves out the way to say it in another language.
    expect(JSON.parse(JSON.stringify(result))).toEqual({
      message: 'email: must be an email address',
      extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'email', message: 'must be an email address' }] },
    });
    expect(logged).toEqual([]);
    expect(format(new NotFoundError('city', 'atlantis')).result.extensions).toEqual({ code: 'NOT_FOUND' });
  });

  it("says the platform's own errors in the language asked for, fields too, with the same code", () => {
    const { result } = format(BadInputError.field('email', { en: 'must be an email address', ko: '이메일 주소여야 합니다.' }));
    expect(errorInLanguage(result, 'ko')).toEqual({
      message: 'email: 이메일 주소여야 합니다.',
      extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'email', message: '이메일 주소여야 합니다.' }] },
    });
    expect(errorInLanguage(result, 'en').message).toBe('email: must be an email address');
    expect(errorInLanguage(format(new NotFoundError('city', 'atlantis')).result, 'ko').message).toBe('ID가 "atlantis"인 도시를 찾을 수 없습니다.');
  });

  it('says an error thrown before the language plugin runs (while the context is built) in the language it was thrown in', () => {
    const error = new NotFoundError('city', 'atlantis');
    error.language = 'ko';
    const { result } = format(error);
    expect(result.message).toBe('ID가 "atlantis"인 도시를 찾을 수 없습니다.');
    expect(errorInLanguage(result, 'en').message).toBe('No city with id "atlantis" was found.');
  });

  it('maps Nest HTTP exceptions to stable codes', () => {
    const error = new GraphQLError('Forbidden resource', { originalError: new ForbiddenException() });
    expect(format(error).result).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
  });

  it('says SERVICE_UNAVAILABLE, in either language, when PostgreSQL or Redis could not be reached, and logs it as no fault', () => {
    // As pg and TypeORM throw them during a restart, and as ioredis does when its retries are spent.
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const shutdown = Object.assign(new Error('QueryFailedError'), { driverError: Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }) });
    const terminated = new Error('Connection terminated unexpectedly');
    const redis = Object.assign(new Error('Reached the max retries per request limit (which is 20). Refer to "maxRetriesPerRequest" option for details.'), { name: 'MaxRetriesPerRequestError' });
    for (const cause of [refused, shutdown, terminated, redis]) {
      const { result, logged } = format(new GraphQLError(cause.message, { originalError: cause }));
      expect(JSON.parse(JSON.stringify(result))).toEqual({
        message: 'The platform cannot reach its database or queue for a moment. Please try again in 5 seconds.',
        extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 5 },
      });
      expect(errorInLanguage(result, 'ko').message).toBe('플랫폼이 잠시 데이터베이스나 대기열에 연결하지 못하고 있습니다. 5초 뒤에 다시 시도해 주세요.');
      expect(logged).toEqual([]);
    }
    // A statement that is wrong is a fault, not an outage (42P01: no such table; 23505: a unique violation left unhandled).
    for (const code of ['42P01', '23505']) {
      const wrong = Object.assign(new Error('QueryFailedError'), { driverError: Object.assign(new Error('no'), { code }) });
      expect(format(new GraphQLError('no', { originalError: wrong })).result.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    }
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
