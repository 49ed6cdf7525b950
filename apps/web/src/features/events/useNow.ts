import { useEffect, useState } from 'react';

/** The time now (ms), read once and then every `everyMs`: renders stay pure, and a page left open still moves on. */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
