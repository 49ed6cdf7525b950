/**
 * Request limits that tests, the browser-test stack and benchmarks never
 * reach: they send many requests a second from loopback and measure or check
 * the platform, not its throttle (test/core/request-limits sets its own).
 */
export const UNTHROTTLED = { GRAPHQL_RATE_MAX_REQUESTS: '1000000', GRAPHQL_RATE_MAX_COST: '1000000000' } as const;
