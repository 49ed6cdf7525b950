import { randomUUID } from 'node:crypto';
import { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Logger, ModuleMetadata } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import type { Request } from 'express';
import depthLimit from 'graphql-depth-limit';
import { getComplexity, simpleEstimator, fieldExtensionsEstimator, ComplexityEstimator } from 'graphql-query-complexity';
import { AppConfig } from '../config/app-config';
import type { RequestContext } from '../auth/auth-user';
import { SessionResolver } from '../auth/session-resolver';
import { applyFieldAccess } from '../auth/field-access.middleware';
import { AppError, ErrorCode } from '../errors/error-codes';
import { formatGraphqlError } from '../errors/format-error';
import type { LoggedRequest } from '../logging/logging.module';
import { DEFAULT_PAGE_SIZE } from './pagination';

const logger = new Logger('GraphQL');

/** Paginated lists cost their page size (the default when none is given) times what each item asks for. */
const pageSizeEstimator: ComplexityEstimator = ({ args, childComplexity, field }) => {
  const paginated = field.args.some((a) => a.name === 'first');
  if (paginated) return (1 + childComplexity) * Number(args.first ?? DEFAULT_PAGE_SIZE);
  return undefined;
};

function complexityLimitPlugin(max: number): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          let complexity: number;
          try {
            complexity = getComplexity({
              schema,
              operationName: request.operationName ?? undefined,
              query: document,
              variables: request.variables ?? {},
              estimators: [fieldExtensionsEstimator(), pageSizeEstimator, simpleEstimator({ defaultComplexity: 1 })],
            });
          } catch (error) {
            // Variables that do not fit their types: say so the way execution would.
            throw new AppError(ErrorCode.BAD_USER_INPUT, (error as Error).message);
          }
          if (complexity > max) {
            throw new AppError(
              ErrorCode.BAD_USER_INPUT,
              `This query is too large (cost ${complexity}, at most ${max}). Ask for fewer fields or smaller pages.`,
            );
          }
        },
      };
    },
  };
}

/** Records the operation name on the request so the access log line carries it. */
const operationNamePlugin: ApolloServerPlugin<RequestContext & { req?: LoggedRequest }> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operationName, contextValue }) {
        const req = (contextValue as { req?: LoggedRequest }).req;
        if (req) req.operationName = operationName ?? 'anonymous';
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
 * GraphQL over Apollo Server, code first. Introspection and the explorer are
 * on outside production. Depth and cost are capped, errors carry stable codes
 * and restricted fields are wrapped by applyFieldAccess.
 */
export function graphqlModule(options: GraphqlModuleOptions): DynamicModule {
  return GraphQLModule.forRootAsync<ApolloDriverConfig>({
    driver: ApolloDriver,
    imports: options.imports,
    inject: [AppConfig, SessionResolver],
    useFactory: (config: AppConfig, sessions: SessionResolver): ApolloDriverConfig => ({
      path: '/graphql',
      autoSchemaFile: options.schemaFile,
      sortSchema: true,
      playground: false,
      introspection: !config.isProduction,
      plugins: [
        config.isProduction
          ? ApolloServerPluginLandingPageDisabled()
          : ApolloServerPluginLandingPageLocalDefault({ footer: false, embed: true }),
        complexityLimitPlugin(config.GRAPHQL_MAX_COMPLEXITY),
        operationNamePlugin,
      ],
      validationRules: [depthLimit(config.GRAPHQL_MAX_DEPTH)],
      // Field access is enforced by applyFieldAccess below, on restricted fields only: no per-field guards.
      buildSchemaOptions: { numberScalarMode: 'integer' },
      transformSchema: applyFieldAccess,
      formatError: (formatted, error) =>
        formatGraphqlError(formatted, error, (unexpected) => logger.error(unexpected)),
      context: async ({ req }: { req: Request & LoggedRequest }): Promise<RequestContext & { req: Request }> => {
        const ctx: RequestContext & { req: Request } = {
          req,
          requestId: typeof req.id === 'string' ? req.id : randomUUID(),
          ip: req.ip ?? req.socket.remoteAddress ?? 'unknown',
          user: null,
          loaders: new Map(),
        };
        const header = req.headers.authorization;
        if (header?.startsWith('Bearer ')) {
          const { user, problem } = await sessions.resolve(header.slice('Bearer '.length).trim());
          ctx.user = user;
          ctx.authProblem = problem;
          if (user) req.userId = user.id;
        }
        return ctx;
      },
    }),
  });
}
