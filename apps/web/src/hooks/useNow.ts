import { useEffect, useState } from 'react';

/**
 * The time now (ms since the epoch), read once and then every `everyMs`:
 * renders stay pure, and a page left open still moves on (clocks, countdowns,
 * "upcoming"). With `everyMs` null it is read once, when the page opens.
 */
export function useNow(everyMs: number | null = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (everyMs === null) return;
    const timer = window.setInterval(() => setNow(Date.now()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return now;
}
