import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * Form state that survives a reload, an expired session's sign-in and an
 * error: kept in sessionStorage under `key` from the first change until
 * `clear()`. After a save, `clear(saved)` shows what was saved and forgets the draft.
 */
export function useDraft<T extends object>(key: string, initial: T): [T, (patch: Partial<T>) => void, (next?: T) => void] {
  const storageKey = `twins.draft.${key}`;
  const [value, setValue] = useState<T>(() => {
    try {
      const raw = sessionStorage.getItem(storageKey);
      return raw ? { ...initial, ...(JSON.parse(raw) as Partial<T>) } : initial;
    } catch {
      return initial;
    }
  });
  // Only what a person changed is a draft: an untouched form stores nothing.
  const [dirty, setDirty] = useState(() => sessionStorage.getItem(storageKey) !== null);
  const initialRef = useRef(initial);
  useEffect(() => {
    if (dirty) sessionStorage.setItem(storageKey, JSON.stringify(value));
  }, [storageKey, value, dirty]);
  const update = useCallback((patch: Partial<T>) => {
    setDirty(true);
    setValue((current) => ({ ...current, ...patch }));
  }, []);
  const clear = useCallback(
    (next?: T) => {
      sessionStorage.removeItem(storageKey);
      setDirty(false);
      setValue(next ?? initialRef.current);
    },
    [storageKey],
  );
  return [value, update, clear];
}
