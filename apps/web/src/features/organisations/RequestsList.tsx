import { TypedText } from "../../components/LocalText";
import { useRef, useState } from "react";
import { Link } from "react-router";
import { useMutation, useQuery } from "urql";
import { problemOf } from "../../api/errors";
import { ErrorNotice, Loading } from "../../components/ErrorNotice";
import { Field } from "../../components/Field";
import { MoreButton, Paged } from "../../components/Paged";
import { Time } from "../../components/Time";
import type {
  OrganisationRequestStatus,
  RequestsToDecideQuery,
} from "../../gql/graphql";
import { useCityNames } from "../../hooks/useCityNames";
import { useMessages } from "../../i18n";
import { DecideRequest, RequestsToDecide } from "./documents";
import { organisationMessages } from "./messages";
import { ConfirmGroup } from "../../components/Confirm";
import { RequestStatusBadge } from "./RequestControls";
import { requestSubject, STATUSES } from "./shared";
import "./organisations.css";

type Request = RequestsToDecideQuery["organisationRequests"]["nodes"][number];
const PAGE = 20;

/**
 * Requests for the signed-in person to decide, a status at a time (those
 * waiting first), page by page. The API says which: an admin's are all, a
 * member's those to join their organisations.
 */
export function RequestsList({
  title,
  intro,
}: {
  title: string;
  intro: string;
}) {
  const { t } = useMessages(organisationMessages);
  const [status, setStatus] = useState<OrganisationRequestStatus | "">(
    "PENDING",
  );
  const [done, setDone] = useState("");
  const doneRef = useRef<HTMLParagraphElement>(null);
  const announce = (text: string) => {
    setDone(text);
    setTimeout(() => doneRef.current?.focus(), 0);
  };
  return (
    <div className="page">
      <h1>{title}</h1>
      <p>{intro}</p>
      <p>
        <Link to="/me">{t("decide.ownLink")}</Link>
      </p>
      <Field
        label={t("decide.filter")}
        render={(control) => (
          <select
            {...control}
            value={status}
            onChange={(e) =>
              setStatus(e.target.value as OrganisationRequestStatus | "")
            }
          >
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
            <option value="">{t("decide.all")}</option>
          </select>
        )}
      />
      <p ref={doneRef} tabIndex={-1} role="status" className="form__status">
        {done}
      </p>
      <Paged
        key={status}
        renderPage={(after, isLast, onMore) => (
          <RequestsPage
            key={after ?? "first"}
            status={status}
            after={after}
            isLast={isLast}
            onMore={onMore}
            onDecided={announce}
          />
        )}
      />
    </div>
  );
}

function RequestsPage({
  status,
  after,
  isLast,
  onMore,
  onDecided,
}: {
  status: OrganisationRequestStatus | "";
  after: string | null;
  isLast: boolean;
  onMore: (cursor: string) => void;
  onDecided: (text: string) => void;
}) {
  const { t } = useMessages(organisationMessages);
  const [{ data, error, fetching }, reexecute] = useQuery({
    query: RequestsToDecide,
    variables: { filter: status ? { status } : {}, first: PAGE, after },
    requestPolicy: "cache-and-network",
  });
  const first = after === null;
  return (
    <>
      <ErrorNotice
        error={error}
        onRetry={() => reexecute({ requestPolicy: "network-only" })}
      />
      {fetching && !data && <Loading />}
      {data && first && (
        <p aria-live="polite">
          {data.organisationRequests.totalCount === 0
            ? t("decide.none")
            : t("decide.count", {
                count: data.organisationRequests.totalCount,
              })}
        </p>
      )}
      {data && data.organisationRequests.nodes.length > 0 && (
        <ul className="list organisation-requests">
          {data.organisationRequests.nodes.map((request) => (
            <RequestItem
              key={request.id}
              request={request}
              onDecided={onDecided}
            />
          ))}
        </ul>
      )}
      {data && isLast && (
        <MoreButton
          pageInfo={data.organisationRequests.pageInfo}
          onMore={onMore}
        >
          {t("decide.more")}
        </MoreButton>
      )}
    </>
  );
}

