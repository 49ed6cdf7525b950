import { AppConfig } from '@app/core';

/** The drill's settings: its environment (the list in scripts/drill.ts), its goals and waits, and the timers it gives the platform. */

export const SMTP_DOWN_MS = numberSetting('DRILL_SMTP_DOWN_MS', 60_000);
export const RATE = numberSetting('DRILL_RATE', 8);
export const SETTLE_MS = numberSetting('DRILL_SETTLE_MS', 180_000);
/** Delivery must resume this soon after a worker's death. */
export const RESUME_GOAL_MS = 10_000;
/** How long the drill waits for delivery to resume after a kill before going on. */
export const RESUME_WAIT_MS = 90_000;
/** Traffic without a fault before the first and after each recovery. */
export const QUIET_MS = 5_000;

/** The drill's timers: the platform looks for due work often, so a short drill sees it happen. */
export const DRILL_TIMERS: Record<string, string> = {
  OUTBOX_POLL_MS: '200',
  DIGEST_CHECK_MS: '5000',
  EVENT_REMINDER_CHECK_MS: '5000',
  FUNDING_REMINDER_CHECK_MS: '5000',
};

function numberSetting(name: string, fallback: number): number {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0) throw new Error(`${name} must be a positive number (got ${value}).`);
  return parsed;
}

/** The platform's variables set in the drill's own environment: they win over the drill's choices. */
export function platformOverrides(): Record<string, string> {
  const known = Object.keys(new AppConfig());
  return Object.fromEntries(Object.entries(process.env).filter(([key, value]) => known.includes(key) && value !== undefined && key !== 'PORT')) as Record<string, string>;
}
