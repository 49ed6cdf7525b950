import { MixedText } from './LocalText';
import { useId, type InputHTMLAttributes, type ReactNode } from 'react';

/**
 * A labelled input with its hint and its problem (from validation as you
 * type, or from the server), tied to it for screen readers.
 */
export function Field({
  label,
  hint,
  problem,
  render,
  ...input
}: InputHTMLAttributes<HTMLInputElement> & {
  label: string;
  hint?: string;
  problem?: string | null;
  /** For a control other than an input (select, textarea): gets the id and ARIA wiring. */
  render?: (control: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => ReactNode;
}) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const problemId = problem ? `${id}-problem` : undefined;
  const control = { id, 'aria-invalid': !!problem, 'aria-describedby': [hintId, problemId].filter(Boolean).join(' ') || undefined };
  return (
    <div className={`field${problem ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={hintId} className="field__hint">
          <MixedText text={hint} />
        </p>
      )}
      {render ? render(control) : <input {...control} {...input} />}
      {problem && (
        <p id={problemId} className="field__problem">
          {problem}
        </p>
      )}
    </div>
  );
}
