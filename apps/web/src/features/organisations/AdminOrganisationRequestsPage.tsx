import { useAuth } from "../../auth/AuthProvider";
import { usePageTitle } from "../../components/Layout";
import NotFoundPage from "../../components/NotFoundPage";
import { useMessages } from "../../i18n";
import { organisationMessages } from "./messages";
import { RequestsList } from "./RequestsList";

/** /admin/organisation-requests: every request and proposal, for admins; anyone else meets the not-found page. */
export default function AdminOrganisationRequestsPage() {
  const { t } = useMessages(organisationMessages);
  const { hasRole } = useAuth();
  if (!hasRole("ADMIN")) return <NotFoundPage />;
  return (
    <AdminPage title={t("decide.adminTitle")} intro={t("decide.adminIntro")} />
  );
}

function AdminPage({ title, intro }: { title: string; intro: string }) {
  usePageTitle(title);
  return <RequestsList title={title} intro={intro} />;
}
