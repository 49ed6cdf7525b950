import { useCallback, useEffect, useState } from 'react';

/**
 * Form state that survives a reload, an expired session's sign-in and an
 * error: kept in sessionStorage under `key` until `clear()` (after a save).
 */
export function useDraft<T extends object>(key: string, initial: T): [T, (patch: Partial<T>) => void, () => void] {
  const storageKey = `twins.draft.${key}`;
  const [value, setValue] = useState<T>(() => {
    try {
      const raw = sessionStorage.getItem(storageKey);
      return raw ? { ...initial, ...(JSON.parse(raw) as Partial<T>) } : initial;
    } catch {
      return initial;
    }
  });
  useEffect(() => {
    sessionStorage.setItem(storageKey, JSON.stringify(value));
  }, [storageKey, value]);
  const update = useCallback((patch: Partial<T>) => setValue((current) => ({ ...current, ...patch })), []);
  const clear = useCallback(() => {
    sessionStorage.removeItem(storageKey);
    setValue(initial);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [storageKey]);
  return [value, update, clear];
}
