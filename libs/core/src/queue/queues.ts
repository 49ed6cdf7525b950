import type { MetricsOptions } from 'bullmq';

/** Every queue, by name. A job name reads `noun.verb` and belongs to exactly one handler. */
export enum QueueName {
  EMAIL = 'email',
  PAIRING = 'pairing',
}

export const JobName = {
  EMAIL_SEND: 'email.send',
  PAIRING_RECOMPUTE: 'pairing.recompute',
} as const;

/**
 * Every BullMQ Worker's `metrics` option: Redis then counts the queue's
 * completed and failed jobs (a failure is a job that gave up: attempts spent
 * or unrecoverable) for every worker together, which the API's /metrics
 * reports. An hour of per-minute points is kept; the totals are kept anyway.
 */
export const QUEUE_METRICS: MetricsOptions = { maxDataPoints: 60 };
