import { Injectable } from '@nestjs/common';

/**
 * The one source of "now" for business rules (token expiry, deadlines), so
 * tests can move time without touching the system clock.
 */
@Injectable()
export class Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Test support: move this process's clock forward (or back). */
  advance(ms: number): void {
    this.offsetMs += ms;
  }

  reset(): void {
    this.offsetMs = 0;
  }
}
