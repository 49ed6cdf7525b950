import { BeforeApplicationShutdown, Logger, OnApplicationBootstrap } from '@nestjs/common';

/**
 * Runs `tick` again and again: at once while it finds work (returns > 0),
 * after `intervalMs` when it finds none, and after a longer pause when it
 * fails (database or Redis away: what it moves stays where it is, so nothing
 * is lost). `stop` finishes the tick in hand and starts no other.
 */
export class PollingLoop {
  /** The loops of this process that have started and not stopped: the worker's metrics read their lag. */
  private static readonly started = new Set<PollingLoop>();

  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;
  /** When the last tick succeeded (or the loop started, before the first one did), by the monotonic clock in ms. */
  private lastSuccess = 0;

  constructor(
    readonly what: string,
    private readonly tick: () => Promise<number>,
    readonly intervalMs: number,
    private readonly logger: Logger,
  ) {}

  /** Every started loop of this process. */
  static running(): ReadonlySet<PollingLoop> {
    return PollingLoop.started;
  }

  /** Seconds since the last tick succeeded (since the start while none has): a few intervals at most while the loop is healthy. */
  secondsSinceSuccess(now = performance.now()): number {
    return (now - this.lastSuccess) / 1000;
  }

  start(): void {
    this.lastSuccess = performance.now();
    PollingLoop.started.add(this);
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    PollingLoop.started.delete(this);
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick()
        .then((count) => {
          this.lastSuccess = performance.now();
          this.schedule(count > 0 ? 0 : this.intervalMs);
        })
        .catch((error: Error) => {
          this.logger.warn(`${this.what} failed, will retry: ${error.message}`);
          this.schedule(Math.max(this.intervalMs, 2000));
        });
    }, delay);
  }
}

/**
 * A worker component that checks PostgreSQL for due work every `intervalMs`
 * from start-up to shutdown (digests, reminders): `check` does everything due
 * and returns how much it handled, which is logged.
 */
export abstract class PollingCheck implements OnApplicationBootstrap, BeforeApplicationShutdown {
  protected readonly logger: Logger;
  private readonly loop: PollingLoop;

  protected constructor(what: string, intervalMs: number) {
    this.logger = new Logger(this.constructor.name);
    this.loop = new PollingLoop(
      what,
      async () => {
        const handled = await this.check();
        if (handled > 0) this.logger.log(`${what}: handled ${handled}`);
        // check works through everything due; wait for the next check either way.
        return 0;
      },
      intervalMs,
      this.logger,
    );
  }

  protected abstract check(): Promise<number>;

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.loop.stop();
  }
}
