import { randomUUID } from 'node:crypto';
import { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Logger, Module, ModuleMetadata } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import type { Request } from 'express';
import { AppConfig } from '../config/app-config';
import type { RequestContext } from '../auth/auth-user';
import type { Language } from '../auth/roles';
import { SessionResolver } from '../auth/session-resolver';
import { applyFieldAccess } from '../auth/field-access.middleware';
import { AppError, ErrorCode, ServiceUnavailableError } from '../errors/error-codes';
import { isServiceUnavailable } from '../errors/unavailable';
import { errorInLanguage, formatGraphqlError } from '../errors/format-error';
import { requestLanguage, words } from '../i18n/words';
import type { LoggedRequest } from '../logging/logging.module';
import { Metrics } from '../metrics/metrics';
import { queryCost } from './cost';
import { depthLimitRule } from './depth-limit';
import { rateLimitedRefusal, tooCostlyRefusal, unsafeInputRefusal, withHttpStatus } from './refusals';
import { RequestRateLimiter } from './request-rate-limiter';
import { findUnsafeStrings } from './string-guard';

const logger = new Logger('GraphQL');

/** The request context, and the key its client's requests are counted under. */
type LimitedContext = RequestContext & { rateKey: string };

/** Provides the request rate limiter to the GraphQL module's factory. */
@Module({ providers: [RequestRateLimiter], exports: [RequestRateLimiter] })
export class GraphqlLimitsModule {}

/**
 * The most tokens (names, punctuation, values) a query document may have.
 * The web app's largest and the explorer's introspection query have under
 * 200 each; 2000 leaves room for hand-written queries while parsing and
 * validating stays cheap: graphql-js compares same-named fields pairwise, and
 * 100 kB of repeated fields took a third of a second to refuse.
 */
export const MAX_DOCUMENT_TOKENS = 2000;

/** "Did you mean …?" hints, which would map the schema for someone who cannot introspect it. */
const SUGGESTION = / ?Did you mean(.+?)\?$/;

/**
 * Checks every operation before it runs, in this order: text arguments we
 * could not store (NUL, broken surrogates), then the query's cost against
 * GRAPHQL_MAX_COMPLEXITY, then that cost against the client's budget in the
 * rate-limit window. Each refusal answers the whole request with HTTP 400
 * (429 for the budget) and a stable code; nothing has run yet.
 */
function requestLimitsPlugin(max: number, limiter: RequestRateLimiter): ApolloServerPlugin<LimitedContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema, contextValue }) {
          const unsafe = findUnsafeStrings(document, request.variables ?? undefined);
          if (unsafe.length) throw unsafeInputRefusal(unsafe);
          let cost: number;
          try {
            cost = queryCost(schema, document, request.variables ?? {}, request.operationName ?? undefined);
          } catch (error) {
            // Variables that do not fit their types: say so the way execution would.
            const { message } = error as Error;
            throw withHttpStatus(new AppError(ErrorCode.BAD_USER_INPUT, words(message, `변수 값이 선언된 형식에 맞지 않습니다. (${message})`)), 400);
          }
          if (cost > max) throw tooCostlyRefusal(cost, max);
          const charged = await limiter.chargeCost(contextValue.rateKey, cost);
          if (!charged.allowed) throw rateLimitedRefusal(charged.retryAfterSeconds, 'cost');
        },
      };
    },
  };
}

/**
 * Each operation as the access log and /metrics see it: its name goes on the
 * request (the log line carries it), and its time goes to the GraphQL latency
 * histogram, from the request's arrival (requestLog's timer: the session and
 * the rate limit included) to its answer, labelled with the operation's name
 * in its document, its type and whether the answer carries errors. A document
 * refused before it runs (too costly, invalid) counts too, as an error; a
 * request refused before Apollo starts on it (the request rate limit) is in
 * the request histogram only. One plugin, so a request pays for one set of hooks.
 */
function operationPlugin(metrics: Metrics): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart({ contextValue }) {
      const req = (contextValue as { req?: LoggedRequest }).req;
      const started = req?.startedAt ?? process.hrtime.bigint();
      return {
        async didResolveOperation({ operationName }) {
          if (req) req.operationName = operationName ?? 'anonymous';
        },
        async willSendResponse({ operation, operationName, errors, response }) {
          const failed = !!errors?.length || (response.body.kind === 'single' && !!response.body.singleResult.errors?.length);
          // No operation: the document did not parse or validate, or named no operation it holds.
          metrics.observeOperation(operation ? operationName : undefined, operation?.operation, failed, Number(process.hrtime.bigint() - started) / 1e9);
        },
      };
    },
  };
}

/** An error thrown while the context is built, in the request's language (Accept-Language, then the account's). */
function saidIn<E extends AppError>(error: E, language: Language): E {
  error.language = language;
  return error;
}

