import type { TestApp } from './harness';

/**
 * The SQL statements the API ran while `request` was under way, in order and
 * without their values (transaction control included). TypeORM hands every
 * statement of the API's DataSource to its logger, whatever the log level, so
 * the logger is where they are counted. Run one request at a time, and start
 * the app without its worker (startTestApp({ worker: false })) so that nothing
 * else runs meanwhile.
 */
export async function statementsOf(app: TestApp, request: () => Promise<unknown>): Promise<string[]> {
  const statements: string[] = [];
  const logger = app.dataSource.logger;
  const original = logger.logQuery.bind(logger);
  logger.logQuery = (query, parameters, runner) => {
    statements.push(query.replace(/\s+/g, ' ').trim());
    return original(query, parameters, runner);
  };
  try {
    await request();
  } finally {
    logger.logQuery = original;
  }
  return statements;
}

/** How many of the statements read `table` (name it in a FROM or a JOIN). */
export function readsOf(statements: readonly string[], table: string): number {
  const reads = new RegExp(`\\b(FROM|JOIN)\\s+"?${table}"?(\\s|\\)|$)`, 'i');
  return statements.filter((s) => reads.test(s)).length;
}
