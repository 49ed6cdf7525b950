import { useCallback, useState } from 'react';

/** The width of an element as it is laid out, kept current as it resizes (for drawing SVG at its real size). */
export function useElementWidth(fallback: number): [number, (element: HTMLElement | null) => void] {
  const [width, setWidth] = useState(fallback);
  const ref = useCallback((element: HTMLElement | null) => {
    if (!element) return;
    const measure = () => setWidth(Math.round(element.getBoundingClientRect().width) || fallback);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [fallback]);
  return [width, ref];
}
