import { useEffect, useRef, type FormEvent, type ReactNode } from "react";
import { ActionPair } from "../../components/Confirm";
import { Field } from "../../components/Field";
import { StatusBadge } from "../../components/StatusBadge";
import type { OrganisationRequestStatus } from "../../gql/graphql";
import { useMessages } from "../../i18n";
import { organisationMessages } from "./messages";

/**
 * Pieces the requests' pages and the account's panel share, so a request's
 * status and a request form read and behave alike in both.
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
