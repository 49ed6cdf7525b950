import { useEffect, useState } from 'react';

/**
 * `value` once it has stopped changing for `ms`: a search box asks the API
 * when the person pauses, not at every key. Until then it is the first value.
 */
export function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}
