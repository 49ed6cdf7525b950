import { useState, type ReactNode } from 'react';

/**
 * Asking before what cannot be undone, alike on every page: the pair of
 * buttons that goes ahead or steps back, the group that says what the step
 * does, and the step that opens it from a button.
 */

export interface ActionPairProps {
  confirm: string;
  /** The confirming button's look: primary unless it ends something. */
  confirmClass?: 'button--primary' | 'button--danger';
  cancel: string;
  busy: boolean;
  /** Without it the confirming button submits its form. */
  onConfirm?: () => void;
  onCancel: () => void;
}

/** The button that goes ahead, held while it is under way, and the one that steps back. */
export function ActionPair({
  confirm,
  confirmClass = 'button--primary',
  cancel,
  busy,
  onConfirm,
  onCancel,
}: ActionPairProps) {
  return (
    <div className="action-pair">
      <button
        type={onConfirm ? 'button' : 'submit'}
        className={`button ${confirmClass}`}
        disabled={busy}
        onClick={onConfirm}
      >
        {confirm}
      </button>
      <button type='button' className='button button--ghost' onClick={onCancel}>
        {cancel}
      </button>
    </div>
  );
}

/** A second step before a decision that cannot be taken back: what it does, then go ahead or keep. */
export function ConfirmGroup({
  label,
  children,
  ...actions
}: { label: string; children: ReactNode } & ActionPairProps) {
  return (
    <div role='group' aria-label={label}>
      {children}
      <ActionPair {...actions} />
    </div>
  );
}

/**
 * A step that cannot be undone: its button opens a second step that says what
 * it does (with any field it needs), then goes ahead or steps back. `onConfirm`
 * answers whether it was done; the second step stays open, with the page's
 * error, when it was not.
 */
export function ConfirmStep({
  label,
  confirm,
  cancel,
  busy,
  danger,
  primary,
  onConfirm,
  children,
}: {
  label: string;
  confirm: string;
  cancel: string;
  busy: boolean;
  /** The confirming button's look for a step that ends or removes something. */
  danger?: boolean;
  /** The opening button's look when it is the page's next step. */
  primary?: boolean;
  onConfirm: () => Promise<boolean>;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <button type="button" className={`button ${primary ? 'button--primary' : 'button--secondary'}`} onClick={() => setOpen(true)}>
        {label}
      </button>
    );
  }
  return (
    <ConfirmGroup
      label={label}
      confirm={confirm}
      confirmClass={danger ? 'button--danger' : 'button--primary'}
      cancel={cancel}
      busy={busy}
      onConfirm={async () => {
        if (await onConfirm()) setOpen(false);
      }}
      onCancel={() => setOpen(false)}
    >
      {children}
    </ConfirmGroup>
  );
}
