import type { IncomingMessage } from 'node:http';
import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/** Every series of the platform's own starts with this (the process's default ones keep their usual names). */
export const METRIC_PREFIX = 'twins_';

/** Latency buckets in seconds, from 5 ms to 10 s: a request or an operation fits one of these. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** The most distinct operation names one process labels; later new names count as `other`. */
export const MAX_OPERATION_NAMES = 200;

/** The longest operation name kept as a label. */
const MAX_OPERATION_NAME_LENGTH = 64;

/** A name as GraphQL writes one: letters, digits and underscores, not starting with a digit. */
const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

/** Operation types as labels. */
const OPERATION_TYPES = new Set(['query', 'mutation', 'subscription']);

/**
 * The process's Prometheus registry, one per application (the API and the
 * worker each have their own, so several in one process, as in the tests,
 * never clash): the process's default metrics, and the request and GraphQL
 * operation latency histograms. Other parts add their series to `registry`
 * (gauges read at scrape time: the outbox, the queues, the database pool,
 * the polling jobs).
 */
@Injectable()
export class Metrics {
  readonly registry = new Registry();
  private readonly requests: Histogram<'method' | 'route' | 'status'>;
  private readonly operations: Histogram<'operation' | 'type' | 'outcome'>;
  private readonly operationNames = new Set<string>();

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    this.requests = new Histogram({
      name: `${METRIC_PREFIX}http_request_duration_seconds`,
      help: 'HTTP requests by method, route (its template: /graphql, /events/:id/calendar.ics; other for anything unmatched) and status, from arrival to the last byte sent.',
      labelNames: ['method', 'route', 'status'],
      buckets: LATENCY_BUCKETS,
      registers: [this.registry],
    });
    this.operations = new Histogram({
      name: `${METRIC_PREFIX}graphql_operation_duration_seconds`,
      help: `GraphQL operations by name (anonymous; unknown when the document did not resolve to an operation; other past ${MAX_OPERATION_NAMES} names), type and outcome (ok, or error when the answer carries errors).`,
      labelNames: ['operation', 'type', 'outcome'],
      buckets: LATENCY_BUCKETS,
      registers: [this.registry],
    });
  }

  /** Records one answered HTTP request (requestLog calls it when the answer is sent). */
  readonly observeRequest = (req: IncomingMessage, status: number, seconds: number): void => {
    this.requests.observe({ method: req.method ?? 'OTHER', route: routeOf(req), status }, seconds);
  };

  /**
   * Records one GraphQL operation. `name` is the operation's name in its
   * document (null when it has none, undefined when no operation was
   * resolved); only names GraphQL could have written, and only the first
   * MAX_OPERATION_NAMES of them, become labels.
   */
  observeOperation(name: string | null | undefined, type: string | undefined, errors: boolean, seconds: number): void {
    this.operations.observe(
      { operation: this.operationLabel(name), type: type && OPERATION_TYPES.has(type) ? type : 'unknown', outcome: errors ? 'error' : 'ok' },
      seconds,
    );
  }

  operationLabel(name: string | null | undefined): string {
    if (name === undefined) return 'unknown';
    if (name === null || name === '') return 'anonymous';
    if (this.operationNames.has(name)) return name;
    if (name.length > MAX_OPERATION_NAME_LENGTH || !GRAPHQL_NAME.test(name) || this.operationNames.size >= MAX_OPERATION_NAMES) return 'other';
    this.operationNames.add(name);
    return name;
  }

  /** The text a scrape answers. */
  scrape(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}

/**
 * A request's route as a label: the template of the route that answered it
 * (`/events/:id/calendar.ics`), `/graphql`, or `other` (the web app's files
 * and pages, and anything unmatched), so paths holding ids or made up by a
 * client never become labels.
 */
export function routeOf(req: IncomingMessage): string {
  const express = req as IncomingMessage & { route?: { path?: unknown }; baseUrl?: string; originalUrl?: string };
  const template = express.route?.path;
  if (typeof template === 'string') return (express.baseUrl ?? '') + template;
  const path = (express.originalUrl ?? req.url ?? '').split('?')[0];
  return path === '/graphql' || path === '/graphql/' ? '/graphql' : 'other';
}

/** The longest a scrape waits for a reading (the database, Redis): a scrape must answer even when they do not. */
export const SCRAPE_READ_MS = 2000;

/**
 * A reading for the series of one scrape: `read` runs once however many of
 * its series ask at the same time (prom-client starts every collect() of a
 * scrape in one tick), and after SCRAPE_READ_MS the scrape goes on with
 * `missing` (those series left out) rather than waiting on a pool or a
 * connection that never answers. A read still running is not started again:
 * scrapes while the database is slow get `missing` at once, instead of
 * queueing one more query each in a pool that is already waiting.
 */
export function scrapeReading<T>(read: () => Promise<T>, missing: T): () => Promise<T> {
  let reading: Promise<T> | undefined;
  return () => {
    if (!reading) {
      const started = read();
      reading = started;
      void started.catch(() => undefined).finally(() => (reading = undefined));
    }
    const current = reading;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => resolve(missing), SCRAPE_READ_MS);
      current.then(resolve, reject).finally(() => clearTimeout(timer));
    });
  };
}
