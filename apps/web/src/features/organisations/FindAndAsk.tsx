import { useId, useState, type FormEvent } from "react";
import { useMutation, useQuery } from "urql";
import { fieldProblems, problemOf } from "../../api/errors";
import { ErrorNotice, Loading } from "../../components/ErrorNotice";
import { Field } from "../../components/Field";
import { useDebounced } from "../../hooks/useDebounced";
import { useMessages } from "../../i18n";
import { cityName } from "../../i18n/cities";
import { AskToJoin, FindOrganisations } from "./documents";
import { organisationMessages } from "./messages";
import { ProposeForm } from "./ProposeForm";
import { MessageField, RequestForm } from "./RequestControls";
import { organisationName, type Found } from "./shared";

/** Finding one's organisation by name to ask to join it, or opening the proposal of one that is missing. */
export function FindAndAsk({
  memberIds,
  onSent,
}: {
  memberIds: Set<string>;
  onSent: (status: string) => void;
}) {
  const { t, language } = useMessages(organisationMessages);
  const [query, setQuery] = useState("");
  const debounced = useDebounced(query, 250).trim();
  const [chosen, setChosen] = useState<Found | null>(null);
  const [proposing, setProposing] = useState(false);
  const resultsId = useId();
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
    <RequestForm
      headingId="ask-heading"
      title={t("find.askTitle", {
        name: organisationName(organisation, language),
      })}
      submit={t("find.send")}
      busy={result.fetching}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <MessageField
        label={t("find.message")}
        hint={t("find.messageHint")}
        problem={server.message}
        value={message}
        onChange={setMessage}
      />
      {problem?.reason === "ALREADY_MEMBER" ? (
        <p className="notice notice--info" role="alert">
          {t("find.alreadyMember")}
        </p>
      ) : (
        <ErrorNotice error={result.error} />
      )}
    </RequestForm>
  );
}
