/**
 * Fails the running test when two queries run at once on one PostgreSQL
 * connection: typically Promise.all over a transaction's EntityManager. pg 8
 * queues the second query and, from the third, warns "Calling client.query()
 * when the client is already executing a query"; pg 9 throws. Inside a
 * transaction the order of such queries is not the order of the code.
 *
 * Every pg Client of this test file (the API's, the in-process worker's, the
 * tests' own) goes through this wrapper: it counts each client's queries in
 * flight and records the caller of any query issued while one is running, so
 * even two at once are caught, not only the ones pg warns about. Each test
 * file has its own copy of pg (Jest's module registry), so this patches only
 * this file's.
 */
import { join } from 'node:path';
import { Client } from 'pg';

export interface Overlap {
  sql: string;
  stack: string;
}

const overlaps: Overlap[] = [];
const inFlight = new WeakMap<object, number>();
const PATCHED = Symbol.for('twins.oneQueryPerConnection');

type QueryFn = (this: Client, ...args: unknown[]) => unknown;
const proto = Client.prototype as unknown as { query: QueryFn; [PATCHED]?: boolean };

if (!proto[PATCHED]) {
  proto[PATCHED] = true;
  const original = proto.query;
  proto.query = function (this: Client, ...args: unknown[]): unknown {
    const [config] = args;
    // Cursors and streams (objects with submit()) manage themselves: not counted.
    if (typeof (config as { submit?: unknown } | null)?.submit === 'function') return original.apply(this, args);
    const running = inFlight.get(this) ?? 0;
    if (running > 0) {
      const sql = typeof config === 'string' ? config : String((config as { text?: unknown } | null)?.text ?? '');
      const limit = Error.stackTraceLimit;
      Error.stackTraceLimit = 50; // past the ORM's frames, up to ours
      overlaps.push({ sql: sql.replace(/\s+/g, ' ').slice(0, 160), stack: new Error('query issued here').stack ?? '' });
      Error.stackTraceLimit = limit;
    }
    inFlight.set(this, running + 1);
    const finished = () => inFlight.set(this, Math.max(0, (inFlight.get(this) ?? 1) - 1));
    const callbackAt = args.findIndex((a) => typeof a === 'function');
    if (callbackAt >= 0) {
      const callback = args[callbackAt] as (...results: unknown[]) => void;
      args[callbackAt] = (...results: unknown[]) => {
        finished();
        callback(...results);
      };
    }
    let result: unknown;
    try {
      result = original.apply(this, args);
    } catch (error) {
      // Refused before it was sent (a null query, say): nothing is running.
      finished();
      throw error;
    }
    if (callbackAt >= 0) return result;
    if (result && typeof (result as Promise<unknown>).then === 'function') (result as Promise<unknown>).then(finished, finished);
    else finished();
    return result;
  };
}

/** The overlaps recorded since the last call, which then no longer fail the test (for the guard's own test). */
export function takeOverlaps(): Overlap[] {
  return overlaps.splice(0);
}

function failOnOverlaps(): void {
  const found = takeOverlaps();
  if (found.length === 0) return;
  const callers = found.map((o, i) => `#${i + 1} ${o.sql}\n${callerFrames(o.stack)}`).join('\n\n');
  throw new Error(
    `${found.length} quer${found.length === 1 ? 'y was' : 'ies were'} sent on a PostgreSQL connection that was still running another ` +
      '(pg: "Calling client.query() when the client is already executing a query"). Run queries on one EntityManager or ' +
      `QueryRunner one after the other (await each), not with Promise.all.\n\n${callers}`,
  );
}

const ROOT = join(__dirname, '..', '..');
const OUR_CODE = ['apps', 'libs', 'scripts', 'test'].map((dir) => join(ROOT, dir));

/** The frames of our own code (not the libraries', nor this file's): who issued the query. */
function callerFrames(stack: string): string {
  const ours = stack.split('\n').filter((line) => OUR_CODE.some((dir) => line.includes(dir)) && !line.includes('one-query-per-connection'));
  // Not "    at …": Jest would take those lines for the error's own stack and drop them.
  return (ours.length ? ours : stack.split('\n').slice(1)).slice(0, 8).map((line) => `  from ${line.trim().replace(/^at /, '')}`).join('\n');
}

afterEach(failOnOverlaps);
afterAll(failOnOverlaps);
