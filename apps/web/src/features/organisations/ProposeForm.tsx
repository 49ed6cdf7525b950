import { useState, type FormEvent } from "react";
import { useMutation, useQuery } from "urql";
import { extensionsOf, fieldProblems, problemOf } from "../../api/errors";
import { ErrorNotice } from "../../components/ErrorNotice";
import { Field } from "../../components/Field";
import { useCityNames } from "../../hooks/useCityNames";
import { useMessages } from "../../i18n";
import { cityName } from "../../i18n/cities";
import { OrganisationById, ProposeOrganisation } from "./documents";
import { organisationMessages } from "./messages";
import { MessageField, RequestForm } from "./RequestControls";
import { KINDS, organisationName, type Found } from "./shared";

/** Proposing an organisation the platform does not have yet, for the admins to decide; one it has is offered to join instead. */
export function ProposeForm({
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
    <RequestForm
      headingId="propose-heading"
      title={t("propose.title")}
      submit={t("propose.send")}
      busy={result.fetching}
      onSubmit={submit}
      onCancel={onCancel}
    >
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
      <MessageField
        label={t("propose.message")}
        hint={t("propose.messageHint")}
        problem={server.message}
        value={draft.message}
        onChange={(message) => update({ message })}
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
    </RequestForm>
  );
}
