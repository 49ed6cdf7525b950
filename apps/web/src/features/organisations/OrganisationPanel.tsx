import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { Link } from "react-router";
import { useMutation, useQuery } from "urql";
import { extensionsOf, fieldProblems, problemOf } from "../../api/errors";
import { useAuth } from "../../auth/AuthProvider";
import { ErrorNotice, Loading } from "../../components/ErrorNotice";
import { Field } from "../../components/Field";
import { StatusBadge } from "../../components/StatusBadge";
import { Time } from "../../components/Time";
import type {
  MyOrganisationsQuery,
  OrganisationFieldsFragment,
} from "../../gql/graphql";
import { useCityNames } from "../../hooks/useCityNames";
import { useMessages } from "../../i18n";
import { cityName } from "../../i18n/cities";
import {
  AskToJoin,
  FindOrganisations,
  MyOrganisationsAndRequests,
  OrganisationById,
  ProposeOrganisation,
  WithdrawRequest,
} from "./documents";
import { organisationMessages } from "./messages";
import { KINDS, organisationName, requestSubject } from "./shared";
import "./organisations.css";

/**
 * The account page's panel for the person's organisations: the ones they
 * belong to, their requests to join one, finding theirs to ask, and proposing
 * one that is missing. Shown first while they belong to none.
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
  const organisations = data?.me.organisations ?? [];
  const requests = data?.myOrganisationRequests.nodes ?? [];
  const memberIds = new Set(organisations.map((o) => o.id));

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
                <small>
                  {t("panel.inCity", { city: cityName(o.city, language) })}
                </small>
              </li>
            ))}
          </ul>
          <p>
            <Link to="/me/organisation-requests">{t("panel.decideLink")}</Link>
          </p>
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
        <MyRequests
          requests={requests}
          cityNames={cityNames}
          onDone={(text) => {
            announce(text);
            refresh();
          }}
        />
      )}
      <FindAndAsk
        memberIds={memberIds}
        onSent={(text) => {
          announce(text);
          refresh();
        }}
      />
    </section>
  );
}

function MyRequests({
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
              <StatusBadge
                status={request.status}
                kind="org-status"
                data-status={request.status}
              >
                {t(`status.${request.status}`)}
              </StatusBadge>
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
                <div
                  role="group"
                  aria-label={`${t("mine.withdraw")}: ${subject.name}`}
                >
                  <p>{t("mine.withdrawWarning")}</p>
                  <div className="organisation-actions">
                    <button
                      type="button"
                      className="button button--danger"
                      disabled={result.fetching}
                      onClick={async () => {
                        const { data } = await withdraw({ id: request.id });
                        if (data) {
                          setConfirming(null);
                          onDone(t("mine.withdrawn"));
                        }
                      }}
                    >
                      {t("mine.withdrawConfirm")}
                    </button>
                    <button
                      type="button"
                      className="button button--ghost"
                      onClick={() => setConfirming(null)}
                    >
                      {t("mine.keep")}
                    </button>
                  </div>
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}

type Found = OrganisationFieldsFragment & {
  emailDomainMatches?: boolean | null;
};

function FindAndAsk({
  memberIds,
  onSent,
}: {
  memberIds: Set<string>;
  onSent: (status: string) => void;
}) {
  const { t, language } = useMessages(organisationMessages);
  const [query, setQuery] = useState("");
  const [debounced, setDebounced] = useState("");
  const [chosen, setChosen] = useState<Found | null>(null);
  const [proposing, setProposing] = useState(false);
  const resultsId = useId();
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(query.trim()), 250);
    return () => clearTimeout(timer);
  }, [query]);
  const [{ data, error, fetching }] = useQuery({
    query: FindOrganisations,
    variables: { search: debounced },
    pause: debounced.length === 0,
  });
  const results = debounced && data ? data.organisations : null;

  return (
    <>
      <h3 id="find-organisation-heading">{t("find.title")}</h3>
      <div role="search" aria-labelledby="find-organisation-heading">
        <Field
          label={t("find.search")}
          hint={t("find.searchHint")}
          type="search"
          name="organisation-search"
          autoComplete="off"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          aria-controls={resultsId}
        />
        <div id={resultsId}>
          <p className="visually-hidden" role="status" aria-live="polite">
            {results ? t("find.matches", { count: results.totalCount }) : ""}
          </p>
          <ErrorNotice error={error} />
          {debounced && fetching && !data && <Loading />}
          {results && results.nodes.length === 0 && (
            <p>{t("find.noMatch", { query: debounced })}</p>
          )}
          {results && results.nodes.length > 0 && (
            <ul
              className="list organisation-results"
              aria-label={t("find.results", { query: debounced })}
            >
              {results.nodes.map((o) => (
                <li key={o.id} data-organisation-id={o.id}>
                  <strong>{organisationName(o, language)}</strong>{" "}
                  <span className="badge">{t(`kind.${o.kind}`)}</span>{" "}
                  <small>{cityName(o.city, language)}</small>
                  {o.emailDomainMatches && (
                    <p className="organisation-results__hint">
                      {t("find.domainMatch")}
                    </p>
                  )}
                  <div>
                    {memberIds.has(o.id) ? (
                      <small>{t("find.alreadyMember")}</small>
                    ) : (
                      <button
                        aria-label={`${t("find.ask")}: ${organisationName(o, language)}`}
                        type="button"
                        className="button button--secondary button--small"
                        onClick={() => {
                          setChosen(o);
                          setProposing(false);
                        }}
                      >
                        {t("find.ask")}
                      </button>
                    )}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
      {chosen && (
        <AskForm
          key={chosen.id}
          organisation={chosen}
          onCancel={() => setChosen(null)}
          onSent={() => {
            setChosen(null);
            setQuery("");
            onSent(t("find.sent"));
          }}
        />
      )}
      {!proposing ? (
        <p>
          <button
            type="button"
            className="button button--ghost"
            onClick={() => {
              setProposing(true);
              setChosen(null);
            }}
          >
            {t("propose.open")}
          </button>
        </p>
      ) : (
        <ProposeForm
          onCancel={() => setProposing(false)}
          onSent={() => {
            setProposing(false);
            onSent(t("propose.sent"));
          }}
          onAskExisting={(o) => {
            setProposing(false);
            setChosen(o);
          }}
        />
      )}
    </>
  );
}

function AskForm({
  organisation,
  onCancel,
  onSent,
}: {
  organisation: Found;
  onCancel: () => void;
  onSent: () => void;
}) {
  const { t, language } = useMessages(organisationMessages);
  const [message, setMessage] = useState("");
  const [result, ask] = useMutation(AskToJoin);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const problem = problemOf(result.error);
  const server = fieldProblems(problem);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const { data } = await ask({
      input: {
        organisationId: organisation.id,
        message: message.trim() || undefined,
      },
    });
    if (data) onSent();
  }

  return (
    <form
      className="form panel"
      onSubmit={submit}
      noValidate
      aria-labelledby="ask-heading"
    >
      <h4 id="ask-heading" ref={headingRef} tabIndex={-1}>
        {t("find.askTitle", { name: organisationName(organisation, language) })}
      </h4>
      <Field
        label={t("find.message")}
        hint={t("find.messageHint")}
        problem={server.message}
        render={(control) => (
          <textarea
            {...control}
            rows={3}
            value={message}
            onChange={(e) => setMessage(e.target.value)}
          />
        )}
      />
      {problem?.reason === "ALREADY_MEMBER" ? (
        <p className="notice notice--info" role="alert">
          {t("find.alreadyMember")}
        </p>
      ) : (
        <ErrorNotice error={result.error} />
      )}
      <div className="organisation-actions">
        <button
          type="submit"
          className="button button--primary"
          disabled={result.fetching}
        >
          {t("find.send")}
        </button>
        <button
          type="button"
          className="button button--ghost"
          onClick={onCancel}
        >
          {t("find.cancel")}
        </button>
      </div>
    </form>
  );
}

function ProposeForm({
  onCancel,
  onSent,
  onAskExisting,
}: {
  onCancel: () => void;
  onSent: () => void;
  onAskExisting: (organisation: Found) => void;
}) {
  const { t, language } = useMessages(organisationMessages);
  const cityNames = useCityNames();
  const [draft, setDraft] = useState({
    kind: "CITY_GOVERNMENT" as (typeof KINDS)[number],
    cityId: "",
    nameEn: "",
    nameKo: "",
    message: "",
  });
  const update = (patch: Partial<typeof draft>) =>
    setDraft((d) => ({ ...d, ...patch }));
  const [touched, setTouched] = useState(false);
  const [result, propose] = useMutation(ProposeOrganisation);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const problem = problemOf(result.error);
  const server = fieldProblems(problem);
  const existingId =
    problem?.reason === "ORGANISATION_EXISTS"
      ? String(extensionsOf(result.error).organisationId ?? "")
      : "";
  const [existing] = useQuery({
    query: OrganisationById,
    variables: { id: existingId },
    pause: !existingId,
  });
  const problems = {
    cityId:
      touched && !draft.cityId
        ? t("propose.validation.city")
        : (server.cityId ?? null),
    nameEn:
      touched &&
      (draft.nameEn.trim().length < 2 || draft.nameEn.trim().length > 200)
        ? t("propose.validation.nameEn")
        : (server.nameEn ?? null),
    nameKo:
      touched &&
      (draft.nameKo.trim().length < 1 || draft.nameKo.trim().length > 200)
        ? t("propose.validation.nameKo")
        : (server.nameKo ?? null),
  };
  const cities = [...cityNames.entries()].sort((a, b) =>
    a[1][language].localeCompare(b[1][language], language),
  );

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (!draft.cityId || draft.nameEn.trim().length < 2 || !draft.nameKo.trim())
      return;
    const { data } = await propose({
      input: {
        kind: draft.kind,
        cityId: draft.cityId,
        nameEn: draft.nameEn.trim(),
        nameKo: draft.nameKo.trim(),
        message: draft.message.trim() || undefined,
      },
    });
    if (data) onSent();
  }

  return (
    <form
      className="form panel"
      onSubmit={submit}
      noValidate
      aria-labelledby="propose-heading"
    >
      <h4 id="propose-heading" ref={headingRef} tabIndex={-1}>
        {t("propose.title")}
      </h4>
      <p className="field__hint">{t("propose.intro")}</p>
      <Field
        label={t("propose.kind")}
        render={(control) => (
          <select
            {...control}
            value={draft.kind}
            onChange={(e) =>
              update({ kind: e.target.value as (typeof KINDS)[number] })
            }
          >
            {KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`kind.${kind}`)}
              </option>
            ))}
          </select>
        )}
      />
      <Field
        label={t("propose.city")}
        problem={problems.cityId}
        render={(control) => (
          <select
            {...control}
            value={draft.cityId}
            onChange={(e) => update({ cityId: e.target.value })}
          >
            <option value="">{t("propose.chooseCity")}</option>
            {cities.map(([id, names]) => (
              <option key={id} value={id}>
                {names[language]}
              </option>
            ))}
          </select>
        )}
      />
      <Field
        label={t("propose.nameEn")}
        lang="en"
        autoComplete="off"
        value={draft.nameEn}
        onChange={(e) => update({ nameEn: e.target.value })}
        problem={problems.nameEn}
      />
      <Field
        label={t("propose.nameKo")}
        lang="ko"
        autoComplete="off"
        value={draft.nameKo}
        onChange={(e) => update({ nameKo: e.target.value })}
        problem={problems.nameKo}
      />
      <Field
        label={t("propose.message")}
        hint={t("propose.messageHint")}
        problem={server.message}
        render={(control) => (
          <textarea
            {...control}
            rows={3}
            value={draft.message}
            onChange={(e) => update({ message: e.target.value })}
          />
        )}
      />
      {existingId ? (
        <div className="notice notice--info" role="alert">
          <p>{t("propose.exists")}</p>
          {existing.data && (
            <p>
              <strong>
                {organisationName(existing.data.organisation, language)}
              </strong>{" "}
              <small>
                {cityName(existing.data.organisation.city, language)}
              </small>{" "}
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => onAskExisting(existing.data!.organisation)}
              >
                {t("propose.askExisting")}
              </button>
            </p>
          )}
        </div>
      ) : (
        <ErrorNotice error={result.error} />
      )}
      <div className="organisation-actions">
        <button
          type="submit"
          className="button button--primary"
          disabled={result.fetching}
        >
          {t("propose.send")}
        </button>
        <button
          type="button"
          className="button button--ghost"
          onClick={onCancel}
        >
          {t("find.cancel")}
        </button>
      </div>
    </form>
  );
}
