import { BadRequestException, HttpException, NotFoundException } from '@nestjs/common';
import { graphqlRequestRefusal } from './graphql-exception.filter';

describe('graphqlRequestRefusal', () => {
  it('answers a body over the limit on /graphql as GraphQL clients read errors, 413 with a code', () => {
    expect(graphqlRequestRefusal({ path: '/graphql' }, new HttpException('request entity too large', 413))).toEqual({
      status: 413,
      body: { errors: [{ message: expect.stringMatching(/too large/), extensions: { code: 'PAYLOAD_TOO_LARGE' } }] },
    });
  });

  it('answers a body that is not JSON with 400 BAD_REQUEST', () => {
    expect(graphqlRequestRefusal({ path: '/graphql/' }, new BadRequestException('Unexpected end of JSON input'))).toEqual({
      status: 400,
      body: { errors: [{ message: expect.stringMatching(/could not be read: Unexpected end of JSON input/), extensions: { code: 'BAD_REQUEST' } }] },
    });
  });

  it('answers in the language the request asks for', () => {
    const refusal = graphqlRequestRefusal({ path: '/graphql', headers: { 'accept-language': 'ko-KR,ko;q=0.9' } }, new HttpException('request entity too large', 413));
    expect(refusal?.body.errors[0]).toEqual({ message: '요청이 너무 큽니다. 쿼리나 변수를 줄여서 보내 주세요.', extensions: { code: 'PAYLOAD_TOO_LARGE' } });
  });

  it('leaves other routes, and server errors, to Nest', () => {
    expect(graphqlRequestRefusal({ path: '/health/ready' }, new NotFoundException())).toBeNull();
    expect(graphqlRequestRefusal({ path: '/graphql' }, new HttpException('down', 503))).toBeNull();
  });
});
