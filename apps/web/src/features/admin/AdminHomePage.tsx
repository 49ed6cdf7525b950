import { Link } from 'react-router';
import { usePageTitle } from '../../components/Layout';
import { useMessages } from '../../i18n';
import { adminMessages } from './messages';
import { ADMIN_SECTIONS } from './sections';

/** /admin: what each section of the console is for. */
export default function AdminHomePage() {
  const { t } = useMessages(adminMessages);
  usePageTitle(t('title'));
  return (
    <div className="page">
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <ul className="admin__sections">
        {ADMIN_SECTIONS.map((section) => (
          <li key={section.key}>
            <h2>
              <Link to={section.path}>{t(`section.${section.key}.title`)}</Link>
            </h2>
            <p>{t(`section.${section.key}.description`)}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
