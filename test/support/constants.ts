export const TEST_DEMO_PASSWORD = 'demo-password-for-tests';
export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-0123456789abcdef';

/** The demo accounts the seed creates, by a short key. */
export const DEMO_PEOPLE = {
  admin: 'admin@demo.twins.test',
  liverpool: 'officer.liverpool@demo.twins.test',
  busan: 'officer.busan@demo.twins.test',
  participant: 'participant@demo.twins.test',
  boardUk: 'board.uk@demo.twins.test',
  boardKr: 'board.kr@demo.twins.test',
  boardUk2: 'board.uk2@demo.twins.test',
  boardKr2: 'board.kr2@demo.twins.test',
  organiser: 'organiser@demo.twins.test',
} as const;
