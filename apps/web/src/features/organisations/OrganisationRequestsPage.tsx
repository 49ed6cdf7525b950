import { usePageTitle } from "../../components/Layout";
import { useMessages } from "../../i18n";
import { organisationMessages } from "./messages";
import { RequestsList } from "./RequestsList";

/** /me/organisation-requests: requests to join the organisations the person manages (the link in the deciders' email). */
export default function OrganisationRequestsPage() {
  const { t } = useMessages(organisationMessages);
  usePageTitle(t("decide.memberTitle"));
  return (
    <RequestsList
      title={t("decide.memberTitle")}
      intro={t("decide.memberIntro")}
    />
  );
}
