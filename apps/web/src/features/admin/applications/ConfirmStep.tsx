import { useState, type ReactNode } from 'react';
import { ConfirmGroup } from '../../organisations/RequestControls';

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
