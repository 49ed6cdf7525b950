import type {
  OrganisationFieldsFragment,
  RequestFieldsFragment,
} from "../../gql/graphql";
import type { Language } from "../../i18n";
import { cityLabel, cityName } from "../../i18n/cities";

/** An organisation found by a search, which may say the person's email domain matches it. */
export type Found = OrganisationFieldsFragment & {
  emailDomainMatches?: boolean | null;
};

export const KINDS = [
  "CITY_GOVERNMENT",
  "UNIVERSITY",
  "COMPANY",
  "AGENCY",
  "OTHER",
] as const;
export const STATUSES = [
  "PENDING",
  "APPROVED",
  "DECLINED",
  "WITHDRAWN",
] as const;

export function organisationName(
  organisation: { nameEn: string; nameKo: string },
  language: Language,
): string {
  return language === "ko"
    ? organisation.nameKo || organisation.nameEn
    : organisation.nameEn || organisation.nameKo;
}

/** What a request is about, whether an existing organisation or a proposed one: its name, kind and city in the reader's language. */
export function requestSubject(
  request: RequestFieldsFragment,
  language: Language,
  cityNames: Map<string, { en: string; ko: string }>,
): {
  name: string;
  kind: OrganisationFieldsFragment["kind"] | null;
  city: string;
  proposal: boolean;
} {
  if (request.organisation) {
    return {
      name: organisationName(request.organisation, language),
      kind: request.organisation.kind,
      city: cityName(request.organisation.city, language),
      proposal: !!request.proposedNameEn,
    };
  }
  return {
    name: organisationName(
      {
        nameEn: request.proposedNameEn ?? "",
        nameKo: request.proposedNameKo ?? "",
      },
      language,
    ),
    kind: request.proposedKind ?? null,
    city: request.proposedCityId
      ? cityLabel(request.proposedCityId, cityNames, language)
      : "",
    proposal: true,
  };
}
