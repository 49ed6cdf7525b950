export const TEST_DEMO_PASSWORD = 'demo-password-for-tests';
export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-0123456789abcdef';