/**
 * Answers every error in the request's language: the API's own errors are
 * composed in English and Korean (AppError), and formatGraphqlError leaves
 * each a way to say itself in either; this picks the caller's.
 */
const languagePlugin: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, contextValue }) {
        if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
        const language = contextValue.language ?? 'en';
        response.body.singleResult.errors = response.body.singleResult.errors.map((error) => errorInLanguage(error, language));
      },
    };
  },
};

export interface GraphqlModuleOptions {
  /** Modules providing SessionResolver (identity). */
  imports: ModuleMetadata['imports'];
  /** Where to write the schema; `true` keeps it in memory (tests). */
  schemaFile: string | true;
}

/**
 * GraphQL over Apollo Server, code first. Introspection, the explorer and
 * "Did you mean" hints are on outside production. Depth, cost and each
 * client's rate are capped, errors carry stable codes (whole-request refusals
 * with HTTP 400 or 429, never 500) and restricted fields are wrapped by
 * applyFieldAccess.
 */
export function graphqlModule(options: GraphqlModuleOptions): DynamicModule {
  return GraphQLModule.forRootAsync<ApolloDriverConfig>({
    driver: ApolloDriver,
    imports: [...(options.imports ?? []), GraphqlLimitsModule],
    inject: [AppConfig, SessionResolver, RequestRateLimiter, Metrics],
    useFactory: (config: AppConfig, sessions: SessionResolver, limiter: RequestRateLimiter, metrics: Metrics): ApolloDriverConfig => ({
      path: '/graphql',
      autoSchemaFile: options.schemaFile,
      sortSchema: true,
      playground: false,
      introspection: !config.isProduction,
      // Production strips "Did you mean" from validation errors; formatError below from any other message.
      hideSchemaDetailsFromClientErrors: config.isProduction,
      parseOptions: { maxTokens: MAX_DOCUMENT_TOKENS },
      // A JSON array of operations is refused with 400 BAD_REQUEST ("Operation batching disabled").
      allowBatchedHttpRequests: false,
      plugins: [
        // No Apollo landing page (it loads from a CDN): outside production the API serves GraphiQL from its own bundle.
        ApolloServerPluginLandingPageDisabled(),
        // Nothing here is cached by HTTP caches (answers depend on the session and the language), and the
        // cache-control plugin would otherwise wrap every field's resolver to compute a policy nobody reads.
        ApolloServerPluginCacheControlDisabled(),
        requestLimitsPlugin(config.GRAPHQL_MAX_COMPLEXITY, limiter),
        operationPlugin(metrics),
        languagePlugin,
      ],
      validationRules: [depthLimitRule(config.GRAPHQL_MAX_DEPTH)],
      // Field access is enforced by applyFieldAccess below, on restricted fields only: no per-field guards.
      buildSchemaOptions: { numberScalarMode: 'integer' },
      transformSchema: applyFieldAccess,
      formatError: (formatted, error) => {
        const result = formatGraphqlError(formatted, error, (unexpected) => logger.error(unexpected));
        return config.isProduction ? { ...result, message: result.message.replace(SUGGESTION, '') } : result;
      },
      context: async ({ req }: { req: Request & LoggedRequest }): Promise<LimitedContext & { req: Request }> => {
        const ctx: LimitedContext & { req: Request } = {
          req,
          requestId: typeof req.id === 'string' ? req.id : randomUUID(),
          ip: req.ip ?? req.socket.remoteAddress ?? 'unknown',
          user: null,
          language: requestLanguage(req.headers['accept-language']),
          loaders: new Map(),
          rateKey: '',
        };
        const header = req.headers.authorization;
        if (header?.startsWith('Bearer ')) {
          const { user, problem } = await sessions.resolve(header.slice('Bearer '.length).trim()).catch((error: unknown) => {
            // The database away (a restart): 503 with Retry-After, not a 500, and the request can simply be sent again.
            throw isServiceUnavailable(error) ? saidIn(new ServiceUnavailableError(), ctx.language) : error;
          });
          ctx.user = user;
          ctx.authProblem = problem;
          if (user) req.userId = user.id;
          ctx.language = requestLanguage(req.headers['accept-language'], user?.language);
        }
        // Counted before the document is parsed: parsing and validating a large one is work too.
        ctx.rateKey = RequestRateLimiter.clientKey(ctx.user?.id, ctx.ip);
        const admitted = await limiter.admitRequest(ctx.rateKey);
        if (!admitted.allowed) throw saidIn(rateLimitedRefusal(admitted.retryAfterSeconds, admitted.limit ?? 'requests'), ctx.language);
        return ctx;
      },
    }),
  });
}