function RequestItem({
  request,
  onDecided,
}: {
  request: Request;
  onDecided: (text: string) => void;
}) {
  const { t, language } = useMessages(organisationMessages);
  const cityNames = useCityNames();
  const subject = requestSubject(request, language, cityNames);
  const [confirming, setConfirming] = useState<"approve" | "decline" | null>(
    null,
  );
  const [reason, setReason] = useState("");
  const [missingReason, setMissingReason] = useState(false);
  const [result, decide] = useMutation(DecideRequest);
  const headingId = `request-${request.id}`;
  const conflict = problemOf(result.error);

  async function act(approve: boolean) {
    if (!approve && !reason.trim()) {
      setMissingReason(true);
      return;
    }
    const { data } = await decide({
      input: {
        id: request.id,
        approve,
        reason: approve ? undefined : reason.trim(),
      },
    });
    if (data) {
      setConfirming(null);
      onDecided(approve ? t("decide.approved") : t("decide.declined"));
    }
  }

  return (
    <li data-request-id={request.id}>
      <article aria-labelledby={headingId}>
        <h2 id={headingId} className="organisation-requests__who">
          {request.user.displayName}{" "}
          <RequestStatusBadge status={request.status} />
        </h2>
        <dl>
          <dt>{t("decide.email")}</dt>
          <dd>{request.requesterEmail}</dd>
          <dt>
            {subject.proposal ? t("decide.proposed") : t("decide.organisation")}
          </dt>
          <dd>
            {subject.proposal ? (
              <>
                <span lang="en">{request.proposedNameEn}</span> ·{" "}
                <span lang="ko">{request.proposedNameKo}</span>
              </>
            ) : (
              subject.name
            )}
          </dd>
          {subject.kind && (
            <>
              <dt>{t("decide.kind")}</dt>
              <dd>{t(`kind.${subject.kind}`)}</dd>
            </>
          )}
          <dt>{t("decide.city")}</dt>
          <dd>{subject.city}</dd>
          <dt>{t("decide.message")}</dt>
          <dd>{request.message ? <TypedText text={request.message} /> : t("decide.noMessage")}</dd>
          <dt>{t("decide.asked")}</dt>
          <dd>
            <Time value={request.createdAt} />
          </dd>
          {request.decisionReason && (
            <>
              <dt>{t("decide.reason")}</dt>
              <dd>{request.decisionReason}</dd>
            </>
          )}
        </dl>
        {conflict?.code === "CONFLICT" && !conflict.reason ? (
          <p className="notice notice--info" role="alert">
            {t("decide.alreadyDecided")}
          </p>
        ) : (
          <ErrorNotice error={result.error} />
        )}
        {request.status === "PENDING" && !confirming && (
          <div className="action-pair">
            <button
              aria-label={`${t("decide.approve")}: ${request.user.displayName}`}
              type="button"
              className="button button--primary"
              onClick={() => setConfirming("approve")}
            >
              {t("decide.approve")}
            </button>
            <button
              aria-label={`${t("decide.decline")}: ${request.user.displayName}`}
              type="button"
              className="button button--secondary"
              onClick={() => setConfirming("decline")}
            >
              {t("decide.decline")}
            </button>
          </div>
        )}
        {request.status === "PENDING" && confirming === "approve" && (
          <ConfirmGroup
            label={`${t("decide.approve")}: ${request.user.displayName}`}
            confirm={t("decide.approveConfirm")}
            cancel={t("decide.keep")}
            busy={result.fetching}
            onConfirm={() => void act(true)}
            onCancel={() => setConfirming(null)}
          >
            <p>{t("decide.approveWarning")}</p>
          </ConfirmGroup>
        )}
        {request.status === "PENDING" && confirming === "decline" && (
          <ConfirmGroup
            label={`${t("decide.decline")}: ${request.user.displayName}`}
            confirm={t("decide.declineConfirm")}
            confirmClass="button--danger"
            cancel={t("decide.keep")}
            busy={result.fetching}
            onConfirm={() => void act(false)}
            onCancel={() => setConfirming(null)}
          >
            <Field
              label={t("decide.declineReason")}
              problem={
                missingReason && !reason.trim()
                  ? t("decide.declineNeedsReason")
                  : null
              }
              render={(control) => (
                <textarea
                  {...control}
                  rows={3}
                  value={reason}
                  onChange={(e) => setReason(e.target.value)}
                  autoFocus
                />
              )}
            />
          </ConfirmGroup>
        )}
      </article>
    </li>
  );
}
