import { useEffect, useRef, type FormEvent, type ReactNode } from 'react';
import type { CombinedError } from 'urql';
import { EVIDENCE_LIMITS } from '@app/rules';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Field } from '../../../components/Field';

/** Whether a text, trimmed, is `min` to `max` characters long. */
export function fits(text: string, min: number, max: number): boolean {
  const length = text.trim().length;
  return length >= min && length <= max;
}

export const sourceFits = (source: string) => fits(source, EVIDENCE_LIMITS.sourceMin, EVIDENCE_LIMITS.sourceMax);
export const textFits = (text: string) => fits(text, EVIDENCE_LIMITS.textMin, EVIDENCE_LIMITS.text);

/** A four-digit year from 1900 to 2999, as the API takes for a link's start and a figure's date. */
export const isYear = (value: string) => /^(19|2\d)\d\d$/.test(value.trim());

/**
 * A form of the city's evidence page: its heading and lead, the API's refusal
 * in the page's language, the fields, and the button that saves.
 */
export function EvidenceForm({
  id,
  title,
  lead,
  error,
  refusal,
  submit,
  busy,
  onSubmit,
  children,
}: {
  id: string;
  title: string;
  lead?: string;
  error?: CombinedError;
  /** In place of the usual notice, when the page explains a refusal of its own. */
  refusal?: ReactNode;
  submit: string;
  busy: boolean;
  onSubmit: () => void;
  children: ReactNode;
}) {
  return (
    <form
      className="form panel admin-evidence__form"
      aria-labelledby={id}
      noValidate
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <h3 id={id}>{title}</h3>
      {lead && <p>{lead}</p>}
      {refusal ?? <ErrorNotice error={error} />}
      {children}
      <button type="submit" className="button button--primary" disabled={busy}>
        {submit}
      </button>
    </form>
  );
}

/** Where a piece of evidence comes from: every form asks it alike. */
export function SourceField({ label, hint, problem, value, onChange }: { label: string; hint: string; problem: string | null; value: string; onChange: (value: string) => void }) {
  return <Field label={label} hint={hint} problem={problem} value={value} maxLength={EVIDENCE_LIMITS.sourceMax} onChange={(e) => onChange(e.target.value)} />;
}

/** A multi-line text field. */
export function TextArea({ label, hint, problem, value, onChange }: { label: string; hint?: string; problem?: string | null; value: string; onChange: (value: string) => void }) {
  return (
    <Field
      label={label}
      hint={hint}
      problem={problem}
      render={(control) => <textarea {...control} className="plain" rows={2} value={value} onChange={(e) => onChange(e.target.value)} />}
    />
  );
}

/** The status line of the city's page: says what was saved, focused so that it is heard. */
export function SavedNotice({ text, stamp }: { text: string; stamp: number }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (stamp) ref.current?.focus();
  }, [stamp]);
  return (
    <p ref={ref} tabIndex={-1} role="status" className={text ? 'notice notice--success' : 'form__status'}>
      {text}
    </p>
  );
}
