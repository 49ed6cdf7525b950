import { useEffect, useRef, type FormEvent, type ReactNode } from "react";
import { Field } from "../../components/Field";
import { StatusBadge } from "../../components/StatusBadge";
import type { OrganisationRequestStatus } from "../../gql/graphql";
import { useMessages } from "../../i18n";
import { organisationMessages } from "./messages";

/**
 * Pieces the requests' pages and the account's panel share, so a request's
 * status, a confirmation and a request form read and behave alike in both.
 */

/** A request's status, in the colours every list of requests gives it. */
export function RequestStatusBadge({
  status,
}: {
  status: OrganisationRequestStatus;
}) {
  const { t } = useMessages(organisationMessages);
  return (
    <StatusBadge status={status} kind="org-status" data-status={status}>
      {t(`status.${status}`)}
    </StatusBadge>
  );
}

export interface ActionPairProps {
  confirm: string;
  /** The confirming button's look: primary unless it ends something. */
  confirmClass?: "button--primary" | "button--danger";
  cancel: string;
  busy: boolean;
  /** Without it the confirming button submits its form. */
  onConfirm?: () => void;
  onCancel: () => void;
}

/** The button that goes ahead, held while it is under way, and the one that steps back. */
export function ActionPair({
  confirm,
  confirmClass = "button--primary",
  cancel,
  busy,
  onConfirm,
  onCancel,
}: ActionPairProps) {
  return (
    <div className="organisation-actions">
      <button
        type={onConfirm ? "button" : "submit"}
        className={`button ${confirmClass}`}
        disabled={busy}
        onClick={onConfirm}
      >
        {confirm}
      </button>
      <button type="button" className="button button--ghost" onClick={onCancel}>
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
    <div role="group" aria-label={label}>
      {children}
      <ActionPair {...actions} />
    </div>
  );
}

/** A form that asks for something, focused on its heading when it opens so the keyboard follows it. */
export function RequestForm({
  headingId,
  title,
  submit,
  busy,
  onSubmit,
  onCancel,
  children,
}: {
  headingId: string;
  title: string;
  submit: string;
  busy: boolean;
  onSubmit: (event: FormEvent) => void;
  onCancel: () => void;
  children: ReactNode;
}) {
  const { t } = useMessages(organisationMessages);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <form
      className="form panel"
      onSubmit={onSubmit}
      noValidate
      aria-labelledby={headingId}
    >
      <h4 id={headingId} ref={headingRef} tabIndex={-1}>
        {title}
      </h4>
      {children}
      <ActionPair
        confirm={submit}
        cancel={t("find.cancel")}
        busy={busy}
        onCancel={onCancel}
      />
    </form>
  );
}

/** The optional message that goes with a request. */
export function MessageField({
  label,
  hint,
  problem,
  value,
  onChange,
}: {
  label: string;
  hint: string;
  problem?: string | null;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <Field
      label={label}
      hint={hint}
      problem={problem}
      render={(control) => (
        <textarea
          {...control}
          rows={3}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    />
  );
}
