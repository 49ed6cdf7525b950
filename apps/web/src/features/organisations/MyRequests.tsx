import { useState } from "react";
import { useMutation } from "urql";
import { ErrorNotice } from "../../components/ErrorNotice";
import { Time } from "../../components/Time";
import type { MyOrganisationsQuery } from "../../gql/graphql";
import { useMessages } from "../../i18n";
import { WithdrawRequest } from "./documents";
import { organisationMessages } from "./messages";
import { ConfirmGroup } from "../../components/Confirm";
import { RequestStatusBadge } from "./RequestControls";
import { requestSubject } from "./shared";

/** The person's own requests to join, with the decision's reason, and withdrawing one still waiting. */
export function MyRequests({
  requests,
  cityNames,
  onDone,
}: {
  requests: MyOrganisationsQuery["myOrganisationRequests"]["nodes"];
  cityNames: Map<string, { en: string; ko: string }>;
  onDone: (status: string) => void;
}) {
  const { t, language } = useMessages(organisationMessages);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [result, withdraw] = useMutation(WithdrawRequest);

  async function withdrawRequest(id: string) {
    const { data } = await withdraw({ id });
    if (data) {
      setConfirming(null);
      onDone(t("mine.withdrawn"));
    }
  }

  return (
    <>
      <h3>{t("mine.title")}</h3>
      <ErrorNotice error={result.error} />
      <ul className="list organisation-requests" aria-label={t("mine.title")}>
        {requests.map((request) => {
          const subject = requestSubject(request, language, cityNames);
          return (
            <li key={request.id} data-request-id={request.id}>
              <strong>{subject.name}</strong>{" "}
              {subject.proposal && (
                <span className="badge">{t("mine.newOrganisation")}</span>
              )}{" "}
              <RequestStatusBadge status={request.status} />
              <br />
              <small>
                {[subject.kind ? t(`kind.${subject.kind}`) : "", subject.city]
                  .filter(Boolean)
                  .join(" · ")}{" "}
                · {t("mine.asked")}: <Time value={request.createdAt} />
              </small>
              {request.decisionReason && (
                <p className="organisation-requests__reason">
                  {t("mine.reason")}: {request.decisionReason}
                </p>
              )}
              {request.status === "PENDING" && confirming !== request.id && (
                <div>
                  <button
                    aria-label={`${t("mine.withdraw")}: ${subject.name}`}
                    type="button"
                    className="button button--ghost button--small"
                    onClick={() => setConfirming(request.id)}
                  >
                    {t("mine.withdraw")}
                  </button>
                </div>
              )}
              {request.status === "PENDING" && confirming === request.id && (
                <ConfirmGroup
                  label={`${t("mine.withdraw")}: ${subject.name}`}
                  confirm={t("mine.withdrawConfirm")}
                  confirmClass="button--danger"
                  cancel={t("mine.keep")}
                  busy={result.fetching}
                  onConfirm={() => void withdrawRequest(request.id)}
                  onCancel={() => setConfirming(null)}
                >
                  <p>{t("mine.withdrawWarning")}</p>
                </ConfirmGroup>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}
