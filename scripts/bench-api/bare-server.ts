import { createSecretKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import { ApolloServer, HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { Redis } from 'ioredis';
import jwt from 'jsonwebtoken';
import { Pool } from 'pg';
import { SlidingWindowLimiter } from '@app/core/graphql/sliding-window-limiter';
import { BareContext, BareUser } from './bare-context';
import { bareResolvers, OPERATION_COSTS } from './bare-resolvers';

/**
 * The API benchmark's baseline (`npm run bench:api`): the least server that
 * answers the measured operations as the platform does, so that the
 * difference between the two is what the platform's framework costs (Nest,
 * its GraphQL module, TypeORM, class-validator, the request checks) and not
 * the work itself.
 *
 * It is `@apollo/server` on a plain node:http handler and a `pg` Pool on the
 * platform's database as the platform's role, serving the platform's own
 * schema.gql with hand-written resolvers for exactly the measured operations
 * (scripts/bench-api/bare-*.ts; default resolvers for the rest of the tree).
 * Per request it does the platform's I/O: the session lookup for a bearer
 * token (the JWT checked, then the same statement), the request limit's two
 * Redis calls (SlidingWindowLimiter, the platform's own code, under a Redis
 * key prefix of its own) charged the cost the platform computes for the
 * operation (a constant here: OPERATION_COSTS), and the same SQL statements
 * in the same order with the same values. The benchmark records both
 * servers' statements and Redis commands for one request of each operation
 * and stops when they differ. It may use pure domain code of the libs (the
 * pairing engine, @app/rules' words and money), never Nest, TypeORM or
 * class-validator: it says at start which of those it loaded (none).
 *
 * Started by scripts/bench-api.ts with its settings as JSON in argv[2];
 * prints `{"port":…,"forbidden":[…]}` on stdout when listening.
 */
interface Settings {
  port: number;
  databaseUrl: string;
  redisUrl: string;
  redisPrefix: string;
  jwtSecret: string;
  publicUrl: string;
  schemaFile: string;
  poolSize: number;
  rate: { windowSeconds: number; maxRequests: number; maxCost: number };
}

const LANGUAGES = ['en', 'ko'] as const;

/** The platform's requestLanguage (libs/core/src/i18n/words.ts), which sits beside Nest's enum registration there. */
function requestLanguage(acceptLanguage: string | string[] | undefined, account?: 'en' | 'ko' | null): 'en' | 'ko' {
  const header = Array.isArray(acceptLanguage) ? acceptLanguage.join(',') : (acceptLanguage ?? '');
  const asked = header
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = Number(params.map((p) => p.trim()).find((p) => p.startsWith('q='))?.slice(2) ?? 1);
      return { language: tag.trim().toLowerCase().split('-')[0], q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .find((entry) => (LANGUAGES as readonly string[]).includes(entry.language));
  return (asked?.language as 'en' | 'ko' | undefined) ?? account ?? 'en';
}

/** The platform's session lookup (identity's UsersService.loadAuthUser): one statement. */
async function signedIn(db: Pool, key: KeyObject, token: string): Promise<BareUser | null> {
  let claims: { sub: string; sid: string };
  try {
    claims = jwt.verify(token, key, { algorithms: ['HS256'] }) as { sub: string; sid: string };
  } catch {
    return null;
  }
  const { rows } = await db.query(
    `SELECT u.id, u.email, u.display_name, u.preferred_language, u.time_zone,
              COALESCE(array_agg(g.role::text) FILTER (WHERE g.role IS NOT NULL), '{}') AS roles
         FROM session s
         JOIN user_account u ON u.id = s.user_id
         LEFT JOIN role_grant g ON g.user_id = u.id
        WHERE s.id = $1 AND s.user_id = $2 AND s.revoked_at IS NULL AND s.expires_at > $3 AND u.disabled_at IS NULL
        GROUP BY u.id`,
    [claims.sid, claims.sub, new Date()],
  );
  const row = rows[0] as Record<string, unknown> | undefined;
  if (!row) return null;
  return {
    id: row.id as string,
    email: row.email as string,
    displayName: row.display_name as string,
    language: row.preferred_language === 'ko' ? 'ko' : 'en',
    timeZone: row.time_zone as string,
    roles: row.roles as string[],
    sessionId: claims.sid,
  };
}

async function main(): Promise<void> {
  const settings = JSON.parse(process.argv[2] ?? '') as Settings;
  // As the platform's identity module holds it: a key object, made once.
  const jwtKey = createSecretKey(Buffer.from(settings.jwtSecret, 'utf8'));
  const db = new Pool({ connectionString: settings.databaseUrl, max: settings.poolSize, application_name: 'innovation-twins-bare' });
  const url = new URL(settings.redisUrl);
  // The platform's client options (libs/core/src/queue/redis.ts, 'client'), under the baseline's own prefix.
  const redis = new Redis({
    host: url.hostname,
    port: Number(url.port || 6379),
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    commandTimeout: 5000,
    keyPrefix: `${settings.redisPrefix}:`,
    lazyConnect: true,
  });
  await redis.connect();
  const limiter = new SlidingWindowLimiter(redis, settings.rate, (message) => console.error(message));

  type Context = BareContext & { rateKey: string };
  const chargeCost: ApolloServerPlugin<Context> = {
    async requestDidStart() {
      return {
        async didResolveOperation({ operationName, contextValue }) {
          const cost = OPERATION_COSTS[operationName ?? ''];
          if (cost === undefined) throw new Error(`The baseline does not serve the operation ${operationName}.`);
          const charged = await limiter.chargeCost(contextValue.rateKey, cost);
          if (!charged.allowed) throw new Error('RATE_LIMITED');
        },
      };
    },
  };
  const server = new ApolloServer<Context>({
    typeDefs: readFileSync(settings.schemaFile, 'utf8'),
    resolvers: bareResolvers,
    plugins: [chargeCost],
    introspection: false,
  });
  await server.start();

  const context = async (req: IncomingMessage): Promise<Context> => {
    const ctx: Context = { db, user: null, language: requestLanguage(req.headers['accept-language']), loaders: new Map(), publicUrl: settings.publicUrl, rateKey: '' };
    const header = req.headers.authorization;
    if (header?.startsWith('Bearer ')) {
      ctx.user = await signedIn(db, jwtKey, header.slice('Bearer '.length).trim());
      ctx.language = requestLanguage(req.headers['accept-language'], ctx.user?.language);
    }
    ctx.rateKey = SlidingWindowLimiter.clientKey(ctx.user?.id, req.socket.remoteAddress);
    const admitted = await limiter.admitRequest(ctx.rateKey);
    if (!admitted.allowed) throw new Error('RATE_LIMITED');
    return ctx;
  };

  const http = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(req.headers)) if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      const text = Buffer.concat(chunks).toString('utf8');
      server
        .executeHTTPGraphQLRequest({
          httpGraphQLRequest: { method: req.method!.toUpperCase(), headers, search: new URL(req.url!, 'http://localhost').search, body: text ? JSON.parse(text) : undefined },
          context: () => context(req),
        })
        .then(async (response) => {
          for (const [key, value] of response.headers) res.setHeader(key, value);
          res.statusCode = response.status ?? 200;
          if (response.body.kind === 'complete') {
            res.end(response.body.string);
            return;
          }
          for await (const chunk of response.body.asyncIterator) res.write(chunk);
          res.end();
        })
        .catch((error: unknown) => {
          res.statusCode = 500;
          res.end(JSON.stringify({ errors: [{ message: String(error) }] }));
        });
    });
  });
  http.keepAliveTimeout = 5000;
  await new Promise<void>((done) => http.listen(settings.port, '127.0.0.1', done));
  // What the baseline promises not to run: none of these may have been loaded, directly or not.
  const forbidden = Object.keys(require.cache).filter((file) => /node_modules\/(@nestjs\/|typeorm\/|class-validator\/|class-transformer\/)/.test(file));
  const names = [...new Set(forbidden.map((file) => /node_modules\/((@nestjs\/)?[^/]+)/.exec(file)![1]))];
  process.stdout.write(`${JSON.stringify({ port: settings.port, forbidden: names })}\n`);
  const stop = () => {
    http.close();
    void Promise.allSettled([server.stop(), db.end(), redis.quit()]).then(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error('The baseline server could not start:', error);
  process.exit(1);
});
