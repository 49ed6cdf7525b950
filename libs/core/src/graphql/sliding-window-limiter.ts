import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { clientAddressKey } from '../net/client-address';

/**
 * Sliding windows in Redis, exact: each accepted request is a member of a
 * sorted set scored by its time (Redis's clock, so every API instance
 * agrees), and the members older than the window are dropped first. The
 * cost set's members carry their cost (`id:cost`). A refused request adds
 * nothing, so a client that keeps knocking is let in again as soon as its
 * oldest request leaves the window.
 *
 * KEYS: requests set, cost set. ARGV: window ms, max requests, max cost,
 * member id, cost to charge, mode ('request' to count a request, 'cost' to
 * charge its cost). Returns {1} when allowed, {0, ms until it would be,
 * 'requests' | 'cost'} when not.
 */
const SLIDING_WINDOW = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local window = tonumber(ARGV[1])
local maxRequests = tonumber(ARGV[2])
local maxCost = tonumber(ARGV[3])
local cost = tonumber(ARGV[5])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now - window)
local charged = redis.call('ZRANGE', KEYS[2], 0, -1, 'WITHSCORES')
local spent = 0
for i = 1, #charged, 2 do
  spent = spent + tonumber(string.match(charged[i], ':(%d+)$'))
end
-- A request needs the budget not yet spent; a cost needs room for all of it.
local need = cost
if ARGV[6] == 'request' then need = 1 end
if spent + need > maxCost then
  local freed = 0
  for i = 1, #charged, 2 do
    freed = freed + tonumber(string.match(charged[i], ':(%d+)$'))
    if spent - freed + need <= maxCost then
      return {0, tonumber(charged[i + 1]) + window - now, 'cost'}
    end
  end
  return {0, window, 'cost'}
end
if ARGV[6] == 'request' then
  if redis.call('ZCARD', KEYS[1]) >= maxRequests then
    local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
    return {0, tonumber(oldest[2]) + window - now, 'requests'}
  end
  redis.call('ZADD', KEYS[1], now, ARGV[4])
  redis.call('PEXPIRE', KEYS[1], window)
elseif cost > 0 then
  redis.call('ZADD', KEYS[2], now, ARGV[4] .. ':' .. cost)
  redis.call('PEXPIRE', KEYS[2], window)
end
return {1}
`;

export interface RateDecision {
  allowed: boolean;
  /** When refused: seconds until the request would be let in. */
  retryAfterSeconds: number;
  /** What ran out. */
  limit?: 'requests' | 'cost';
}

interface WithSlidingWindow {
  graphqlSlidingWindow(...args: Array<string | number>): Promise<[number, number?, ('requests' | 'cost')?]>;
}

const ALLOWED: RateDecision = { allowed: true, retryAfterSeconds: 0 };

export interface RateLimits {
  windowSeconds: number;
  maxRequests: number;
  maxCost: number;
}

/**
 * Requests to /graphql per client in a sliding window of
 * GRAPHQL_RATE_WINDOW_SECONDS: at most GRAPHQL_RATE_MAX_REQUESTS of them, and
 * at most GRAPHQL_RATE_MAX_COST of query cost between them. The number of
 * requests alone would let a client send its whole allowance as the most
 * expensive query there is; the cost budget makes expensive queries use up
 * more, so a steady stream of costly ones is held back while a person
 * browsing the web app (a few hundred cost a page) never meets it.
 *
 * A request is counted before it is parsed (parsing and validating a large
 * document is work too) and charged its cost once that is known. A client
 * is its account when signed in, else its address (an IPv6 /64 as one, see
 * clientAddressKey). While Redis is unreachable every request is let
 * through, with a warning in the log: an outage of the limiter must not
 * become an outage of the API.
 *
 * Plain code over a Redis client (no Nest, no configuration module), so that
 * the API benchmark's bare server makes the same calls: RequestRateLimiter
 * is this with the platform's configuration and logger.
 */
export class SlidingWindowLimiter {
  private lastWarning = 0;

  constructor(
    private readonly redis: Redis,
    private readonly limits: RateLimits,
    private readonly warn: (message: string) => void,
  ) {
    // Sent once, then run by its hash (EVALSHA); keys get the connection's prefix.
    redis.defineCommand('graphqlSlidingWindow', { numberOfKeys: 2, lua: SLIDING_WINDOW });
  }

  /** The key a client's requests are counted under. */
  static clientKey(userId: string | null | undefined, address: string | undefined): string {
    return userId ? `account:${userId}` : `address:${clientAddressKey(address)}`;
  }

  /** Counts one request of this client; refused when it has sent too many, or spent its cost budget, in the window. */
  async admitRequest(client: string): Promise<RateDecision> {
    return this.run(client, 0, 'request');
  }

  /** Charges a request's cost; refused (and nothing charged) when it does not fit in what is left of the budget. */
  async chargeCost(client: string, cost: number): Promise<RateDecision> {
    if (cost <= 0) return ALLOWED;
    return this.run(client, Math.ceil(cost), 'cost');
  }

  private async run(client: string, cost: number, mode: 'request' | 'cost'): Promise<RateDecision> {
    const { windowSeconds: window, maxRequests, maxCost } = this.limits;
    try {
      const [allowed, waitMs, limit] = await (this.redis as unknown as WithSlidingWindow).graphqlSlidingWindow(
        `graphql-rate:requests:${client}`,
        `graphql-rate:cost:${client}`,
        window * 1000,
        maxRequests,
        maxCost,
        // Our own id, never the client's X-Request-Id: a repeated member would count once.
        randomUUID(),
        cost,
        mode,
      );
      if (allowed === 1) return ALLOWED;
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((waitMs ?? 0) / 1000)), limit };
    } catch (error) {
      this.warnUnavailable(error as Error);
      return ALLOWED;
    }
  }

  /** One warning a minute at most while Redis stays away. */
  private warnUnavailable(error: Error): void {
    const now = Date.now();
    if (now - this.lastWarning < 60_000) return;
    this.lastWarning = now;
    this.warn(`GraphQL rate limit unavailable, letting requests through: ${error.message}`);
  }
}
