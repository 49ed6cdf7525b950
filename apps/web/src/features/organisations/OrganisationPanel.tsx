import { useRef, useState } from "react";
import { Link } from "react-router";
import { useQuery } from "urql";
import { useAuth } from "../../auth/AuthProvider";
import { ErrorNotice, Loading } from "../../components/ErrorNotice";
import { useCityNames } from "../../hooks/useCityNames";
import { useMessages } from "../../i18n";
import { cityName } from "../../i18n/cities";
import { MyOrganisationsAndRequests } from "./documents";
import { FindAndAsk } from "./FindAndAsk";
import { organisationMessages } from "./messages";
import { MyRequests } from "./MyRequests";
import { organisationName } from "./shared";
import "./organisations.css";

/**
 * The account page's panel for the person's organisations: the ones they
 * belong to (with their role in each), their requests to join one, finding
 * theirs to ask, and proposing one that is missing; the requests to decide for
 * those who manage one. Shown first while they belong to none.
 */
export function OrganisationPanel() {
  const { t, language } = useMessages(organisationMessages);
  const { hasRole } = useAuth();
  const [{ data, error, fetching }, reexecute] = useQuery({
    query: MyOrganisationsAndRequests,
    requestPolicy: "cache-and-network",
  });
  const cityNames = useCityNames();
  const [status, setStatus] = useState("");
  const statusRef = useRef<HTMLParagraphElement>(null);
  const refresh = () => reexecute({ requestPolicy: "network-only" });
  const announce = (text: string) => {
    setStatus(text);
    // After an action the focus goes to what it did, so the keyboard is not left on a control that is gone.
    setTimeout(() => statusRef.current?.focus(), 0);
  };
  /** After an action: say what it did and show the lists as they are now. */
  const done = (text: string) => {
    announce(text);
    refresh();
  };
  const organisations = data?.me.organisations ?? [];
  const requests = data?.myOrganisationRequests.nodes ?? [];
  const memberIds = new Set(organisations.map((o) => o.id));
  // Only an organisation's managers decide who joins it, so only they are pointed to the requests.
  const roles = new Map((data?.me.memberships ?? []).map((m) => [m.organisationId, m.role]));
  const manages = [...roles.values()].includes("MANAGER");

  return (
    <section
      className="organisations-panel"
      aria-labelledby="organisation-heading"
    >
      <h2 id="organisation-heading">{t("panel.title")}</h2>
      <ErrorNotice error={error} onRetry={refresh} />
      {fetching && !data && <Loading />}
      {data && organisations.length === 0 && (
        <p className="notice notice--info">{t("panel.why")}</p>
      )}
      {organisations.length > 0 && (
        <>
          <h3>{t("panel.memberOf")}</h3>
          <ul className="list" data-testid="my-organisations">
            {organisations.map((o) => (
              <li key={o.id}>
                <strong>{organisationName(o, language)}</strong>{" "}
                <span className="badge">{t(`kind.${o.kind}`)}</span>{" "}
                <span className="badge">
                  {t(`panel.role.${roles.get(o.id) ?? "MEMBER"}`)}
                </span>{" "}
                <small>
                  {t("panel.inCity", { city: cityName(o.city, language) })}
                </small>
              </li>
            ))}
          </ul>
          {manages && (
            <p>
              <Link to="/me/organisation-requests">
                {t("panel.decideLink")}
              </Link>
            </p>
          )}
        </>
      )}
      {hasRole("ADMIN") && (
        <p>
          <Link to="/admin/organisation-requests">{t("panel.adminLink")}</Link>
        </p>
      )}
      <p ref={statusRef} tabIndex={-1} role="status" className="form__status">
        {status}
      </p>
      {requests.length > 0 && (
        <MyRequests requests={requests} cityNames={cityNames} onDone={done} />
      )}
      <FindAndAsk memberIds={memberIds} onSent={done} />
    </section>
  );
}
