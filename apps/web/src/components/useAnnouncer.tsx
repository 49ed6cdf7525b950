import { useRef, useState, type ReactNode } from 'react';

/**
 * A status line that says what was just done and takes the focus, so the
 * keyboard and screen readers follow the change: `line` goes where it should
 * read, `announce` says the next thing.
 */
export function useAnnouncer(): { line: ReactNode; announce: (text: string) => void } {
  const [text, setText] = useState('');
  const ref = useRef<HTMLParagraphElement>(null);
  const announce = (next: string) => {
    setText(next);
    setTimeout(() => ref.current?.focus(), 0);
  };
  const line = (
    <p ref={ref} tabIndex={-1} role="status" className="form__status">
      {text}
    </p>
  );
  return { line, announce };
}
